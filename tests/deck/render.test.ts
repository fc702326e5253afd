// The deck in real headless Chromium, both languages: every slide renders cleanly, fits its box,
// has notes; diagrams come out in the right language; lab slides keep their lower half free.
import jsQR from 'jsqr';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventConfig } from '../../slides/diagrams/event.ts';
import { deckSlides, LANGS, type Lang } from './chapters.ts';
import { type Deck, type OpenedDeck, openDeck, startDeck } from './harness.ts';
import { measureCurrentSlide, type SlideReport } from './measure-slide.ts';

let deck: Deck;

beforeAll(async () => {
  deck = await startDeck();
});

afterAll(async () => {
  await deck?.close();
});

const CJK = /[\u3400-\u9fff]/;

describe.each(LANGS)('%s deck', (lang: Lang) => {
  let opened: OpenedDeck;
  let reports: SlideReport[] = [];
  const expected = deckSlides(lang);

  beforeAll(async () => {
    opened = await openDeck(deck, lang);
    const count = await opened.page.evaluate(() => window.wharfDeck!.reveal!.getTotalSlides());
    reports = [];
    for (let i = 0; i < count; i++) {
      await opened.page.evaluate((index) => window.wharfDeck!.reveal!.slide(index, 0, -1), i);
      // one frame for reveal to lay the slide out
      await opened.page.evaluate(() => new Promise(requestAnimationFrame));
      reports.push(await opened.page.evaluate(measureCurrentSlide));
    }
  });

  afterAll(async () => {
    await opened?.page.close();
  });

  it('loads every chapter and slide, in file order, with <html lang> set', async () => {
    expect(reports.map((r) => r.id)).toEqual(expected.map((s) => s.id));
    const htmlLang = await opened.page.evaluate(() => document.documentElement.lang);
    expect(htmlLang.startsWith(lang)).toBe(true);
  });

  it('renders every slide with no console error, page error or outside request', () => {
    expect(reports.length).toBeGreaterThan(0);
    expect(opened.problems).toEqual([]);
  });

  it('keeps every element inside the slide box', () => {
    const bad = reports.filter((r) => r.outside.length).map((r) => ({ id: r.id, outside: r.outside }));
    expect(bad).toEqual([]);
  });

  it('clips no code block, table or line of text', () => {
    const bad = reports.filter((r) => r.clipped.length).map((r) => ({ id: r.id, clipped: r.clipped }));
    expect(bad).toEqual([]);
  });

  it('has non-empty speaker notes on every slide', () => {
    expect(reports.filter((r) => !r.notes).map((r) => r.id)).toEqual([]);
  });

  it('renders every diagram, labels inside their boxes, in the deck language', async () => {
    expect(reports.filter((r) => r.labels.length).map((r) => ({ id: r.id, labels: r.labels }))).toEqual([]);
    const found = await opened.page.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>('.reveal .diagram')].map((el) => ({
        name: el.dataset.diagram ?? '',
        rendered: el.classList.contains('diagram-rendered') && el.querySelector('svg') !== null,
        text: el.querySelector('svg')?.textContent ?? '',
      })),
    );
    expect(found.map((d) => d.name)).toEqual(expected.flatMap((s) => s.diagrams.map((d) => d.name)));
    expect(found.filter((d) => !d.rendered).map((d) => d.name)).toEqual([]);
    for (const diagram of found) expect(CJK.test(diagram.text), diagram.name).toBe(lang === 'zh');
  });

  it('shows `npm run lab -- <id>` on every lab slide and leaves its lower half empty', async () => {
    const labs = await opened.page.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>('.reveal section[data-lab]')].map((s) => ({
        lab: s.dataset.lab ?? '',
        code: [...s.querySelectorAll('pre code')].map((c) => (c.textContent ?? '').trim()),
      })),
    );
    expect(labs.map((l) => l.lab)).toEqual(expected.filter((s) => s.lab).map((s) => s.lab));
    expect(labs.filter((l) => !l.code.includes(`npm run lab -- ${l.lab}`))).toEqual([]);
    expect(reports.filter((r) => r.lowerHalf.length).map((r) => ({ id: r.id, lowerHalf: r.lowerHalf }))).toEqual([]);
  });
});

