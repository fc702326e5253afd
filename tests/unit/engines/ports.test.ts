import { createServer } from 'node:net';
import { describe, expect, it } from 'vitest';
import { freePortBlock, portIsFree } from '../../../scripts/engines/ports.ts';

describe('freePortBlock', () => {
  it('returns consecutive free ports below the ephemeral range, skipping a block with a busy port', async () => {
    const blockers = [];
    // The first random pick lands on the block starting at 20000 + 10 * 16; make it busy.
    const busy = createServer();
    await new Promise<void>((resolve) => busy.listen(20000 + 10 * 16 + 3, '127.0.0.1', resolve));
    blockers.push(busy);
    const picks = [10.5 / 798, 11.5 / 798];
    const block = await freePortBlock(16, () => picks.shift() ?? 0.5);
    for (const server of blockers) server.close();
    expect(block).toEqual({ first: 20000 + 11 * 16, last: 20000 + 11 * 16 + 15 });
    expect(await portIsFree(block.first)).toBe(true);
  });
});
