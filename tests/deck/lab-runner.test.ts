// A lab run from its slide, end to end: real runner, real engine, real Chromium.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LAB_LABEL } from '../../labs/kit/core/labels.ts';
import { startRunner, type Runner } from '../../runner/server.ts';
import { launchChromium, serveDeck, type Chromium, type DeckServer } from '../../scripts/pdf.ts';
import { sharedEngine, wharfObjects } from '../labs/support.ts';
import { noEngine } from '../runner/support.ts';
import { openDeckAt, STILL } from './harness.ts';

let chromium: Chromium;

beforeAll(async () => {
  chromium = await launchChromium();
});
afterAll(() => chromium?.close());

const openLabSlide = (base: string, lab: string) => openDeckAt(chromium.context, base, 'en', STILL, `#/lab-${lab}`);

const pane = (page: Page, lab: string) => page.locator(`section[data-lab="${lab}"] [data-lab-pane]`);
const terminalText = (page: Page, lab: string) => pane(page, lab).locator('.xterm-rows').innerText();

describe('lab slides with the runner (npm start)', () => {
  let runner: Runner;
  beforeAll(async () => {
    runner = await startRunner({ port: 0, logLevel: 'warn' });
  });
  afterAll(() => runner?.close());

  it('runs the lab from its slide: real output streams into the terminal, then the facts', async () => {
    const { page, problems } = await openLabSlide(runner.url, 'processes');
    await pane(page, 'processes').locator('.lab-run').click();
    await expect.poll(() => terminalText(page, 'processes'), { timeout: 30_000 }).toContain('A container is a process');
    await expect.poll(() => pane(page, 'processes').getAttribute('data-state'), { timeout: 60_000 }).toBe('idle');
    expect(await pane(page, 'processes').locator('.lab-status').innerText()).toMatch(/Finished in [\d.]+ s/);
    const facts = await pane(page, 'processes').locator('.lab-facts dt').allInnerTexts();
    expect(facts).toContain('PID of sleep inside the container');
    const pidInside = pane(page, 'processes').locator('.lab-facts dt:text-is("PID of sleep inside the container") + dd');
    expect(await pidInside.innerText()).toBe('1');
    expect(problems).toEqual([]);
    await page.close();
  });

  it('stops a run from the slide and leaves no engine object behind', async () => {
    const { page } = await openLabSlide(runner.url, 'processes');
    await page.keyboard.press('r');
    await expect.poll(() => terminalText(page, 'processes'), { timeout: 30_000 }).toContain('Container id');
    await pane(page, 'processes').locator('.lab-stop').click();
    await expect.poll(() => pane(page, 'processes').getAttribute('data-state'), { timeout: 10_000 }).toBe('idle');
    expect(await pane(page, 'processes').locator('.lab-status').innerText()).toMatch(/Stopped/);
    expect(await wharfObjects((await sharedEngine()).docker, `${LAB_LABEL}=processes`)).toEqual([]);
    await page.close();
  });
});

describe('lab slides when the runner has no engine', () => {
  let runner: Runner;
  beforeAll(async () => {
    runner = await startRunner({ port: 0, logLevel: 'warn', engine: noEngine() });
  });
  afterAll(() => runner?.close());

  it('falls back to the recording on Run, and says why', async () => {
    const { page } = await openLabSlide(runner.url, 'processes');
    await pane(page, 'processes').locator('.lab-run').click();
    await expect.poll(() => pane(page, 'processes').getAttribute('data-source'), { timeout: 10_000 }).toBe('recording');
    const status = await pane(page, 'processes').locator('.lab-status').innerText();
    expect(status).toMatch(/^No container engine answered\. Showing the recording from .+ on (Docker Engine|Docker Desktop|Podman) /);
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
    const status = await pane(page, 'processes').locator('.lab-status').innerText();
    expect(status).toMatch(/^Live runs need “npm start”\. Showing the recording from .+ on (Docker Engine|Docker Desktop|Podman) /);
    expect(await pane(page, 'processes').locator('.lab-run').isVisible()).toBe(false);
    // The terminal keeps the recording's tail in view: its last line is the result.
    await expect.poll(() => terminalText(page, 'processes')).toMatch(/✔ done in [\d.]+ s/);
    expect(await pane(page, 'processes').locator('.lab-facts dt').count()).toBeGreaterThan(3);
    expect(problems).toEqual([]);
    await page.close();
  });
});
