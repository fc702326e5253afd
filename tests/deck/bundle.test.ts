// The built deck's first paint carries only what the first slide needs: highlight.js, the lab panes
// (with every lab's words and charts) and the speaker view load after `ready`.
// (Sizes and load times are measured by `npm run bench -- deck`, not asserted here.)
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { buildDeck } from '../../runner/deck-build.ts';
import { repoRoot } from '../../scripts/pdf.ts';

it('keeps highlight.js, the lab panes and the speaker view out of the first paint', async () => {
  const dist = await mkdtemp(join(tmpdir(), 'wharf-dist-'));
  try {
    await buildDeck(repoRoot, dist);
    const html = await readFile(join(dist, 'index.html'), 'utf8');
    const firstPaint = (await readdir(join(dist, 'assets'))).filter((file) => html.includes(file));
    expect(firstPaint.some((file) => file.endsWith('.js'))).toBe(true);
    const later = /^(highlight|mount|notes)-/;
    expect(firstPaint.filter((file) => later.test(file))).toEqual([]);
    // …and those chunks do exist, so the check above is not vacuous.
    const chunks = (await readdir(join(dist, 'assets'))).filter((file) => file.endsWith('.js'));
    for (const name of ['highlight', 'mount', 'notes'])
      expect(chunks.some((file) => file.startsWith(`${name}-`))).toBe(true);
    // No QR encoder in the page: the symbol is encoded at build time.
    const scripts = await Promise.all(chunks.map((file) => readFile(join(dist, 'assets', file), 'utf8')));
    expect(scripts.filter((code) => code.includes('The amount of data is too big to be stored in a QR Code'))).toEqual(
      [],
    );
  } finally {
    await rm(dist, { recursive: true, force: true });
  }
});
