// Lab slides as a room sees them, from the recordings: readable from the back (no text under
// 18 px), the headline facts whole, every step fitting its box, nothing under reveal's controls.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { presentations } from '../../labs/present/index.ts';
import type { Recording } from '../../runner/protocol.ts';
import { repoRoot } from '../../scripts/pdf.ts';
import { deckSlides, LANGS, type Lang } from './chapters.ts';
import { type Deck, openDeck, startDeck } from './harness.ts';

let deck: Deck;
beforeAll(async () => {
  deck = await startDeck();
});
afterAll(() => deck?.close());

interface LabSlideReport {
  lab: string;
  steps: number;
  headlines: number;
  smallText: string[];
  clippedHeadlines: string[];
  overflowingSteps: number[];
  underControls: boolean;
  /** The slide's own text (title, one line, command) reaching down into the pane. */
  intoPane: string[];
  source: string | undefined;
  status: string;
  /** Terminal rows that break inside a word that would have fitted a row. */
  midWord: string[];
  /** zh only: words of the lab (titles, notes, captions...) with no Chinese in them. */
  untranslated: string[];
}

describe.each(LANGS)('%s lab slides, recorded', (lang: Lang) => {
  const labs = deckSlides(lang)
    .filter((s) => s.lab)
    .map((s) => ({ id: s.id, lab: s.lab! }));
  let reports: LabSlideReport[] = [];
  let problems: string[] = [];

  beforeAll(async () => {
    const opened = await openDeck(deck, lang);
    problems = opened.problems;
    reports = [];
    for (const { id, lab } of labs) {
      await opened.page.evaluate((slideId) => (window.location.hash = `#/${slideId}`), id);
      await opened.page.waitForFunction(
        (labId) => document.querySelector<HTMLElement>(`section[data-lab="${labId}"] [data-lab-pane]`)?.dataset.source,
        lab,
        { timeout: 10_000 },
      );
      reports.push(
        await opened.page.evaluate(
          ([labId, deckLang]) => {
            const slide = document.querySelector<HTMLElement>(`section[data-lab="${labId}"]`)!;
            const scale = slide.getBoundingClientRect().width / slide.offsetWidth;
            const steps = [...slide.querySelectorAll<HTMLElement>('.lab-steps > .lab-step')];
            const texts = [...slide.querySelectorAll<HTMLElement>('*')].filter(
              (el) =>
                !el.closest('aside.notes') &&
                [...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent!.trim()),
            );
            const pane = slide.querySelector('[data-lab-pane]')!.getBoundingClientRect();
            const controls = document.querySelector('.reveal .controls')!.getBoundingClientRect();
            const overlaps = (a: DOMRect, b: DOMRect) =>
              a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
            const arrows = [...document.querySelectorAll('.reveal .controls button')]
              .map((b) => b.getBoundingClientRect())
              .filter((r) => r.width > 0);
            return {
              lab: labId,
              steps: steps.length,
              headlines: slide.querySelectorAll('.lab-headline').length,
              smallText: texts
                .filter((el) => el.getClientRects().length > 0 && parseFloat(getComputedStyle(el).fontSize) < 18)
                .map(
                  (el) =>
                    `${el.className || el.tagName} ${getComputedStyle(el).fontSize} "${(el.textContent ?? '').trim().slice(0, 30)}"`,
                ),
              clippedHeadlines: [...slide.querySelectorAll<HTMLElement>('.lab-headline, .lab-headline *')]
                .filter(
                  (el) =>
                    el.scrollWidth > el.clientWidth + 1 ||
                    el.scrollHeight > el.clientHeight + 1 ||
                    el.getBoundingClientRect().bottom > pane.bottom + 1,
                )
                .map((el) => (el.textContent ?? '').trim()),
              overflowingSteps: steps
                .map((step, i) => (step.scrollHeight > step.clientHeight + 1 ? i : -1))
                .filter((i) => i >= 0),
              intoPane: [...slide.children]
                .filter((el) => !el.matches('[data-lab-pane], aside.notes') && el.getBoundingClientRect().height > 0)
                .filter((el) => el.getBoundingClientRect().bottom > pane.top + 1)
                .map((el) => `${el.tagName.toLowerCase()} "${(el.textContent ?? '').trim().slice(0, 40)}"`),
              underControls: arrows.some((arrow) => overlaps(pane, arrow)) && controls.width > 0 && scale > 0,
              source: slide.querySelector<HTMLElement>('[data-lab-pane]')?.dataset.source,
              status: slide.querySelector('.lab-status')?.textContent ?? '',
              midWord: [...slide.querySelectorAll<HTMLElement>('.lab-step .lab-line > div')].flatMap((row) => {
                // every character with the top of the row it landed on, across the row's text nodes
                const chars: { ch: string; top: number; width: number }[] = [];
                const walker = document.createTreeWalker(row, NodeFilter.SHOW_TEXT);
                for (let node = walker.nextNode(); node; node = walker.nextNode()) {
                  const range = document.createRange();
                  for (let i = 0; i < node.textContent!.length; i++) {
                    range.setStart(node, i);
                    range.setEnd(node, i + 1);
                    const rect = range.getClientRects()[0];
                    if (rect) chars.push({ ch: node.textContent![i]!, top: rect.top, width: rect.width });
                  }
                }
                const wide = (ch: string) =>
                  /[\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60]/.test(ch);
                const rowWidth = row.clientWidth - parseFloat(getComputedStyle(row).paddingLeft);
                const bad: string[] = [];
                for (let k = 1; k < chars.length; k++) {
                  if (chars[k]!.top <= chars[k - 1]!.top + 1) continue;
                  const before = chars[k - 1]!.ch;
                  if (before === ' ' || wide(before) || wide(chars[k]!.ch)) continue;
                  let start = k;
                  while (start > 0 && chars[start - 1]!.ch !== ' ') start--;
                  let end = k;
                  while (end < chars.length && chars[end]!.ch !== ' ') end++;
                  const word = chars.slice(start, end);
                  // a word wider than a whole row has to break somewhere
                  if (word.reduce((w, c) => w + c.width, 0) > rowWidth) continue;
                  bad.push(
                    `${word
                      .map((c) => c.ch)
                      .join('')
                      .slice(0, k - start)}/${word
                      .map((c) => c.ch)
                      .join('')
                      .slice(k - start)}`,
                  );
                }
                return bad;
              }),
              untranslated:
                deckLang === 'zh'
                  ? [
                      ...slide.querySelectorAll(
                        '.lab-title, .lab-note, .lab-wait, .lab-cleanup, .lab-ok, .lab-headline > span, .lab-status, .lab-facts dt',
                      ),
                    ]
                      .map((el) => (el.textContent ?? '').trim())
                      .filter((text) => text && !/[\u4e00-\u9fff]/.test(text))
                  : [],
            };
          },
          [lab, lang] as const,
        ),
      );
    }
    await opened.page.close();
  }, 120_000);

  it("shows every lab's recording, told in more than one step", () => {
    expect(reports.map((r) => r.lab)).toEqual(labs.map((l) => l.lab));
    expect(reports.filter((r) => r.source !== 'recording' || r.steps < 2).map((r) => r.lab)).toEqual([]);
    expect(problems).toEqual([]);
  });

  it('has no text smaller than 18 px on a lab slide', () => {
    expect(reports.filter((r) => r.smallText.length).map((r) => ({ lab: r.lab, smallText: r.smallText }))).toEqual([]);
  });

  it('shows three to five headline facts per lab, none clipped', () => {
    for (const report of reports) {
      expect(report.headlines, report.lab).toBeGreaterThanOrEqual(3);
      expect(report.headlines, report.lab).toBeLessThanOrEqual(5);
    }
    expect(
      reports.filter((r) => r.clippedHeadlines.length).map((r) => ({ lab: r.lab, clipped: r.clippedHeadlines })),
    ).toEqual([]);
  });

  it('fits every step in its box and keeps the pane clear of the navigation arrows', () => {
    expect(
      reports.filter((r) => r.overflowingSteps.length).map((r) => ({ lab: r.lab, steps: r.overflowingSteps })),
    ).toEqual([]);
    expect(reports.filter((r) => r.underControls).map((r) => r.lab)).toEqual([]);
    expect(reports.filter((r) => r.intoPane.length).map((r) => ({ lab: r.lab, intoPane: r.intoPane }))).toEqual([]);
  });

  it('wraps terminal text only between words, never inside a name that fits a row', () => {
    expect(reports.filter((r) => r.midWord.length).map((r) => ({ lab: r.lab, midWord: r.midWord }))).toEqual([]);
  });

  it('says when and on which engine each recording was made', () => {
    for (const report of reports) {
      const recording = JSON.parse(
        readFileSync(join(repoRoot, 'recordings', `${report.lab}.json`), 'utf8'),
      ) as Recording;
      const version = recording.engine.version.replace(/[+~].*$/, '');
      expect(report.status, report.lab).toContain(`${recording.engine.product} ${version}`);
      expect(report.status, report.lab).toContain(`cgroup v${recording.engine.cgroupVersion}`);
      expect(report.status, report.lab).toContain(String(new Date(recording.recordedAt).getFullYear()));
    }
  });

  it.runIf(lang === 'zh')('speaks Chinese in every title, note, caption and fact label', () => {
    expect(
      reports.filter((r) => r.untranslated.length).map((r) => ({ lab: r.lab, untranslated: r.untranslated })),
    ).toEqual([]);
  });

  it('has a presentation (headlines, Chinese) for every lab on a slide', () => {
    expect(labs.filter((l) => !presentations[l.lab]).map((l) => l.lab)).toEqual([]);
  });
});
