import { defineText } from '../kit/core/text.ts';

export const density = defineText({
  en: {
    title: 'Density: many idle containers',
    shows: 'N idle containers up and down, timed, and the memory each costs (cgroup + shim) beside a minimal VM.',
    lines: {
      up: 'Start {n} idle containers',
      eachSleeps:
        'Each one only sleeps, with no network (--network none): what is measured is the container itself. ' +
        '{n} start at a time.',
      starting: 'starting {n}',
      memory: 'What each one costs, seen from the host',
      helperReads:
        "A --pid=host helper reads, for each container's process, the memory its cgroup is charged and the " +
        "resident memory of its parent, the runtime shim that keeps it. Reading another process's memory map (PSS) " +
        'needs CAP_SYS_PTRACE.',
      readingMemory: 'reading memory from the host',
      shimCost:
        "The sleeping process itself is tiny; most of a container's cost is its shim, and much of the shim's RSS " +
        'is code all the shims share (PSS counts it once among them).',
      keeperIsConmon:
        "Under Podman there is no containerd and no containerd-shim: each container's parent is conmon, a small " +
        'C program Podman starts once per container to hold its terminal and logs and wait for its exit. The ' +
        "shim figures here are conmon's.",
      down: 'Remove all {n}',
      removing: 'removing {n}',
      againstVm: 'Against a minimal VM',
      fromStartup:
        "From the last VM boot of lab startup ({at}, {accel}): QEMU's resident memory once the guest ran its " +
        '/init. A guest kernel, its page tables and caches, and QEMU itself, before any application.',
      notesFigure:
        "No VM boot recorded on this machine (run lab startup where QEMU is installed): the notes' figure " +
        'stands in, 700 MB per VM.',
    },
    facts: {
      containers: 'Idle containers started',
      upMs: 'All of them up: created and started (ms)',
      downMs: 'All of them removed (ms)',
      perContainerUpMs: 'Up, per container (ms)',
      cgroupBytesMean: "Memory charged to each container's cgroup (mean)",
      shimRssBytesMean: "Resident memory of each container's shim (mean, RSS)",
      shimPssBytesMean: 'The same shims, shared pages divided among them (mean, PSS)',
      shimProcess: 'The process that keeps each container',
      perContainerBytes: 'Memory per container: cgroup + shim RSS',
      vmMemoryBytes: 'Memory of a minimal VM',
      vmMemorySource: 'Where the VM figure comes from',
      vmOverContainer: 'Minimal VM / one container (×)',
    },
  },
  zh: {
    title: '密度：许多空闲容器',
    shows: 'N 个空闲容器启动又删除，计时，并测出每个容器的内存开销（cgroup + shim），与一台最小虚拟机对比。',
    lines: {
      up: '启动 {n} 个空闲容器',
      eachSleeps: '每个容器只是 sleep，没有网络（--network none）：测的是容器本身。每次同时启动 {n} 个。',
      starting: '正在启动 {n} 个',
      memory: '从宿主机看，每个容器花掉多少',
      helperReads:
        '一个 --pid=host 辅助容器为每个容器进程读出：它的 cgroup 记账的内存，以及它的父进程——维持它的运行时 shim——' +
        '的常驻内存。读取别的进程的内存映射（PSS）需要 CAP_SYS_PTRACE。',
      readingMemory: '正在从宿主机读取内存',
      shimCost:
        '睡眠的进程本身很小；容器的大部分开销在它的 shim 上，而 shim 的 RSS 里有很多是所有 shim 共享的代码' +
        '（PSS 把它在它们之间只算一次）。',
      keeperIsConmon:
        'Podman 下没有 containerd，也没有 containerd-shim：每个容器的父进程是 conmon——Podman 为每个容器启动的' +
        '一个小小的 C 程序，负责持有它的终端和日志、等待它退出。这里的 shim 数字是 conmon 的。',
      down: '删除全部 {n} 个',
      removing: '正在删除 {n} 个',
      againstVm: '和一台最小虚拟机相比',
      fromStartup:
        '来自 startup 实验最近一次启动虚拟机（{at}，{accel}）：客户机运行 /init 后 QEMU 的常驻内存。' +
        '一个客户机内核、它的页表和缓存，加上 QEMU 本身，还没有任何应用。',
      notesFigure:
        '这台机器上没有记录过虚拟机启动（请在装有 QEMU 的机器上运行 startup 实验）：暂用笔记中的数字，每台虚拟机 700 MB。',
    },
    facts: {
      containers: '启动的空闲容器数',
      upMs: '全部启动：创建并运行（毫秒）',
      downMs: '全部删除（毫秒）',
      perContainerUpMs: '平均每个容器的启动时间（毫秒）',
      cgroupBytesMean: '每个容器的 cgroup 记账内存（平均）',
      shimRssBytesMean: '每个容器的 shim 常驻内存（平均，RSS）',
      shimPssBytesMean: '同样这些 shim，共享页面在它们之间分摊（平均，PSS）',
      shimProcess: '维持每个容器的进程',
      perContainerBytes: '每个容器的内存：cgroup + shim RSS',
      vmMemoryBytes: '一台最小虚拟机的内存',
      vmMemorySource: '虚拟机数字的来源',
      vmOverContainer: '最小虚拟机 / 一个容器（倍）',
    },
  },
});