describe('Chinese fonts', () => {
  it('measures zh slides with a real CJK font, or says it could not', async () => {
    const { page } = await openDeck(deck, 'zh');
    // A CJK glyph is one em wide; the tofu box a browser draws without a CJK font is narrower, so
    // the zh bounds checks would under-measure every Chinese line.
    const em = await page.evaluate(() => {
      const ctx = document.createElement('canvas').getContext('2d')!;
      ctx.font = `100px ${getComputedStyle(document.querySelector('.reveal')!).fontFamily}`;
      return ctx.measureText('中文字体').width / 400;
    });
    await page.close();
    if (em < 0.95) {
      console.warn(
        `zh slides were measured WITHOUT a CJK font (glyph width ${em.toFixed(2)} em): install one ` +
          '(Debian: fonts-noto-cjk) for a meaningful zh layout check',
      );
    }
    expect(em).toBeGreaterThan(0);
  });
});

describe('language switch', () => {
  it.each(LANGS)('keeps the slide when switching from %s', async (lang) => {
    const ids = deckSlides(lang).map((s) => s.id);
    const targets = [1, Math.floor(ids.length / 2), ids.length - 1];
    const other = lang === 'en' ? 'zh' : 'en';
    const { page, problems } = await openDeck(deck, lang);
    try {
      for (const k of targets) {
        if (!page.url().includes(`lang=${lang}`)) {
          await page.goto(`${deck.server.url}?lang=${lang}`);
          await page.waitForFunction(() => window.wharfDeck?.ready);
        }
        await page.evaluate((index) => window.wharfDeck!.reveal!.slide(index), k);
        const before = await page.evaluate(() => window.wharfDeck!.reveal!.getCurrentSlide().id);
        expect(before).toBe(ids[k]);
        const control = page.locator('.reveal .wharf-lang');
        await expect.poll(() => control.isVisible()).toBe(true);
        await Promise.all([page.waitForURL((url) => url.searchParams.get('lang') === other), control.click()]);
        await page.waitForFunction(() => window.wharfDeck?.ready);
        const after = await page.evaluate(() => ({
          id: window.wharfDeck!.reveal!.getCurrentSlide().id,
          lang: window.wharfDeck!.lang,
          html: document.documentElement.lang,
        }));
        expect(after).toEqual({ id: before, lang: other, html: other === 'zh' ? 'zh-CN' : 'en' });
      }
      expect(problems).toEqual([]);
    } finally {
      await page.close();
    }
  });
});

describe('bundled fonts', () => {
  it.each(LANGS)(
    'renders %s text in Inter, Noto Sans SC and JetBrains Mono, all from the deck itself',
    async (lang) => {
      const { page, problems } = await openDeck(deck, lang);
      const id = 'engine-api'; // a slide with text, a heading and code
      await page.evaluate((target) => {
        const reveal = window.wharfDeck!.reveal!;
        const index = reveal.getSlides().findIndex((s) => s.id === target);
        reveal.slide(index);
      }, id);
      const faces = await page.evaluate(async () => {
        await document.fonts.ready;
        return [...document.fonts].filter((f) => f.status === 'loaded').map((f) => f.family.replace(/["']/g, ''));
      });
      expect(faces).toContain('Inter');
      expect(faces).toContain('JetBrains Mono');
      if (lang === 'zh') expect(faces).toContain('Noto Sans SC');
      const families = await page.evaluate(() => ({
        text: getComputedStyle(document.querySelector('.reveal .slides section.present li')!).fontFamily,
        code: getComputedStyle(document.querySelector('.reveal .slides section.present pre code')!).fontFamily,
      }));
      expect(families.text.startsWith('Inter')).toBe(true);
      expect(families.code.startsWith('"JetBrains Mono"')).toBe(true);
      // every font file came from the deck's own server (watch() reports any other request)
      expect(problems).toEqual([]);
      await page.close();
    },
  );
});

describe('closing slide', () => {
  it('shows a QR code a phone can read: the repository address from slides/event.json', async () => {
    const { page } = await openDeck(deck, 'en');
    await page.evaluate(() => {
      const reveal = window.wharfDeck!.reveal!;
      reveal.slide(reveal.getTotalSlides() - 1);
    });
    // rasterise the SVG the way a camera sees the screen, then decode it with jsQR
    const pixels = await page.evaluate(async () => {
      const svg = document.querySelector('.reveal section.present svg.dg-qr') as SVGSVGElement;
      const size = 400;
      const image = new Image();
      image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(new XMLSerializer().serializeToString(svg))}`;
      await image.decode();
      const canvas = document.createElement('canvas');
      canvas.width = canvas.height = size;
      const ctx = canvas.getContext('2d')!;
      ctx.drawImage(image, 0, 0, size, size);
      return { size, data: [...ctx.getImageData(0, 0, size, size).data] };
    });
    await page.close();
    const decoded = jsQR(Uint8ClampedArray.from(pixels.data), pixels.size, pixels.size);
    expect(decoded?.data).toBe(eventConfig.repository);
  });
});
