import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { buildDeck } from '../../runner/deck-build.ts';
import { launchChromium, repoRoot, serveDeck } from '../pdf.ts';

interface Asset {
  file: string;
  bytes: number;
  gzip: number;
}

const kB = (n: number) => `${(n / 1024).toFixed(1)} kB`;
const sum = (list: Asset[]) => list.reduce((n, a) => n + a.gzip, 0);

async function assets(dist: string): Promise<Asset[]> {
  const dir = join(dist, 'assets');
  const files = (await readdir(dir)).filter((f) => /\.(js|css)$/.test(f));
  return Promise.all(
    files.map(async (file) => {
      const content = await readFile(join(dir, file));
      return { file, bytes: content.length, gzip: gzipSync(content, { level: 9 }).length };
    }),
  );
}

interface ColdLoad {
  ready: number;
  domContentLoaded: number;
  /** The JS and CSS files the page fetched before Reveal's `ready`: what the first slide waited for. */
  beforeReady: string[];
}

/** Reveal's ready time on a cold load of the built deck: a fresh Chromium profile, nothing cached. */
async function coldReady(dist: string, lang: 'en' | 'zh'): Promise<ColdLoad> {
  const server = await serveDeck({ dist });
  const chromium = await launchChromium();
  try {
    const page = await chromium.context.newPage();
    await page.goto(`${server.url}?lang=${lang}`);
    await page.waitForFunction(
      () => Boolean(window.wharfDeck?.ready && window.wharfDeck.highlighted && window.wharfDeck.labs),
      undefined,
      { timeout: 60_000 },
    );
    // Awaited here: a bare `return` would let `finally` close the browser before the page answers.
    return await page.evaluate(() => {
      const readyMs = window.wharfDeck?.readyMs ?? Number.NaN;
      const resources = performance.getEntriesByType('resource') as PerformanceResourceTiming[];
      return {
        ready: readyMs,
        domContentLoaded: Math.round(
          (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).domContentLoadedEventEnd,
        ),
        beforeReady: resources
          .filter((r) => r.responseEnd <= readyMs && /\.(js|css)$/.test(new URL(r.name).pathname))
          .map((r) => new URL(r.name).pathname.replace(/^.*\//, '')),
      };
    });
  } finally {
    await chromium.close();
    await server.close();
  }
}

/** The built deck: gzip sizes of its JS and CSS, and how long a cold load takes to reach Reveal's `ready`. */
export async function benchDeck(): Promise<void> {
  const dist = await mkdtemp(join(tmpdir(), 'wharf-dist-'));
  try {
    await buildDeck(repoRoot, dist);
    const all = await assets(dist);
    const html = await readFile(join(dist, 'index.html'), 'utf8');
    const ofType = (ext: string) => all.filter((a) => a.file.endsWith(ext));
    console.log(
      [
        'deck       gzip sizes of dist/assets:',
        ...[...all]
          .sort((a, b) => b.gzip - a.gzip)
          .slice(0, 8)
          .map((a) => `  ${a.file.padEnd(40)} ${kB(a.bytes).padStart(10)} raw ${kB(a.gzip).padStart(10)} gzip`),
        `  first paint (index.html's JS + CSS): ${kB(sum(all.filter((a) => html.includes(a.file))))} gzip`,
        `  highlight chunk (loaded after ready): ${kB(sum(all.filter((a) => /highlight/.test(a.file))))} gzip`,
        `  all JS: ${kB(sum(ofType('.js')))} gzip, all CSS: ${kB(sum(ofType('.css')))} gzip`,
      ].join('\n'),
    );
    for (const lang of ['en', 'zh'] as const) {
      const { ready, domContentLoaded, beforeReady } = await coldReady(dist, lang);
      const firstSlide = sum(all.filter((a) => beforeReady.includes(a.file)));
      console.log(
        `deck       cold load (${lang}): DOMContentLoaded ${domContentLoaded} ms, Reveal ready ${ready} ms; ` +
          `first slide fetched ${kB(firstSlide)} gzip of JS + CSS (${beforeReady.length} files)`,
      );
    }
  } finally {
    await rm(dist, { recursive: true, force: true });
  }
}
