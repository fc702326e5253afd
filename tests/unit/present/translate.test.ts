import { describe, expect, it } from 'vitest';
import { presentations } from '../../../labs/present/index.ts';
import { factLabel, factValue, translator } from '../../../labs/present/translate.ts';
import { factText, mib, size } from '../../../labs/present/units.ts';

describe('translator', () => {
  const cgroups = presentations.cgroups!;

  it('translates exact text and leaves English alone in the English deck', () => {
    expect(translator(cgroups, 'zh')('Meanwhile, on the host')).toBe('与此同时，在宿主机上');
    expect(translator(cgroups, 'en')('Meanwhile, on the host')).toBe('Meanwhile, on the host');
  });

  it('carries the values a lab filled in over into the translation', () => {
    const note =
      '15 sleeps plus the shell itself make 16: the next fork() got EAGAIN. A fork bomb in a container stops at its own limit.';
    expect(translator(cgroups, 'zh')(note)).toBe(
      '15 个 sleep 加上 shell 自己，一共 16 个：下一次 fork() 得到 EAGAIN。容器里的 fork 炸弹止步于它自己的上限。',
    );
  });

  it('falls back to the English it was given', () => {
    expect(translator(cgroups, 'zh')('Something new a lab says')).toBe('Something new a lab says');
    expect(factLabel(cgroups, 'zh', 'noSuchFact', 'English label')).toBe('English label');
  });
});

describe('fact values', () => {
  it('reads in human units where the lab gives them', () => {
    expect(factValue(presentations.cgroups, 'en', 'memoryLimitInside', 50331648)).toBe('48 MiB');
    expect(factValue(presentations.cgroups, 'en', 'cpuMaxInside', { quotaUs: 50000, periodUs: 100000 })).toBe(
      '50000 µs / 100000 µs',
    );
    expect(factValue(presentations.layers, 'en', 'writableLayerBytes', 136)).toBe('136 B');
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
