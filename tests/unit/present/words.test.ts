import { describe, expect, it } from 'vitest';
import type { EngineGone } from '../../../labs/kit/core/events.ts';
import { formatEvent } from '../../../labs/kit/core/format.ts';
import { terminalLang, wordsFor } from '../../../labs/present/words.ts';

describe('a lab told in the terminal in Chinese', () => {
  const zh = wordsFor('cgroups', 'zh');

  it('translates step titles, notes and fact labels and values; commands stay as they run', () => {
    const step = formatEvent({ t: 0, type: 'step', key: 'hostList' }, wordsFor('processes', 'zh'));
    expect(step).toContain('在宿主机的进程列表里找到它');
    const fact = formatEvent({ t: 0, type: 'fact', key: 'memoryLimitInside', value: 50331648 }, zh);
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

describe('faults, told in both languages', () => {
  const gone: EngineGone = {
    host: 'unix:///run/docker-b.sock',
    runLabel: 'mx1abc',
    phase: 'step',
    step: { key: 'hostList' },
  };
  const result = (engineGone: EngineGone = gone) =>
    formatEvent(
      {
        t: 0,
        type: 'result',
        ok: false,
        facts: {},
        durationMs: 1,
        error: { message: 'connect ENOENT /run/docker-b.sock', engineGone },
      },
      wordsFor('processes', 'en'),
    );

  it('says the engine stopped answering, where and in which step, instead of the socket error', () => {
    const en = result();
    expect(en).toContain('The engine stopped answering at unix:///run/docker-b.sock during the step');
    expect(en).toContain("Find it in the host's process list");
    expect(en).toContain('wharf.run=mx1abc');
    expect(en).toContain('the next lab run removes them');
    expect(en).not.toContain('ENOENT');
    expect(result({ host: gone.host, runLabel: gone.runLabel, phase: 'cleanup' })).toContain(
      'while the lab cleaned up',
    );
    const zh = formatEvent(
      { t: 0, type: 'result', ok: false, facts: {}, durationMs: 1, error: { message: 'x', engineGone: gone } },
      wordsFor('processes', 'zh'),
    );
    expect(zh).toContain('容器引擎（unix:///run/docker-b.sock）在“在宿主机的进程列表里找到它”这一步停止了响应');
    expect(zh).toContain('wharf.run=mx1abc');
    expect(zh).toContain('下一次运行实验时会自动删除它们');
  });

  it('says in one line what an ended run left and was removed, with its pid', () => {
    const swept = (lang: 'en' | 'zh', pids: number[], removed = 3) =>
      formatEvent({ t: 0, type: 'swept', removed, pids, leftovers: [] }, wordsFor('cgroups', lang));
    expect(swept('en', [4242])).toContain('removed 3 objects left by an earlier run that ended (pid 4242)');
    expect(swept('en', [4242], 1)).toContain('removed 1 object left by an earlier run that ended (pid 4242)');
    expect(swept('en', [4242, 4250])).toContain('left by earlier runs that ended (pids 4242, 4250)');
    expect(swept('zh', [4242])).toContain('已删除之前已结束的运行（pid 4242）遗留的 3 个对象');
    const cleanup = (lang: 'en' | 'zh') =>
      formatEvent({ t: 0, type: 'cleanup', removed: 0, leftovers: [], engineGone: true }, wordsFor('cgroups', lang));
    expect(cleanup('en')).toContain('not cleaned up: the engine is not answering');
    expect(cleanup('zh')).toContain('未能清理：容器引擎没有响应');
  });
});
