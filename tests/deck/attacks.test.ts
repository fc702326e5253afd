// The attacks a hostile web page can make on a presenter's browser, in real Chromium, against
// `npm start` (stage mode, the built deck, the real engine). The attacker is a page on another
// loopback port, which the browser counts as same-site: only the deck's own checks stand between.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Runner, startRunner } from '../../runner/server.ts';
import { type Chromium, launchChromium } from '../../scripts/pdf.ts';
import { type AttackerSite, startAttackerSite } from './attacker.ts';
import { STILL, waitForDeck, watch } from './harness.ts';

let chromium: Chromium;
let runner: Runner;
let attacker: AttackerSite;

beforeAll(async () => {
  [chromium, runner, attacker] = await Promise.all([launchChromium(), startRunner({ port: 0 }), startAttackerSite()]);
});
afterAll(async () => {
  await runner?.close();
  await Promise.all([chromium?.close(), attacker?.close()]);
});

/** The presenter opens the printed link, then goes to a lab slide: this tab can run labs. */
async function presenterOnLabSlide(page: Page, lab = 'processes'): Promise<void> {
  await page.goto(`${runner.url}?lang=en&${STILL}#${runner.secretUrl.split('#')[1]}`);
  await waitForDeck(page);
  await page.evaluate((id) => (window.location.hash = `#/lab-${id}`), lab);
  await expect.poll(() => page.evaluate(() => window.wharfDeck!.reveal!.getCurrentSlide().id)).toBe(`lab-${lab}`);
  await expect.poll(() => page.locator(`section[data-lab="${lab}"] .lab-run`).isVisible()).toBe(true);
}

