// A lab run from its slide, end to end: real runner, real engine, real Chromium.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LAB_LABEL } from '../../labs/kit/core/labels.ts';
import { type Runner, startRunner } from '../../runner/server.ts';
import { type Chromium, type DeckServer, launchChromium, serveDeck } from '../../scripts/pdf.ts';
import { sharedEngine, wharfObjects } from '../labs/support.ts';
import { noEngine } from '../runner/support.ts';
import { openDeckAt, STILL } from './harness.ts';

let chromium: Chromium;

beforeAll(async () => {
  chromium = await launchChromium();
});
afterAll(() => chromium?.close());

const openLabSlide = (base: string, lab: string) => openDeckAt(chromium.context, base, 'en', STILL, `#/lab-${lab}`);

/** The presenter's way in: the link `npm start` printed (its key in the fragment), then the lab's slide. */
async function openLabSlideAsPresenter(runner: Runner, lab: string) {
  const opened = await openDeckAt(chromium.context, runner.url, 'en', STILL, `#${runner.secretUrl.split('#')[1]}`);
  expect(opened.page.url()).not.toContain(runner.sessions.key);
  await opened.page.evaluate((id) => (window.location.hash = `#/lab-${id}`), lab);
  await expect
    .poll(() => opened.page.evaluate(() => window.wharfDeck!.reveal!.getCurrentSlide().id))
    .toBe(`lab-${lab}`);
  return opened;
}

const pane = (page: Page, lab: string) => page.locator(`section[data-lab="${lab}"] [data-lab-pane]`);
/** Every step the pane holds (it shows one at a time), as text. */
const terminalText = async (page: Page, lab: string) =>
  (await pane(page, lab).locator('.lab-steps').textContent()) ?? '';

describe('lab slides with the runner (npm start)', () => {
  let runner: Runner;
  beforeAll(async () => {
    runner = await startRunner({ port: 0 });
  });
  afterAll(() => runner?.close());

  it('runs the lab from its slide: real output streams into the terminal, then the facts', async () => {
    const { page, problems } = await openLabSlideAsPresenter(runner, 'processes');
    await pane(page, 'processes').locator('.lab-run').click();
    await expect
      .poll(() => terminalText(page, 'processes'), { timeout: 30_000 })
      .toContain('Start a container that only sleeps');
    await expect.poll(() => pane(page, 'processes').getAttribute('data-state'), { timeout: 60_000 }).toBe('idle');
    expect(await pane(page, 'processes').locator('.lab-status').textContent()).toMatch(/Finished in [\d.]+ s/);
    const facts = await pane(page, 'processes').locator('.lab-facts dt').allInnerTexts();
    expect(facts).toContain('PID of sleep inside the container');
    const pidInside = pane(page, 'processes').locator(
      '.lab-facts dt:text-is("PID of sleep inside the container") + dd',
    );
    expect(await pidInside.textContent()).toBe('1');
    expect(problems).toEqual([]);
    await page.close();
  });

  it("adds this machine's figures to the lab's myth chart once the lab ran live", async () => {
    const { page, problems } = await openLabSlideAsPresenter(runner, 'kernel');
    const chart = page.locator('#myths-hyperkit .myth-chart');
    expect(await chart.getAttribute('data-source')).toBe('recording');
    expect(await chart.textContent()).toContain('your machine: run the lab on the next slide');
    await pane(page, 'kernel').locator('.lab-run').click();
    await expect.poll(() => pane(page, 'kernel').getAttribute('data-state'), { timeout: 120_000 }).toBe('idle');
    expect(await pane(page, 'kernel').locator('.lab-status').textContent()).toMatch(/Finished in [\d.]+ s/);
    const release = await pane(page, 'kernel')
      .locator('.lab-facts dt:text-is("Kernel release inside a container (uname -r)") + dd')
      .textContent();
    await expect.poll(() => chart.getAttribute('data-source')).toBe('recording live');
    const live = await chart.locator('[data-source="live"][data-facts="containerRelease"]').textContent();
    expect(release?.startsWith((live ?? '').replace(/…$/, ''))).toBe(true);
    expect(await chart.textContent()).toMatch(/your machine: \S/);
    expect(await chart.textContent()).not.toContain('run the lab on the next slide');
    expect(problems).toEqual([]);
    await page.close();
  });

  it('stops a run from the slide and leaves no engine object behind', async () => {
    const { page } = await openLabSlideAsPresenter(runner, 'processes');
    await page.keyboard.press('r');
    await expect.poll(() => terminalText(page, 'processes'), { timeout: 30_000 }).toContain('Container id');
    await pane(page, 'processes').locator('.lab-stop').click();
    await expect.poll(() => pane(page, 'processes').getAttribute('data-state'), { timeout: 10_000 }).toBe('idle');
    expect(await pane(page, 'processes').locator('.lab-status').textContent()).toMatch(/Stopped/);
    expect(await wharfObjects((await sharedEngine()).docker, `${LAB_LABEL}=processes`)).toEqual([]);
    await page.close();
  });
});

