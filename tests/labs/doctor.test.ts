import { createServer } from 'node:net';
import { describe, expect, it } from 'vitest';
import { runDoctor } from '../../scripts/doctor/checks.ts';
import { sharedEngine, wharfObjects } from './support.ts';

describe('doctor', () => {
  it('passes every check on a working machine, really running a container, and leaves nothing', async () => {
    const checks = await runDoctor({ port: 0 });
    expect(checks.map((c) => c.name)).toEqual([
      'Node.js',
      'Container engine',
      'Architecture',
      'Base image, built offline',
      'A container runs',
      'Deck port',
    ]);
    expect(checks.filter((c) => !c.ok)).toEqual([]);
    const { info, docker } = await sharedEngine();
    expect(checks[1]!.detail).toContain(`${info.product} ${info.version} at ${info.endpoint.host}`);
    expect(await wharfObjects(docker, 'wharf.lab=doctor')).toEqual([]);
  });

  it('names a busy deck port and how to move', async () => {
    const busy = createServer();
    await new Promise<void>((resolve) => busy.listen(0, '127.0.0.1', resolve));
    const port = (busy.address() as { port: number }).port;
    try {
      const deckPort = (await runDoctor({ port })).at(-1)!;
      expect(deckPort).toMatchObject({
        ok: false,
        detail: `127.0.0.1:${port} is in use`,
        hint: expect.stringContaining(`WHARF_PORT=${port + 1}`),
      });
    } finally {
      busy.close();
    }
  });
});
