// The built deck's first paint does not carry the highlight.js chunk: it loads after `ready`.
// (Sizes and load times are measured by `npm run bench -- deck`, not asserted here.)
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { buildDeck } from '../../runner/deck-build.ts';
import { repoRoot } from '../../scripts/pdf.ts';

it('keeps highlight.js out of the first paint', async () => {
  const dist = await mkdtemp(join(tmpdir(), 'wharf-dist-'));
  try {
    await buildDeck(repoRoot, dist);
    const html = await readFile(join(dist, 'index.html'), 'utf8');
    const firstPaint = (await readdir(join(dist, 'assets'))).filter((file) => html.includes(file));
    expect(firstPaint.some((file) => file.endsWith('.js'))).toBe(true);
    expect(firstPaint.filter((file) => /highlight/.test(file))).toEqual([]);
    // …and the chunk does exist, so the check above is not vacuous.
    expect((await readdir(join(dist, 'assets'))).some((file) => /highlight/.test(file))).toBe(true);
  } finally {
    await rm(dist, { recursive: true, force: true });
  }
});
