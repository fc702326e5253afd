import { describe, expect, it } from 'vitest';
import { defineText, sentence } from '../../../labs/kit/core/text.ts';
import { presentations, texts } from '../../../labs/present/index.ts';
import { factLabel, factValue } from '../../../labs/present/translate.ts';
import { factText, mib, size } from '../../../labs/present/units.ts';

describe('sentence', () => {
  const text = defineText({
    en: {
      title: 'T',
      shows: 'S',
      lines: {
        host: 'Meanwhile, on the host',
        forks: '{started} sleeps plus the shell make {total}: {why}',
        cap: 'the limit',
      },
      facts: {},
    },
    zh: {
      title: 'T',
      shows: 'S',
      lines: {
        host: '与此同时，在宿主机上',
        forks: '{started} 个 sleep 加上 shell，一共 {total} 个：{why}',
        cap: '上限',
      },
      facts: {},
    },
  });

  it('reads a key in the language asked for', () => {
    expect(sentence(text, 'zh', { key: 'host' })).toBe('与此同时，在宿主机上');
    expect(sentence(text, 'en', { key: 'host' })).toBe('Meanwhile, on the host');
  });

  it('fills in the values a lab gave, a phrase value in the same language', () => {
    const said = { key: 'forks', values: { started: 15, total: 16, why: { key: 'cap' } } };
    expect(sentence(text, 'zh', said)).toBe('15 个 sleep 加上 shell，一共 16 个：上限');
    expect(sentence(text, 'en', said)).toBe('15 sleeps plus the shell make 16: the limit');
  });

  it("reads the kit's own sentences in any lab, and an unknown key as itself", () => {
    expect(sentence(text, 'zh', { key: 'kit.builtBase', values: { image: 'wharf/base' } })).toContain('wharf/base');
    expect(sentence(text, 'zh', { key: 'noSuchKey' })).toBe('noSuchKey');
    expect(factLabel(presentations.cgroups, texts.cgroups, 'zh', 'noSuchFact')).toBe('noSuchFact');
  });
});

describe('fact values', () => {
  it('reads in human units where the lab gives them', () => {
    expect(factValue(presentations.cgroups, texts.cgroups, 'en', 'memoryLimitInside', 50331648)).toBe('48 MiB');
    expect(
      factValue(presentations.cgroups, texts.cgroups, 'en', 'cpuMaxInside', { quotaUs: 50000, periodUs: 100000 }),
    ).toBe('50000 µs / 100000 µs');
    expect(factValue(presentations.layers, texts.layers, 'en', 'writableLayerBytes', 136)).toBe('136 B');
    expect(size(1985619)).toBe('1.99 MB');
    expect(mib(2 ** 20 * 1.5)).toBe('1.5 MiB');
  });

  it('writes any other value as one readable line', () => {
    expect(factText(true, 'en')).toBe('yes');
    expect(factText(false, 'zh')).toBe('否');
    expect(factText(['a', 'b'], 'en')).toBe('a, b');
    expect(factText({ container: 1, host: 2 }, 'en')).toBe('container 1 · host 2');
    expect(factText('x'.repeat(100), 'en', 10)).toBe(`${'x'.repeat(9)}…`);
  });
});

describe('headlines', () => {
  it('leaves out a card whose facts are missing, in both languages', () => {
    expect(presentations.processes!.headlines({}, 'en')).toEqual([]);
    const cards = presentations.processes!.headlines({ pidInside: 1, hostPid: 30830 }, 'zh');
    expect(cards).toEqual([
      { facts: ['pidInside', 'hostPid'], value: '1 ↔ 30830', caption: expect.stringContaining('宿主机') },
    ]);
  });
});