describe('lab slides in a tab not opened from the printed link', () => {
  let runner: Runner;
  beforeAll(async () => {
    runner = await startRunner({ port: 0 });
  });
  afterAll(() => runner?.close());

  it('shows the recording, offers no Run, and says which link runs labs live', async () => {
    const { page, problems } = await openLabSlide(runner.url, 'processes');
    await expect.poll(() => pane(page, 'processes').getAttribute('data-source'), { timeout: 10_000 }).toBe('recording');
    expect(await pane(page, 'processes').locator('.lab-status').textContent()).toMatch(
      /^Live runs need the link “npm start” printed in its terminal\. Showing the recording/,
    );
    expect(await pane(page, 'processes').locator('.lab-run').isVisible()).toBe(false);
    await page.keyboard.press('r');
    await page.waitForTimeout(500);
    expect(runner.runs.active()).toEqual([]);
    expect(problems).toEqual([]);
    await page.close();
  });
});

describe('lab slides when the runner has no engine', () => {
  let runner: Runner;
  beforeAll(async () => {
    runner = await startRunner({ port: 0, engine: noEngine() });
  });
  afterAll(() => runner?.close());

  it('falls back to the recording on Run, and says why', async () => {
    const { page } = await openLabSlideAsPresenter(runner, 'processes');
    await pane(page, 'processes').locator('.lab-run').click();
    // The pane showed the recording before Run too: wait for the words that say why it still does.
    const status = () => pane(page, 'processes').locator('.lab-status').textContent();
    await expect
      .poll(status, { timeout: 10_000 })
      .toMatch(
        /^No container engine answered\. Showing the recording from .+ on (Docker Engine|Docker Desktop|Podman) /,
      );
    expect(await pane(page, 'processes').getAttribute('data-source')).toBe('recording');
    await expect.poll(() => terminalText(page, 'processes')).toMatch(/✔ done in [\d.]+ s/);
    await page.close();
  });
});

describe('lab slides without a runner (static deck)', () => {
  let server: DeckServer;
  beforeAll(async () => {
    server = await serveDeck();
  });
  afterAll(() => server?.close());

  it('shows the last recording, labelled with when and on what engine it was recorded', async () => {
    const { page, problems } = await openLabSlide(server.url, 'processes');
    await expect.poll(() => pane(page, 'processes').getAttribute('data-source'), { timeout: 10_000 }).toBe('recording');
    const status = await pane(page, 'processes').locator('.lab-status').textContent();
    expect(status).toMatch(
      /^Live runs need “npm start”\. Showing the recording from .+ on (Docker Engine|Docker Desktop|Podman) /,
    );
    expect(await pane(page, 'processes').locator('.lab-run').isVisible()).toBe(false);
    // The terminal keeps the recording's tail in view: its last line is the result.
    await expect.poll(() => terminalText(page, 'processes')).toMatch(/✔ done in [\d.]+ s/);
    expect(await pane(page, 'processes').locator('.lab-facts dt').count()).toBeGreaterThan(3);
    expect(problems).toEqual([]);
    await page.close();
  });
});
