import type { FactValue } from '../kit/core/events.ts';
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
  zh: {
    text: {
      'This engine uses cgroup v1: limits are read from one directory per controller under /sys/fs/cgroup inside each container.':
        '这个引擎用的是 cgroup v1：限额从每个容器内 /sys/fs/cgroup 下读出，每个控制器一个目录。',
      'This engine uses cgroup v2: limits are read from one unified directory under /sys/fs/cgroup inside each container.':
        '这个引擎用的是 cgroup v2：限额从每个容器内 /sys/fs/cgroup 下读出，所有控制器共用一个目录。',
      'Memory: a hog under a 48 MiB limit': '内存：48 MiB 上限下的内存吞噬者',
      'CPU: a busy loop under --cpus 0.5': 'CPU：--cpus 0.5 下的死循环',
      'Processes: a fork loop under --pids-limit 16': '进程：--pids-limit 16 下的 fork 循环',
      'Meanwhile, on the host': '与此同时，在宿主机上',
      'tail keeps the line it is reading in memory, and /dev/zero never ends a line: it grows until something stops it.':
        'tail 会把正在读的那一行留在内存里，而 /dev/zero 永远不换行：它会一直长大，直到被什么东西拦下。',
      "The cgroup ran out, not the machine: the kernel's OOM killer picked the biggest process in the container's cgroup and sent it SIGKILL. --memory-swap equal to --memory leaves no swap to spill into.":
        '耗尽的是 cgroup，不是整台机器：内核的 OOM killer 在这个容器的 cgroup 里挑出最大的进程，发了 SIGKILL。--memory-swap 等于 --memory，就没有 swap 可以溢出。',
      'Every period the group may run for `quota` microseconds in all; once that is spent it waits for the next period: it is throttled.':
        '每个周期里，这组进程总共只能运行 `quota` 微秒；用完就得等下一个周期：这就是被节流（throttled）。',
      'A loop that would take a whole CPU gets half of one: the scheduler throttles it in every period.':
        '本来能吃满一个 CPU 的循环只拿到半个：调度器在每个周期都把它节流。',
      '{started} sleeps plus the shell itself make {total}: the next fork() got EAGAIN. A fork bomb in a container stops at its own limit.':
        '{started} 个 sleep 加上 shell 自己，一共 {total} 个：下一次 fork() 得到 EAGAIN。容器里的 fork 炸弹止步于它自己的上限。',
      "The limit belongs to the container's cgroup, not to the machine: everything else keeps forking.":
        '上限属于容器的 cgroup，而不是整台机器：其他进程照样可以 fork。',
      'the hog is eating memory': '吞噬者正在吃内存',
      'measuring for {seconds} s': '测量 {seconds} 秒',
      'starting processes from a helper on the host': '从宿主机上的辅助容器启动进程',
    },
    facts: {
      memoryLimitRequested: '请求的内存上限（字节）',
      memoryLimitInside: '容器内读到的内存上限',
      oomKillsCounted: '内核记录的 OOM kill 次数',
      oomKilled: '引擎报告的 State.OOMKilled',
      memoryExitCode: '退出码（128 + 9，SIGKILL）',
      cpuMaxInside: '容器内读到的 CPU 配额与周期（微秒）',
      cpusAllowedInside: '允许的 CPU：配额 / 周期',
      cpusRequested: '请求的 CPU（NanoCpus / 1e9）',
      cpuShareMeasured: '死循环实际用掉的 CPU（Δ CPU 时间 / Δ 墙钟时间）',
      cpuMeasuredOverMs: '测量时长（毫秒）',
      throttlingBefore: '节流计数，第一次读数',
      throttlingAfter: '节流计数，第二次读数',
      pidsLimitRequested: '请求的进程数上限',
      pidsLimitInside: '容器内读到的进程数上限',
      forkLoopStarted: 'fork 失败前循环启动的后台进程数',
      forkError: 'shell 的报错',
      forkLoopExitCode: 'shell 的退出码',
      hostHelperOk: '宿主机侧的辅助容器运行成功',
      hostProcessesStarted: '限额之外的辅助容器一次启动的进程数',
    },
  },
});
