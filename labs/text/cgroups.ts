import { defineText } from '../kit/core/text.ts';

export const cgroups = defineText({
  en: {
    title: 'cgroups: limits that bite',
    shows: 'A memory hog OOM-killed at 48 MiB, a busy loop held to half a CPU, a fork loop stopped at 16 processes.',
    lines: {
      cgroupV1:
        'This engine uses cgroup v1: limits are read from one directory per controller under /sys/fs/cgroup inside ' +
        'each container.',
      cgroupV2:
        'This engine uses cgroup v2: limits are read from one unified directory under /sys/fs/cgroup inside each ' +
        'container.',
      memory: 'Memory: a hog under a 48 MiB limit',
      tailGrows:
        'tail keeps the line it is reading in memory, and /dev/zero never ends a line: it grows until something ' +
        'stops it.',
      hogEating: 'the hog is eating memory',
      cgroupRanOut:
        "The cgroup ran out, not the machine: the kernel's OOM killer picked the biggest process in the container's " +
        'cgroup and sent it SIGKILL. --memory-swap equal to --memory leaves no swap to spill into.',
      cpu: 'CPU: a busy loop under --cpus 0.5',
      quotaPerPeriod:
        'Every period the group may run for `quota` microseconds in all; once that is spent it waits for the next ' +
        'period: it is throttled.',
      measuring: 'measuring for {seconds} s',
      halfACpu: 'A loop that would take a whole CPU gets half of one: the scheduler throttles it in every period.',
      forks: 'Processes: a fork loop under --pids-limit 16',
      forkStopped:
        '{started} sleeps plus the shell itself make {total}: the next fork() got EAGAIN. A fork bomb in a ' +
        'container stops at its own limit.',
      onTheHost: 'Meanwhile, on the host',
      startingOnHost: 'starting processes from a helper on the host',
      limitIsTheCgroups:
        "The limit belongs to the container's cgroup, not to the machine: everything else keeps forking.",
    },
    facts: {
      memoryLimitInside: 'Memory limit the container reads',
      oomKillsCounted: 'OOM kills the kernel counted in the cgroup',
      oomKilled: 'State.OOMKilled, as the engine reports it',
      memoryExitCode: 'Exit code (128 + 9, SIGKILL)',
      cpuMaxInside: 'CPU quota and period the container reads (µs)',
      cpusAllowedInside: 'CPUs allowed: quota / period',
      cpuShareMeasured: 'CPUs used by the busy loop (Δ CPU time / Δ wall time)',
      cpuMeasuredOverMs: 'Measured over (ms)',
      throttlingBefore: 'Throttling counters, first reading',
      throttlingAfter: 'Throttling counters, second reading',
      pidsLimitInside: 'Process limit the container reads',
      forkLoopStarted: 'Background processes the loop started before fork failed',
      forkError: 'What the shell said',
      forkLoopExitCode: 'Exit code of the shell',
      hostProcessesStarted: 'Processes a helper outside the limit started at once',
    },
  },
  zh: {
    title: 'cgroups：真会咬人的限额',
    shows: '内存吞噬者在 48 MiB 处被 OOM 杀死，死循环被压到半个 CPU，fork 循环止步于 16 个进程。',
    lines: {
      cgroupV1: '这个引擎用的是 cgroup v1：限额从每个容器内 /sys/fs/cgroup 下读出，每个控制器一个目录。',
      cgroupV2: '这个引擎用的是 cgroup v2：限额从每个容器内 /sys/fs/cgroup 下读出，所有控制器共用一个目录。',
      memory: '内存：48 MiB 上限下的内存吞噬者',
      tailGrows: 'tail 会把正在读的那一行留在内存里，而 /dev/zero 永远不换行：它会一直长大，直到被什么东西拦下。',
      hogEating: '吞噬者正在吃内存',
      cgroupRanOut:
        '耗尽的是 cgroup，不是整台机器：内核的 OOM killer 在这个容器的 cgroup 里挑出最大的进程，发了 SIGKILL。' +
        '--memory-swap 等于 --memory，就没有 swap 可以溢出。',
      cpu: 'CPU：--cpus 0.5 下的死循环',
      quotaPerPeriod:
        '每个周期里，这组进程总共只能运行 `quota` 微秒；用完就得等下一个周期：这就是被节流（throttled）。',
      measuring: '正在测量 {seconds} 秒',
      halfACpu: '本来能吃满一个 CPU 的循环只拿到半个：调度器在每个周期都把它节流。',
      forks: '进程：--pids-limit 16 下的 fork 循环',
      forkStopped:
        '{started} 个 sleep 加上 shell 自己，一共 {total} 个：下一次 fork() 得到 EAGAIN。容器里的 fork 炸弹止步于' +
        '它自己的上限。',
      onTheHost: '与此同时，在宿主机上',
      startingOnHost: '正在从宿主机上的辅助容器启动进程',
      limitIsTheCgroups: '上限属于容器的 cgroup，而不是整台机器：其他进程照样可以 fork。',
    },
    facts: {
      memoryLimitInside: '容器内读到的内存上限',
      oomKillsCounted: '内核记录的 OOM kill 次数',
      oomKilled: '引擎报告的 State.OOMKilled',
      memoryExitCode: '退出码（128 + 9，SIGKILL）',
      cpuMaxInside: '容器内读到的 CPU 配额与周期（微秒）',
      cpusAllowedInside: '允许的 CPU：配额 / 周期',
      cpuShareMeasured: '死循环实际用掉的 CPU（Δ CPU 时间 / Δ 墙钟时间）',
      cpuMeasuredOverMs: '测量时长（毫秒）',
      throttlingBefore: '节流计数，第一次读数',
      throttlingAfter: '节流计数，第二次读数',
      pidsLimitInside: '容器内读到的进程数上限',
      forkLoopStarted: 'fork 失败前循环启动的后台进程数',
      forkError: 'shell 的报错',
      forkLoopExitCode: 'shell 的退出码',
      hostProcessesStarted: '限额之外的辅助容器一次启动的进程数',
    },
  },
});
