import type { FactValue } from '../kit/core/events.ts';
import { cgroups as text } from '../text/cgroups.ts';
import { definePresentation, type Lang } from './types.ts';
import { mib, ms, read } from './units.ts';

function throttling(value: FactValue, lang: Lang): string | undefined {
  const counters = read.record(value);
  const periods = read.number(counters?.periods);
  const throttled = read.number(counters?.throttled);
  const us = read.number(counters?.throttledUs);
  if (periods === undefined || throttled === undefined || us === undefined) return undefined;
  const seconds = (us / 1e6).toFixed(2);
  return lang === 'zh'
    ? `${periods} 个周期中 ${throttled} 个被节流，共等待 ${seconds} 秒`
    : `${throttled} of ${periods} periods throttled, ${seconds} s waiting`;
}

export const cgroups = definePresentation({
  text,
  headlines(facts, lang) {
    const t = (en: string, zh: string) => (lang === 'zh' ? zh : en);
    const limit = read.number(facts.memoryLimitInside);
    const kills = read.number(facts.oomKillsCounted);
    const oomKilled = read.boolean(facts.oomKilled);
    const exit = read.number(facts.memoryExitCode);
    const share = read.number(facts.cpuShareMeasured);
    const allowed = read.number(facts.cpusAllowedInside);
    const started = read.number(facts.forkLoopStarted);
    const pids = read.number(facts.pidsLimitInside);
    const hostStarted = read.number(facts.hostProcessesStarted);
    const killed = oomKilled === true || (kills !== undefined && kills > 0);
    return [
      limit !== undefined && (kills !== undefined || oomKilled !== undefined)
        ? {
            facts: ['memoryLimitInside', 'oomKillsCounted'],
            value: killed ? t('OOM-killed', '被 OOM 杀死') : t('not killed', '没有被杀'),
            caption: t(
              `the memory hog, at its ${mib(limit)} limit${exit !== undefined ? ` (exit ${exit})` : ''}`,
              `内存吞噬者，在 ${mib(limit)} 上限处${exit !== undefined ? `（退出码 ${exit}）` : ''}`,
            ),
          }
        : undefined,
      share !== undefined
        ? {
            facts: ['cpuShareMeasured'],
            value: t(`${share.toFixed(2)} CPU`, `${share.toFixed(2)} 个 CPU`),
            caption: t(
              `a busy loop under a quota of ${allowed ?? '?'} CPU`,
              `配额为 ${allowed ?? '?'} 个 CPU 的死循环实际用量`,
            ),
          }
        : undefined,
      started !== undefined && pids !== undefined
        ? {
            facts: ['forkLoopStarted', 'pidsLimitInside'],
            value: `${started} + 1 = ${started + 1}`,
            caption: t(`processes before fork() failed (limit ${pids})`, `fork() 失败前的进程数（上限 ${pids}）`),
          }
        : undefined,
      hostStarted !== undefined
        ? {
            facts: ['hostProcessesStarted'],
            value: String(hostStarted),
            caption: t('processes a helper outside the limit started at once', '限额之外的辅助容器一次启动的进程数'),
          }
        : undefined,
    ].filter((card) => card !== undefined);
  },
  units: {
    memoryLimitRequested: (v) => (typeof v === 'number' ? mib(v) : undefined),
    memoryLimitInside: (v) => (typeof v === 'number' ? mib(v) : undefined),
    cpuMaxInside: (v) => {
      const quota = read.number(read.record(v)?.quotaUs);
      const period = read.number(read.record(v)?.periodUs);
      return quota !== undefined && period !== undefined ? `${quota} µs / ${period} µs` : undefined;
    },
    throttlingBefore: (v, lang) => throttling(v, lang),
    throttlingAfter: (v, lang) => throttling(v, lang),
    cpuMeasuredOverMs: (v) => (typeof v === 'number' ? ms(v) : undefined),
  },
});
