// Each lab's text says the same things in both languages: the same keys (the type checker sees to
// that) and, per sentence, the same `{name}` placeholders, so no value is lost in translation.
import { describe, expect, it } from 'vitest';
import { labs } from '../../../labs/index.ts';
import { kitText, placeholders } from '../../../labs/kit/core/text.ts';
import { texts } from '../../../labs/present/index.ts';

const tables = [
  ['kit', kitText.en, kitText.zh] as const,
  ...Object.entries(texts).map(([id, text]) => [id, text.en.lines, text.zh.lines] as const),
];

describe.each(tables)('%s', (_id, en, zh) => {
  it('has a Chinese sentence for every English one, with the same placeholders', () => {
    const en_ = en as Record<string, string>;
    const zh_ = zh as Record<string, string>;
    expect(Object.keys(zh_).sort()).toEqual(Object.keys(en_).sort());
    const differing = Object.keys(en_).filter(
      (key) => placeholders(en_[key]!).join() !== placeholders(zh_[key] ?? '').join(),
    );
    expect(differing).toEqual([]);
    expect(Object.values(zh_).filter((sentence) => !/[\u4e00-\u9fff]/.test(sentence))).toEqual([]);
  });
});

describe('every lab', () => {
  it('has its text registered under its id, with a label for every fact it declares', () => {
    for (const lab of labs) {
      expect(texts[lab.id]).toBe(lab.text);
      for (const lang of ['en', 'zh'] as const)
        expect(Object.keys(lab.text[lang].facts).sort()).toEqual(Object.keys(lab.facts).sort());
    }
  });
});
