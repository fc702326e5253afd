// The myths chapter as the room sees it: every claim slide names a lab, and each figure its chart
// shows is one that lab's recording holds, read here straight from recordings/<lab>.json; the
// notes' figures on a chart are the ones the slide quotes.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Facts, FactValue } from '../../labs/kit/core/events.ts';
import type { Recording } from '../../runner/protocol.ts';
import { repoRoot } from '../../scripts/pdf.ts';
import { mythCharts } from '../../slides/charts/index.ts';
import { deckSlides, LAB_IDS, LANGS, type Lang } from './chapters.ts';
import { type Deck, openDeck, startDeck } from './harness.ts';

let deck: Deck;
beforeAll(async () => {
  deck = await startDeck();
});
afterAll(() => deck?.close());

const NOTES_SAY: Record<Lang, string> = { en: '**The notes say:**', zh: '**笔记说：**' };
const LABS_SHOW: Record<Lang, string> = { en: '**What the labs show:**', zh: '**实验看到的：**' };

function recordedFacts(lab: string): Facts {
  const recording = JSON.parse(readFileSync(join(repoRoot, 'recordings', `${lab}.json`), 'utf8')) as Recording;
  const facts: Facts = {};
  for (const { event } of recording.events) if (event.type === 'fact') facts[event.key] = event.value;
  return facts;
}

/** Each figure in a text, in the fact's own unit (ms, bytes or plain), with the precision it was shown at. */
function figures(text: string, key: string): { value: number; tolerance: number }[] {
  const found: { value: number; tolerance: number }[] = [];
  for (const match of text.matchAll(/(\d[\d,]*(?:\.(\d+))?)\s*(ms|s|MiB|MB|×)?/g)) {
    const shown = Number(match[1]!.replace(/,/g, ''));
    const decimals = match[2]?.length ?? 0;
    const unit = match[3] ?? '';
    const scale = unit === 's' && key.endsWith('Ms') ? 1000 : unit === 'MiB' ? 2 ** 20 : unit === 'MB' ? 1e6 : 1;
    found.push({ value: shown * scale, tolerance: 0.5 * 10 ** -decimals * scale });
  }
  return found;
}

/** Why a shown figure does not match its fact, or undefined when it does. */
function mismatch(shown: string, keys: string[], facts: Facts): string | undefined {
  const values = keys.map((key) => facts[key]);
  if (values.some((v) => v === undefined)) return `no fact ${keys.join('/')} in the recording`;
  const strings = values.filter((v): v is string => typeof v === 'string');
  if (strings.length) {
    const cut = shown.replace(/…$/, '');
    return strings.some((v) => v.startsWith(cut)) ? undefined : `"${shown}" is not ${strings.join(' / ')}`;
  }
  const numbers = keys
    .map((key, i) => ({ key, value: values[i] as FactValue }))
    .filter((f) => typeof f.value === 'number');
  const shownFigures = numbers.length ? figures(shown, numbers[0]!.key) : [];
  if (shownFigures.length < numbers.length) return `"${shown}" shows fewer figures than ${keys.join(', ')}`;
  for (const [i, { key, value }] of numbers.entries()) {
    const figure = figures(shown, key)[i]!;
    if (Math.abs(figure.value - (value as number)) > figure.tolerance + 1e-9)
      return `"${shown}": ${key} is ${value} in the recording`;
  }
  return undefined;
}

interface ChartReport {
  id: string;
  chart?: string;
  chartLab?: string;
  recorded: { text: string; facts: string[] }[];
  notes: string[];
}

describe.each(LANGS)('%s myth slides', (lang: Lang) => {
  const claims = deckSlides(lang).filter((s) => s.chapter === '15-myths' && s.body.includes(NOTES_SAY[lang]));
  const line = (body: string, lead: string) => body.split('\n').find((l) => l.includes(lead)) ?? '';
  const namedLabs = (body: string) =>
    [...line(body, LABS_SHOW[lang]).matchAll(/`([a-z-]+)`/g)].map((m) => m[1]!).filter((id) => LAB_IDS.includes(id));
  let reports: ChartReport[] = [];
  let problems: string[] = [];

  beforeAll(async () => {
    const opened = await openDeck(deck, lang);
    problems = opened.problems;
    reports = [];
    for (const slide of claims) {
      await opened.page.evaluate((id) => (window.location.hash = `#/${id}`), slide.id);
      await opened.page.waitForFunction((id) => window.wharfDeck?.reveal?.getCurrentSlide().id === id, slide.id);
      reports.push(
        await opened.page.evaluate((id) => {
          const section = document.getElementById(id)!;
          const chart = section.querySelector<HTMLElement>('.myth-chart');
          return {
            id,
            chart: chart?.dataset.chart,
            chartLab: chart?.dataset.chartLab,
            recorded: [...section.querySelectorAll<SVGElement>('[data-source="recorded"][data-facts]')].map((g) => ({
              text: (g.textContent ?? '').trim(),
              facts: (g.dataset.facts ?? '').split(' '),
            })),
            notes: [...section.querySelectorAll('.chart-notes')].map((g) => (g.textContent ?? '').trim()),
          };
        }, slide.id),
      );
    }
    await opened.page.close();
  }, 120_000);

  it('finds the claim slides and draws their charts without errors', () => {
    expect(claims.length).toBeGreaterThanOrEqual(5);
    expect(reports.map((r) => r.id)).toEqual(claims.map((s) => s.id));
    expect(problems).toEqual([]);
  });

  it('names a lab on every claim slide, and charts every claim a chart exists for', () => {
    for (const slide of claims) {
      const labs = namedLabs(slide.body);
      expect(labs, slide.id).not.toEqual([]);
      const report = reports.find((r) => r.id === slide.id)!;
      const charted = [...mythCharts.values()].filter((c) => labs[0] === c.lab).map((c) => c.name);
      if (charted.length) expect(charted, slide.id).toContain(report.chart);
      if (report.chart) expect(labs, slide.id).toContain(report.chartLab);
    }
  });

  it("shows on each chart only figures its lab's recording holds", () => {
    const charted = reports.filter((r) => r.chart);
    expect(charted.length).toBeGreaterThanOrEqual(5);
    const wrong: string[] = [];
    for (const report of charted) {
      expect(report.recorded.length, report.id).toBeGreaterThan(0);
      const facts = recordedFacts(report.chartLab!);
      for (const figure of report.recorded) {
        const why = mismatch(figure.text, figure.facts, facts);
        if (why) wrong.push(`${report.id}: ${why}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it("quotes on each chart the notes' figures the slide quotes", () => {
    for (const report of reports.filter((r) => r.chart)) {
      const said = line(claims.find((s) => s.id === report.id)!.body, NOTES_SAY[lang]).replace(/,(\d{3})/g, '$1');
      for (const notes of report.notes) {
        for (const number of notes.replace(/,(\d{3})/g, '$1').match(/\d+/g) ?? []) {
          expect(said, `${report.id}: ${notes}`).toMatch(new RegExp(`(^|\\D)${number}(\\D|$)`));
        }
      }
    }
  });
});
