// `npm run pdf [-- --lang zh] [-- --out file.pdf] [-- --dist]`: prints the deck to a PDF with
// Debian's Chromium. It serves the deck itself on a free loopback port: the vite dev server by
// default (always the current chapters), or the built dist/ with --dist.
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { createServer as createNetServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { type BrowserContext, chromium } from 'playwright-core';
import { createServer, preview } from 'vite';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const CHROMIUM = '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];
export type Lang = 'en' | 'zh';

/** A free TCP port on 127.0.0.1 (never the presenter's 4173). */
export async function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createNetServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolvePort(port));
    });
  });
}

export interface DeckServer {
  /** Base URL ending in `/`. */
  url: string;
  close(): Promise<void>;
}

/** Serves the deck from source (vite dev server) or from a built directory (vite preview). */
export async function serveDeck(options: { dist?: string } = {}): Promise<DeckServer> {
  const port = await freePort();
  const common = {
    configFile: join(repoRoot, 'vite.config.ts'),
    root: join(repoRoot, 'slides'),
    logLevel: 'warn' as const,
  };
  if (options.dist) {
    const server = await preview({
      ...common,
      build: { outDir: options.dist },
      preview: { host: '127.0.0.1', port, strictPort: true, open: false },
    });
    return { url: `http://127.0.0.1:${port}/`, close: () => server.close() };
  }
  const server = await createServer({
    ...common,
    server: { host: '127.0.0.1', port, strictPort: true, open: false, hmr: false, watch: null },
    // Found up front so the first page load never triggers a dependency re-optimisation reload.
    optimizeDeps: {
      include: ['reveal.js', 'reveal.js/plugin/markdown', 'reveal.js/plugin/notes', 'reveal.js/plugin/highlight'],
    },
  });
  await server.listen();
  return { url: `http://127.0.0.1:${port}/`, close: () => server.close() };
}

export interface Chromium {
  context: BrowserContext;
  close(): Promise<void>;
}

/** Debian's Chromium through playwright-core, with a fresh profile that is deleted afterwards. */
export async function launchChromium(viewport = { width: 1280, height: 720 }): Promise<Chromium> {
  const profile = await mkdtemp(join(tmpdir(), 'wharf-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport,
  });
  return {
    context,
    async close() {
      await context.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}

export interface PdfOptions {
  lang: Lang;
  out: string;
  /** Built deck directory to serve instead of the dev server. */
  dist?: string;
}

/** Writes the PDF and returns how long print view took to lay out, in ms. */
export async function exportPdf(options: PdfOptions): Promise<{ out: string; ms: number }> {
  const server = await serveDeck({ dist: options.dist });
  const browser = await launchChromium();
  try {
    const page = await browser.context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    const started = Date.now();
    await page.goto(`${server.url}?print-pdf&lang=${options.lang}`);
    await page.waitForFunction(
      () => {
        const status = window.wharfDeck;
        if (status?.error) throw new Error(status.error);
        return status?.ready && status.printReady && status.highlighted;
      },
      undefined,
      { timeout: 60_000, polling: 100 },
    );
    const ms = Date.now() - started;
    if (errors.length) throw new Error(`deck reported errors while printing:\n${errors.join('\n')}`);
    await page.pdf({ path: options.out, preferCSSPageSize: true, printBackground: true });
    return { out: options.out, ms };
  } finally {
    await browser.close();
    await server.close();
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      lang: { type: 'string', default: 'en' },
      out: { type: 'string' },
      dist: { type: 'boolean', default: false },
    },
  });
  const lang = values.lang;
  if (lang !== 'en' && lang !== 'zh') throw new Error(`--lang must be en or zh, not "${lang}"`);
  const out = resolve(values.out ?? `wharf-${lang}.pdf`);
  let dist: string | undefined;
  if (values.dist) {
    dist = join(repoRoot, 'dist');
    await stat(join(dist, 'index.html')).catch(() => {
      throw new Error('dist/index.html not found: run `npm run build` first, or drop --dist');
    });
  }
  const result = await exportPdf({ lang, out, dist });
  console.log(`wrote ${result.out} (${lang}) in ${(result.ms / 1000).toFixed(1)} s`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
