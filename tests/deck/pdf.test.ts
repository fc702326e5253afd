// `npm run pdf` through its exported function: one PDF page per slide plus one per fragment step,
// with the expected count derived from the live deck's DOM, not hard-coded.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportPdf } from '../../scripts/pdf.ts';
import { LANGS } from './chapters.ts';
import { type Deck, openDeck, startDeck } from './harness.ts';

let deck: Deck;
let dir: string;

beforeAll(async () => {
  deck = await startDeck();
  dir = await mkdtemp(join(tmpdir(), 'wharf-pdf-'));
});

afterAll(async () => {
  await deck?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

/** Page objects in the file (the page-tree node is `/Type /Pages`, which this skips). */
function countPdfPages(pdf: Buffer): number {
  return (pdf.toString('latin1').match(/\/Type\s*\/Page(?![A-Za-z])/g) ?? []).length;
}

describe.each(LANGS)('%s PDF', (lang) => {
  it('has one page per slide plus one per fragment step', async () => {
    const { page, problems } = await openDeck(deck, lang);
    // Lab slides get one fragment per step once their recordings are drawn.
    await page.waitForFunction(() => document.querySelectorAll('[data-lab-pane]:not([data-source])').length === 0);
    const expected = await page.evaluate(() =>
      window.wharfDeck!.reveal!.getSlides().reduce((pages, slide) => {
        const steps = new Set(
          [...slide.querySelectorAll('.fragment')].map((f) => f.getAttribute('data-fragment-index')),
        );
        return pages + 1 + steps.size;
      }, 0),
    );
    await page.close();
    expect(problems).toEqual([]);

    const out = join(dir, `wharf-${lang}.pdf`);
    await exportPdf({ lang, out });
    const pdf = await readFile(out);
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(countPdfPages(pdf)).toBe(expected);
  });
});
