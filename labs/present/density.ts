import { definePresentation } from './types.ts';
import { mib, ms, read } from './units.ts';
import { vmReason, vmReasonsZh } from './vm-reasons.ts';

const bytes = (v: unknown) => (typeof v === 'number' ? mib(v) : undefined);
const millis = (v: unknown) => (typeof v === 'number' ? ms(v) : undefined);

export const density = definePresentation({
  headlines(facts, lang) {
    const t = (en: string, zh: string) => (lang === 'zh' ? zh : en);
    const count = read.number(facts.containers);
    const up = read.number(facts.upMs);
    const down = read.number(facts.downMs);
    const per = read.number(facts.perContainerBytes);
    const cgroup = read.number(facts.cgroupBytesMean);
    const shim = read.number(facts.shimRssBytesMean);
    const vm = read.number(facts.vmMemoryBytes);
    const times = read.number(facts.vmOverContainer);
    return [
      count !== undefined && up !== undefined && down !== undefined
        ? {
            facts: ['containers', 'upMs', 'downMs'],
            value: `${ms(up)} + ${ms(down)}`,
            caption: t(`${count} idle containers up, then down`, `${count} 个空闲容器启动，再全部删除`),
          }
        : undefined,
      per !== undefined && cgroup !== undefined && shim !== undefined
        ? {
            facts: ['perContainerBytes', 'cgroupBytesMean', 'shimRssBytesMean'],
            value: mib(per),
            caption: t(
              `per container: ${mib(cgroup)} in its cgroup + ${mib(shim)} of shim`,
              `每个容器：cgroup 中 ${mib(cgroup)} + shim ${mib(shim)}`,
            ),
          }
        : undefined,
      vm !== undefined && times !== undefined
        ? {
            facts: ['vmMemoryBytes', 'vmOverContainer'],
            value: `${times}×`,
            caption: t(`a minimal VM (${mib(vm)}) against one container`, `一台最小虚拟机（${mib(vm)}）相对一个容器`),
          }
        : undefined,
    ].filter((card) => card !== undefined);
  },
  units: {
    vmMemorySource: vmReason,
    upMs: millis,
    downMs: millis,
    perContainerUpMs: millis,
    cgroupBytesMean: bytes,
    shimRssBytesMean: bytes,
    shimPssBytesMean: bytes,
    perContainerBytes: bytes,
    vmMemoryBytes: bytes,
    vmOverContainer: (v) => (typeof v === 'number' ? `${v}×` : undefined),
  },
  zh: {
    text: {
      ...vmReasonsZh,
      'Start {n} idle containers': '启动 {n} 个空闲容器',
      'What each one costs, seen from the host': '从宿主机看，每个容器花掉多少',
      'Remove all {n}': '删除全部 {n} 个',
      'Against a minimal VM': '和一台最小虚拟机相比',
      'Each one only sleeps, with no network (--network none): what is measured is the container itself. {n} start at a time.':
        '每个容器只是 sleep，没有网络（--network none）：测的是容器本身。每次同时启动 {n} 个。',
      "A --pid=host helper reads, for each container's process, the memory its cgroup is charged and the resident memory of its parent, the runtime shim that keeps it. Reading another process's memory map (PSS) needs CAP_SYS_PTRACE.":
        '一个 --pid=host 辅助容器为每个容器进程读出：它的 cgroup 记账的内存，以及它的父进程——维持它的运行时 shim——的常驻内存。读取别的进程的内存映射（PSS）需要 CAP_SYS_PTRACE。',
      "The sleeping process itself is tiny; most of a container's cost is its shim, and much of the shim's RSS is code all the shims share (PSS counts it once among them).":
        '睡眠的进程本身很小；容器的大部分开销在它的 shim 上，而 shim 的 RSS 里有很多是所有 shim 共享的代码（PSS 把它在它们之间只算一次）。',
      "From the last VM boot of lab startup ({at}, {accel}): QEMU's resident memory once the guest ran its /init. A guest kernel, its page tables and caches, and QEMU itself, before any application.":
        '来自 startup 实验最近一次启动虚拟机（{at}，{accel}）：客户机运行 /init 后 QEMU 的常驻内存。一个客户机内核、它的页表和缓存，加上 QEMU 本身，还没有任何应用。',
      "No VM boot recorded on this machine (run lab startup where QEMU is installed): the notes' figure stands in, 700 MB per VM.":
        '这台机器上没有记录过虚拟机启动（请在装有 QEMU 的机器上运行 startup 实验）：暂用笔记中的数字，每台虚拟机 700 MB。',
      'starting {n}': '正在启动 {n} 个',
      'reading memory from the host': '正在从宿主机读取内存',
      'removing {n}': '正在删除 {n} 个',
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