const noRunFor = async (ms: number) => {
  const deadline = performance.now() + ms;
  while (performance.now() < deadline) {
    expect(runner.runs.active()).toEqual([]);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
};

describe('attack 1: another page drives the deck (reveal postMessage triggerKey R)', () => {
  it('a window the attacker opened ignores its messages, even once the presenter armed it', async () => {
    const page = await chromium.context.newPage();
    await page.goto(
      attacker.page(
        '/opener',
        `<button id="go" onclick="window.deck = window.open('${runner.url}#/lab-processes')">free prize</button>`,
      ),
    );
    const [deck] = await Promise.all([page.waitForEvent('popup'), page.click('#go')]);
    // The presenter then pastes the printed link into that very window.
    await presenterOnLabSlide(deck);
    const reach = await page.evaluate(() => {
      const deck = (window as unknown as { deck: Window }).deck;
      for (const message of ['{"method":"triggerKey","args":[82]}', '{"method":"slide","args":[0]}'])
        deck.postMessage(message, '*');
      return { closedToOpener: deck.closed };
    });
    // COOP severs the opener's handle; postMessage is off besides: both layers are checked.
    expect(reach.closedToOpener).toBe(true);
    await noRunFor(1500);
    expect(await deck.evaluate(() => window.wharfDeck!.reveal!.getCurrentSlide().id)).toBe('lab-processes');
    await Promise.all([deck.close(), page.close()]);
  });

  it('the deck obeys neither a posted triggerKey nor a synthetic key or click, only a person', async () => {
    const page = await chromium.context.newPage();
    await presenterOnLabSlide(page);
    await page.evaluate(() => window.postMessage('{"method":"triggerKey","args":[82]}', '*'));
    await page.evaluate(() => window.wharfDeck!.reveal!.triggerKey(82));
    await page.evaluate(() =>
      document.dispatchEvent(new KeyboardEvent('keydown', { keyCode: 82, key: 'r' } as KeyboardEventInit)),
    );
    await page.evaluate(() =>
      document.querySelector<HTMLButtonElement>('section[data-lab="processes"] .lab-run')!.click(),
    );
    await noRunFor(1500);
    // Control: the same deck, a real key press.
    await page.keyboard.press('r');
    await expect.poll(() => runner.runs.active().length, { timeout: 5000 }).toBe(1);
    await runner.runs.stopAll();
    await page.close();
  });
});

describe("attack 2: a page navigates to vite's /__open-in-editor", () => {
  it('gets a plain 404 from the stage server', async () => {
    const page = await chromium.context.newPage();
    const target = `${runner.url}__open-in-editor?file=${encodeURIComponent('/etc/passwd')}`;
    await page.goto(attacker.page('/editor', `<a id="go" href="${target}">click</a>`));
    const [response] = await Promise.all([page.waitForNavigation(), page.click('#go')]);
    expect(response?.status()).toBe(404);
    expect((await page.locator('body').textContent())?.trim()).toBe('not found');
    await page.close();
  });
});

describe("attack 3: a page posts to the API with the presenter's cookie", () => {
  it('is refused although the browser sends the session cookie (another port is same-site)', async () => {
    const deck = await chromium.context.newPage();
    await presenterOnLabSlide(deck);
    const page = await chromium.context.newPage();
    await page.goto(attacker.page('/csrf', '<p>nothing to see</p>'));
    const statuses = await page.evaluate(async (base) => {
      const attempts = [
        fetch(`${base}api/runs`, {
          method: 'POST',
          credentials: 'include',
          mode: 'no-cors',
          headers: { 'content-type': 'text/plain' },
          body: '{"lab":"processes"}',
        }),
        fetch(`${base}api/runs`, {
          method: 'POST',
          credentials: 'include',
          headers: { 'content-type': 'application/json', 'x-wharf-csrf': 'guess' },
          body: '{"lab":"processes"}',
        }),
      ];
      return Promise.all(
        attempts.map((attempt) =>
          attempt.then(
            (r) => r.type,
            (error: Error) => error.name,
          ),
        ),
      );
    }, runner.url);
    // Blocked by CORP/CORS or opaque: the attacker reads nothing either way.
    for (const status of statuses) expect(['opaque', 'TypeError']).toContain(status);
    await noRunFor(1000);
    await Promise.all([deck.close(), page.close()]);
  });
});

describe('attack 5: framing, and the deck under its own content security policy', () => {
  it('cannot be framed by another page', async () => {
    const page = await chromium.context.newPage();
    await page.goto(
      attacker.page('/frame', `<iframe id="deck" src="${runner.url}" width="800" height="450"></iframe>`),
    );
    const frame = await (await page.waitForSelector('#deck')).contentFrame();
    await page.waitForTimeout(500);
    expect(frame?.url()).not.toContain(runner.url);
    await page.close();
  });

  it.each(['en', 'zh'])(
    'renders every slide (%s) with no CSP violation or other console error',
    async (lang) => {
      const page = await chromium.context.newPage();
      const problems = watch(page, runner.url);
      // Without the key, so every lab slide draws its recording under the policy too.
      await page.goto(`${runner.url}?lang=${lang}&${STILL}`);
      await waitForDeck(page);
      const total = await page.evaluate(() => window.wharfDeck!.reveal!.getTotalSlides());
      for (let i = 0; i < total; i++) {
        await page.evaluate((index) => window.wharfDeck!.reveal!.slide(index, 0, -1), i);
        await page.evaluate(() => new Promise(requestAnimationFrame));
      }
      await expect.poll(() => page.locator('[data-lab-pane][data-source="recording"]').count()).toBeGreaterThan(0);
      expect(problems).toEqual([]);
      await page.close();
    },
    120_000,
  );

  it('still lets the speaker view (its own popup framing the deck) follow the presenter', async () => {
    const page = await chromium.context.newPage();
    const problems = watch(page, runner.url);
    await presenterOnLabSlide(page);
    const [speaker] = await Promise.all([page.waitForEvent('popup'), page.keyboard.press('s')]);
    const preview = () =>
      speaker.frames().find((frame) => frame.url().includes('receiver') && !frame.url().includes('controls=false'));
    /** The slide the speaker view's current-slide preview shows (undefined while it loads). */
    const previewSlide = () =>
      preview()
        ?.evaluate(() => window.wharfDeck?.reveal?.getCurrentSlide().id)
        .catch(() => undefined);
    await expect.poll(previewSlide, { timeout: 20_000 }).toBe('lab-processes');
    await page.keyboard.press('ArrowRight');
    const next = await page.evaluate(() => window.wharfDeck!.reveal!.getCurrentSlide().id);
    await expect.poll(previewSlide, { timeout: 10_000 }).toBe(next);
    // A preview never runs labs: it has no runner session of its own.
    expect(await preview()!.locator('section[data-lab] .lab-run:visible').count()).toBe(0);
    expect(problems).toEqual([]);
    await Promise.all([speaker.close(), page.close()]);
  });
});
