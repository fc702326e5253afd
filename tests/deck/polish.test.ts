// Deck polish that can be checked from the chapter files alone: chapter dividers, the title and
// closing slides, headings, the glossary, and the sandbox diagram's highlight option.
import { describe, expect, it } from 'vitest';
import { sandboxParts } from '../../slides/diagrams/process-sandbox.ts';
import { chapterFiles, deckSlides, LANGS, type Lang, type Slide } from './chapters.ts';

const slides: Record<Lang, Slide[]> = { en: deckSlides('en'), zh: deckSlides('zh') };
const heading = (s: Slide) => /^#{1,2} (.+)$/m.exec(s.body)?.[1]?.trim() ?? '';
const kicker = (s: Slide) => /^(.*) <!-- \.element: class="kicker" -->$/m.exec(s.body)?.[1] ?? '';

describe.each(LANGS)('%s deck polish', (lang) => {
  const deck = slides[lang];

  it('opens every chapter after the welcome with a divider naming its number and its labs', () => {
    for (const file of chapterFiles(lang).filter((f) => !f.startsWith('00-'))) {
      const chapter = file.replace(/\.md$/, '');
      const own = deck.filter((s) => s.chapter === chapter);
      const first = own[0]!;
      expect(first.attributes.class, chapter).toBe('chapter-divider');
      expect(
        own.filter((s) => s.attributes.class === 'chapter-divider'),
        chapter,
      ).toHaveLength(1);
      const number = String(Number(file.slice(0, 2)));
      expect(kicker(first), chapter).toMatch(
        lang === 'en' ? new RegExp(`^Chapter ${number} · `) : new RegExp(`^第 ${number} 章 · `),
      );
      for (const lab of own.filter((s) => s.lab).map((s) => s.lab!)) expect(kicker(first), chapter).toContain(lab);
      expect(heading(first), chapter).not.toBe('');
    }
  });

  it('starts with the title slide and ends with the closing slide, both drawn from slides/event.json', () => {
    expect(deck[0]!.diagrams).toEqual([{ name: 'event', step: 'title' }]);
    expect(deck.at(-1)!.diagrams).toEqual([{ name: 'event', step: 'closing' }]);
  });

  it('gives every slide its own heading', () => {
    const seen = new Map<string, string>();
    const twice: string[] = [];
    for (const s of deck) {
      const h = heading(s);
      if (seen.has(h)) twice.push(`${seen.get(h)} and ${s.id}: ${h}`);
      seen.set(h, s.id);
    }
    expect(twice).toEqual([]);
  });

  it('highlights only parts the sandbox diagram has', () => {
    const used = deck.flatMap((s) => s.diagrams.filter((d) => d.highlight).map((d) => `${d.name}:${d.highlight}`));
    expect(used.length).toBeGreaterThan(0);
    for (const u of used) expect(sandboxParts.map((p) => `process-sandbox:${p}`)).toContain(u);
  });

  it('introduces the notes once, as the claims we will test, and has a glossary', () => {
    const ids = deck.filter((s) => s.chapter === '00-welcome').map((s) => s.id);
    expect(ids).toContain('welcome-claims');
    expect(ids).toContain('welcome-glossary');
  });
});

describe('typography and terms', () => {
  it('English headings use typographic quotes', () => {
    expect(slides.en.map(heading).filter((h) => /["']/.test(h.replace(/(\w)'(\w)/g, '$1$2')))).toEqual([]);
  });

  it('the Chinese glossary names the terms the deck uses', () => {
    const glossary = slides.zh.find((s) => s.id === 'welcome-glossary')!.body;
    for (const term of [
      '命名空间',
      '控制组',
      '镜像层',
      '写时复制',
      '具名卷',
      '绑定挂载',
      '数据卷',
      '镜像仓库',
      '第一类',
    ]) {
      expect(glossary).toContain(term);
    }
  });

  it('Chinese slides say 数据卷, 绑定挂载 and 镜像仓库 rather than the English words in running text', () => {
    // code spans and the glossary itself may name the English words
    const prose = slides.zh
      .filter((s) => s.id !== 'welcome-glossary')
      .map((s) =>
        `${s.body}\n${s.notes}`.replace(/<!--[\s\S]*?-->|```[\s\S]*?```|`[^`\n]*`/g, '').replace(/（[^）]*）/g, ''),
      )
      .join('\n');
    expect(prose.match(/\b(named volume|bind mount|registry)\b|(?<![\w-])volume(?!s)/g) ?? []).toEqual([]);
  });

  it('a caption under a table points up at it', () => {
    expect(slides.zh.filter((s) => /以下均为/.test(s.body)).map((s) => s.id)).toEqual([]);
  });
});
