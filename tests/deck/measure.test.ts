// Measurements to report, not to gate on: gzip size of the built JS and CSS, and how long a cold
// page load of the built deck takes to reach Reveal's `ready` (fresh browser profile, no cache).
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../../scripts/pdf.ts';
import { LANGS } from './chapters.ts';
import { type Deck, startDeck, waitForDeck, watch } from './harness.ts';

let dist: string;
let deck: Deck | undefined;

interface Asset {
  file: string;
  bytes: number;
  gzip: number;
}

beforeAll(async () => {
  dist = await mkdtemp(join(tmpdir(), 'wharf-dist-'));
  await build({
    configFile: join(repoRoot, 'vite.config.ts'),
    root: join(repoRoot, 'slides'),
    logLevel: 'warn',
    // the lazily loaded highlight.js chunk is large on purpose; keep the report readable
    build: { outDir: dist, emptyOutDir: true, chunkSizeWarningLimit: 1200 },
  });
});

afterAll(async () => {
  await deck?.close();
  if (dist) await rm(dist, { recursive: true, force: true });
});

async function assets(): Promise<Asset[]> {
  const dir = join(dist, 'assets');
  const files = (await readdir(dir)).filter((f) => /\.(js|css)$/.test(f));
  return Promise.all(
    files.map(async (file) => {
      const content = await readFile(join(dir, file));
      return { file, bytes: content.length, gzip: gzipSync(content, { level: 9 }).length };
    }),
  );
}

const kB = (n: number) => `${(n / 1024).toFixed(1)} kB`;

describe('built deck', () => {
  it('reports gzip sizes of JS and CSS', async () => {
    const all = await assets();
    const html = await readFile(join(dist, 'index.html'), 'utf8');
    const initial = all.filter((a) => html.includes(a.file));
    const highlight = all.filter((a) => /highlight/.test(a.file));
    const chapters = all.filter((a) => /^chapters-/.test(a.file));
    const sum = (list: Asset[]) => list.reduce((n, a) => n + a.gzip, 0);
    const lines = [
      'gzip sizes of dist/assets:',
      ...all
        .sort((a, b) => b.gzip - a.gzip)
        .slice(0, 8)
        .map((a) => `  ${a.file.padEnd(40)} ${kB(a.bytes).padStart(10)} raw ${kB(a.gzip).padStart(10)} gzip`),
      `  first paint (index.html's JS + CSS): ${kB(sum(initial))} gzip`,
      `  highlight chunk (loaded after ready): ${kB(sum(highlight))} gzip`,
      `  chapter chunks (${chapters.length}, one per language, only the shown one loads): ${kB(sum(chapters))} gzip`,
      `  all JS: ${kB(sum(all.filter((a) => a.file.endsWith('.js'))))} gzip, all CSS: ${kB(sum(all.filter((a) => a.file.endsWith('.css'))))} gzip`,
    ];
    console.log(lines.join('\n'));
    await writeFile(join(tmpdir(), 'wharf-deck-sizes.txt'), lines.join('\n') + '\n');
    expect(initial.length).toBeGreaterThan(0);
    // the whole point of loading it lazily
    expect(initial.some((a) => /highlight/.test(a.file))).toBe(false);
  });

  it.each(LANGS)('reports the cold ready time (%s)', async (lang) => {
    // a fresh Chromium profile per language: nothing cached
    await deck?.close();
    deck = await startDeck({ dist });
    const page = await deck.context.newPage();
    const problems = watch(page, deck.server.url);
    await page.goto(`${deck.server.url}?lang=${lang}`);
    await waitForDeck(page);
    const timing = await page.evaluate(() => ({
      ready: window.wharfDeck!.readyMs!,
      domContentLoaded: Math.round(
        (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).domContentLoadedEventEnd,
      ),
    }));
    console.log(`cold load of the built deck (${lang}): DOMContentLoaded ${timing.domContentLoaded} ms, Reveal ready ${timing.ready} ms`);
    expect(problems).toEqual([]);
    expect(timing.ready).toBeGreaterThan(0);
  });
});
