// Chapter files, read from disk: the two languages mirror each other and follow the format the
// deck parses. No browser needed.
import { describe, expect, it } from 'vitest';
import { diagrams } from '../../slides/diagrams/index.ts';
import { chapterFiles, deckSlides, LAB_IDS, LANGS, type Lang } from '../deck/chapters.ts';

const slides = { en: deckSlides('en'), zh: deckSlides('zh') };

describe('chapter files', () => {
  it('en and zh have the same chapter files', () => {
    expect(chapterFiles('zh')).toEqual(chapterFiles('en'));
    expect(chapterFiles('en').length).toBeGreaterThan(0);
  });

  it.each(LANGS)('%s: chapter files are named NN-topic.md', (lang) => {
    for (const file of chapterFiles(lang)) expect(file).toMatch(/^\d\d-[a-z0-9-]+\.md$/);
  });

  it('en and zh have the same slide ids in the same order', () => {
    const ids = (lang: Lang) => slides[lang].map((s) => `${s.chapter}#${s.id}`);
    expect(ids('zh')).toEqual(ids('en'));
  });

  it('en and zh have the same lab ids, auto-animate flags and diagram placeholders', () => {
    const shape = (lang: Lang) =>
      slides[lang].map((s) => ({ id: s.id, lab: s.lab, autoAnimate: s.autoAnimate, diagrams: s.diagrams }));
    expect(shape('zh')).toEqual(shape('en'));
  });
});

describe.each(LANGS)('%s slides', (lang) => {
  const deck = slides[lang];

  it('every slide starts with an id comment; ids are unique lowercase words joined by -', () => {
    const bad = deck.filter((s) => !/^[a-z0-9]+(-[a-z0-9]+)*$/.test(s.id)).map((s) => `${s.chapter} slide ${s.index}`);
    expect(bad).toEqual([]);
    const seen = new Set<string>();
    const duplicates = deck.map((s) => s.id).filter((id) => seen.has(id) || !seen.add(id));
    expect(duplicates).toEqual([]);
  });

  it('every slide has speaker notes after `Note:`', () => {
    const missing = deck.filter((s) => s.notes.length < 20).map((s) => s.id);
    expect(missing).toEqual([]);
  });

  it('diagram placeholders name one of the five diagrams', () => {
    const unknown = deck.flatMap((s) =>
      s.diagrams.filter((d) => !diagrams.has(d.name)).map((d) => `${s.id}: ${d.name}`),
    );
    expect(unknown).toEqual([]);
  });

  it('vm-vs-container is shown as adjacent auto-animate slides, vm then container', () => {
    const steps = deck.filter((s) => s.diagrams.some((d) => d.name === 'vm-vs-container'));
    expect(steps.map((s) => s.diagrams[0]?.step)).toEqual(['vm', 'container']);
    expect(steps.every((s) => s.autoAnimate)).toBe(true);
    expect((steps[1]?.index ?? 0) - (steps[0]?.index ?? 0)).toBe(1);
  });

  it('code blocks name their language', () => {
    const bare = deck.flatMap((s) => s.code.filter((c) => !c.lang).map(() => s.id));
    expect(bare).toEqual([]);
  });

  it('every lab id has exactly one lab slide showing `npm run lab -- <id>`', () => {
    const labSlides = deck.filter((s) => s.lab !== undefined);
    const missing = LAB_IDS.filter((id) => !labSlides.some((s) => s.lab === id));
    const duplicated = LAB_IDS.filter((id) => labSlides.filter((s) => s.lab === id).length > 1);
    const unknown = labSlides.map((s) => s.lab).filter((id) => !(LAB_IDS as readonly string[]).includes(id ?? ''));
    const withoutCommand = labSlides
      .filter((s) => !s.code.some((c) => c.lang === 'bash' && c.text.trim() === `npm run lab -- ${s.lab}`))
      .map((s) => s.id);
    expect({ missing, duplicated, unknown, withoutCommand }).toEqual({
      missing: [],
      duplicated: [],
      unknown: [],
      withoutCommand: [],
    });
  });

  it('the welcome agenda lists every chapter with its minutes, 90 in total', () => {
    const rows = deck
      .filter((s) => s.chapter === '00-welcome')
      .flatMap((s) => s.body.split('\n'))
      .map((line) => /^\|\s*(\d\d)\s*\|[^|]*\|\s*(\d+)\s*\|/.exec(line))
      .filter((m): m is RegExpExecArray => m !== null);
    const chapters = rows.map((m) => m[1]);
    expect(chapters).toEqual(chapterFiles(lang).map((f) => f.slice(0, 2)));
    expect(chapters).toHaveLength(16);
    expect(rows.reduce((sum, m) => sum + Number(m[2]), 0)).toBe(90);
  });
});
