import { describe, expect, it } from 'vitest';
import { formatEvent } from '../../../labs/kit/core/format.ts';
import { terminalLang, wordsFor } from '../../../labs/present/words.ts';

describe('a lab told in the terminal in Chinese', () => {
  const zh = wordsFor('cgroups', 'zh');

  it('translates step titles, notes and fact labels and values; commands stay as they run', () => {
    expect(formatEvent({ t: 0, type: 'step', title: 'Meanwhile, on the host' }, zh)).toContain('与此同时，在宿主机上');
    const fact = formatEvent(
      { t: 0, type: 'fact', key: 'memoryLimitInside', value: 50331648, label: 'Memory limit' },
      zh,
    );
    expect(fact).toContain('容器内读到的内存上限');
    expect(fact).toContain('48 MiB');
    expect(formatEvent({ t: 0, type: 'command', text: 'docker run --rm x' }, zh)).toContain('docker run --rm x');
    expect(formatEvent({ t: 0, type: 'result', ok: true, facts: {}, durationMs: 4100 }, zh)).toContain(
      '完成，用时 4.1 秒',
    );
  });

  it('takes --lang, else the locale', () => {
    expect(terminalLang('zh', {})).toBe('zh');
    expect(terminalLang(undefined, { LANG: 'zh_CN.UTF-8' })).toBe('zh');
    expect(terminalLang(undefined, { LANG: 'zh_CN.UTF-8', LC_ALL: 'en_GB.UTF-8' })).toBe('en');
    expect(terminalLang(undefined, {})).toBe('en');
    expect(() => terminalLang('fr', {})).toThrow('--lang must be en or zh');
  });
});
