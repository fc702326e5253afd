import { describe, expect, it } from 'vitest';
import { checkNode, nodeSupported, runDoctor } from '../../scripts/doctor/checks.ts';
import { connectNowhere } from '../labs/support.ts';

describe('nodeSupported', () => {
  it('accepts the lines package.json promises and nothing older', () => {
    for (const version of ['v20.19.0', 'v20.20.2', 'v22.12.0', 'v22.20.1', 'v24.0.0', 'v26.1.0'])
      expect(nodeSupported(version), version).toBe(true);
    for (const version of ['v18.20.4', 'v20.18.3', 'v21.7.0', 'v22.11.0', 'v23.9.0'])
      expect(nodeSupported(version), version).toBe(false);
  });

  it('says how to get a supported Node', () => {
    expect(checkNode('v18.20.4')).toMatchObject({ ok: false, hint: expect.stringContaining('20.19+, 22.12+ or 24+') });
  });
});

describe('runDoctor without an engine', () => {
  it('without an engine, says what was tried and skips what needs one', async () => {
    const checks = await runDoctor({ port: 0, connect: connectNowhere });
    expect(checks.map((c) => c.name)).toEqual(['Node.js', 'Container engine', 'Deck port']);
    expect(checks[1]).toMatchObject({
      ok: false,
      detail: 'No container engine answered.',
      hint: expect.stringContaining('Tried:'),
    });
  });
});
