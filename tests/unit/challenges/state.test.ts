import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { forgetHints, nextHint } from '../../../challenges/state.ts';

const freshFile = () => join(mkdtempSync(join(tmpdir(), 'wharf-state-')), 'nested', 'state.json');

describe('hint state', () => {
  it('shows one hint at a time, remembered per challenge, and stays on the last', async () => {
    const file = freshFile();
    expect(await nextHint('a', 3, file)).toEqual({ index: 0, last: false });
    expect(await nextHint('b', 2, file)).toEqual({ index: 0, last: false });
    expect(await nextHint('a', 3, file)).toEqual({ index: 1, last: false });
    expect(await nextHint('a', 3, file)).toEqual({ index: 2, last: true });
    expect(await nextHint('a', 3, file)).toEqual({ index: 2, last: true });
    expect(JSON.parse(readFileSync(file, 'utf8')).hintsShown).toEqual({ a: 3, b: 1 });
  });

  it('starts over after --reset, and from a broken file', async () => {
    const file = freshFile();
    await nextHint('a', 3, file);
    await forgetHints('a', file);
    expect(await nextHint('a', 3, file)).toEqual({ index: 0, last: false });
    writeFileSync(file, '{not json');
    expect(await nextHint('a', 3, file)).toEqual({ index: 0, last: false });
  });
});
