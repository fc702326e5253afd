// One vite dev server (free loopback port) and one headless Debian Chromium per test file.
import type { BrowserContext, Page } from 'playwright-core';
import { type Chromium, type DeckServer, launchChromium, serveDeck } from '../../scripts/pdf.ts';
import type { Lang } from './chapters.ts';

export interface Deck {
  server: DeckServer;
  chromium: Chromium;
  context: BrowserContext;
  close(): Promise<void>;
}

export async function startDeck(options: { dist?: string } = {}): Promise<Deck> {
  const server = await serveDeck(options);
  const chromium = await launchChromium();
  return {
    server,
    chromium,
    context: chromium.context,
    async close() {
      await chromium.close();
      await server.close();
    },
  };
}

export interface OpenedDeck {
  page: Page;
  /** Console errors, page errors and requests that left the deck's own server. */
  problems: string[];
}

/** Watches a page for anything a clean deck must not produce. */
export function watch(page: Page, base: string): string[] {
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('request', (request) => {
    const url = request.url();
    if (!url.startsWith(base) && !url.startsWith('data:')) problems.push(`external request: ${url}`);
  });
  // A request the page itself gave up on because it navigated away (the language switch reloads
  // while recordings still load) is not a deck problem; any other failure is.
  page.on('requestfailed', (request) => {
    const reason = request.failure()?.errorText ?? 'unknown';
    if (reason !== 'net::ERR_ABORTED') problems.push(`failed request: ${request.url()} (${reason})`);
  });
  return problems;
}

/** Transitions and auto-animate off, so every measurement sees slides at rest. */
export const STILL = 'transition=none&autoAnimate=false';

export async function waitForDeck(page: Page): Promise<void> {
  await page.waitForFunction(
    () => {
      const status = window.wharfDeck;
      if (status?.error) throw new Error(status.error);
      return Boolean(status?.ready && status.highlighted && status.labs);
    },
    undefined,
    { timeout: 60_000, polling: 50 },
  );
  // The bundled fonts load with font-display: swap; measure with them, not with the fallback.
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
}

export const openDeck = (deck: Deck, lang: Lang, query = STILL, hash = ''): Promise<OpenedDeck> =>
  openDeckAt(deck.context, deck.server.url, lang, query, hash);

/** Opens the deck served at `base` (the dev server, a built deck, or the lab runner). */
export async function openDeckAt(
  context: BrowserContext,
  base: string,
  lang: Lang,
  query = STILL,
  hash = '',
): Promise<OpenedDeck> {
  const page = await context.newPage();
  const problems = watch(page, base);
  await page.goto(`${base}?lang=${lang}&${query}${hash}`);
  await waitForDeck(page);
  return { page, problems };
}
