import { definePresentation } from './types.ts';
import { mib, ms, read } from './units.ts';
import { vmReasonsZh } from './vm-reasons.ts';

export const startup = definePresentation({
  headlines(facts, lang) {
    const t = (en: string, zh: string) => (lang === 'zh' ? zh : en);
    const process = read.number(facts.processMs);
    const p50 = read.number(facts.containerP50Ms);
    const p95 = read.number(facts.containerP95Ms);
    const perProcess = read.number(facts.containerOverProcess);
    const vm = read.number(facts.vmBootMs);
    const perContainer = read.number(facts.vmOverContainer);
    const accel = read.string(facts.vmAccel);
    const skipped = read.string(facts.vmSkipped);
    return [
      process !== undefined
        ? {
            facts: ['processMs'],
            value: ms(process),
            caption: t('fork+exec of busybox on the engine host', '在引擎宿主机上 fork+exec 一次 busybox'),
          }
        : undefined,
      p50 !== undefined && p95 !== undefined
        ? {
            facts: ['containerP50Ms', 'containerP95Ms', 'containerOverProcess'],
            value: `${ms(p50)} / ${ms(p95)}`,
            caption: t(
              `a container run, p50 / p95 (${perProcess ?? '?'}× a process)`,
              `运行一个容器，p50 / p95（进程的 ${perProcess ?? '?'} 倍）`,
            ),
          }
        : undefined,
      vm !== undefined
        ? {
            facts: ['vmBootMs', 'vmAccel', 'vmOverContainer'],
            value: ms(vm),
            caption: t(
              `a microVM boot, ${accel === 'kvm' ? 'KVM' : 'software emulation'} (${perContainer ?? '?'}× a container)`,
              `microVM 启动，${accel === 'kvm' ? 'KVM' : '软件模拟'}（容器的 ${perContainer ?? '?'} 倍）`,
            ),
          }
        : skipped
          ? { facts: ['vmSkipped'], value: t('no VM', '没有虚拟机'), caption: skipped }
          : undefined,
    ].filter((card) => card !== undefined);
  },
  units: {
    processMs: (v) => (typeof v === 'number' ? ms(v) : undefined),
    containerP50Ms: (v) => (typeof v === 'number' ? ms(v) : undefined),
    containerP95Ms: (v) => (typeof v === 'number' ? ms(v) : undefined),
    vmBootMs: (v) => (typeof v === 'number' ? ms(v) : undefined),
    vmMemoryBytes: (v) => (typeof v === 'number' ? mib(v) : undefined),
    containerOverProcess: (v) => (typeof v === 'number' ? `${v}×` : undefined),
    vmOverContainer: (v) => (typeof v === 'number' ? `${v}×` : undefined),
  },
  zh: {
    text: {
      ...vmReasonsZh,
      'A process: fork and exec busybox on the engine host': '一个进程：在引擎宿主机上 fork 并 exec busybox',
      'A container: create, start, wait for exit, remove': '一个容器：创建、启动、等待退出、删除',
      'A virtual machine: QEMU boots a kernel': '一台虚拟机：QEMU 启动一个内核',
      "A --pid=host helper runs a shell loop on the engine's host: {n} times /bin/busybox true (a real fork and exec of the same binary the containers run), then the same loop with the builtin ':' so that the loop's own cost can be subtracted.":
        '一个 --pid=host 辅助容器在引擎宿主机上跑一个 shell 循环：{n} 次 /bin/busybox true（真正 fork 并 exec 容器所用的同一个二进制），再用内建命令 : 跑同样的循环，以便扣除循环本身的开销。',
      "The container runs the same fork and exec, plus everything around it: the engine's API, containerd, a shim, runc setting up namespaces, cgroups and the root filesystem, then tearing them down.":
        '容器做的是同样的 fork 和 exec，再加上外围的一切：引擎 API、containerd、shim、runc 建立命名空间、cgroup 和根文件系统，最后再把它们拆掉。',
      'QEMU runs on the machine that runs this lab, which is also the engine host: both figures come from one machine.':
        'QEMU 运行在执行本实验的机器上，它同时也是引擎宿主机：两组数字来自同一台机器。',
      'QEMU runs on the machine that runs this lab, which is not the engine host (the engine is in a VM or on another machine): the VM figure comes from here, the container figures from there.':
        'QEMU 运行在执行本实验的机器上，而它不是引擎宿主机（引擎在虚拟机里或另一台机器上）：虚拟机的数字来自这里，容器的数字来自那里。',
      'No VM boots here: {why}.': '这里无法启动虚拟机：{why}。',
      "A stock Debian cloud kernel and a busybox initramfs on QEMU's microvm machine (no firmware, no PCI): the boot ends when the guest's /init prints its first line on the serial console.":
        '在 QEMU 的 microvm 机型上（没有固件，没有 PCI）启动一个原版 Debian 云内核和一个 busybox initramfs：客户机的 /init 在串口控制台打印出第一行时，启动即告完成。',
      'KVM is present but the VM did not boot with it ({why}): software emulation.':
        '有 KVM，但虚拟机用它没能启动（{why}）：改用软件模拟。',
      // the boot's own error, which fills {why} above
      'The VM did not {stage} within {seconds} s ({accel}).': '虚拟机没能在 {seconds} 秒内{stage}（{accel}）',
      boot: '启动',
      'finish its report': '完成报告',
      'KVM: the guest runs on the CPU directly, as in a cloud.': 'KVM：客户机直接在 CPU 上运行，和云上一样。',
      'Software emulation (TCG): QEMU translates every guest instruction, so this boot is far slower than on hardware virtualisation (KVM, HVF), where a microVM boots in about a tenth of a second (Firecracker publishes ~125 ms).':
        '软件模拟（TCG）：QEMU 要翻译客户机的每一条指令，所以这次启动远比硬件虚拟化（KVM、HVF）慢；在硬件虚拟化上，microVM 大约十分之一秒就能启动（Firecracker 公布的数字约 125 毫秒）。',
      '{n} fork+exec on the engine host': '在引擎宿主机上 fork+exec {n} 次',
      'starting {n} containers one after the other': '依次启动 {n} 个容器',
      'booting a VM (software emulation takes a while)': '正在启动虚拟机（软件模拟需要一些时间）',
    },
    facts: {
      processRuns: '在引擎宿主机上计时的 busybox fork+exec 次数',
      processMs: '在引擎宿主机上 fork+exec 一次 busybox true（毫秒，已扣除循环开销）',
      containerRuns: '依次运行的容器数（创建、启动、等待、删除）',
      containerP50Ms: '运行一个容器，p50（毫秒）',
      containerP95Ms: '运行一个容器，p95（毫秒）',
      containerOverProcess: '容器 p50 / 进程（倍）',
      vmOnEngineHost: '虚拟机在引擎宿主机上启动（内核 boot id 相同）',
      vmSkipped: '没有启动虚拟机的原因',
      vmAccel: 'QEMU 如何运行虚拟机（kvm：硬件，tcg：软件模拟）',
      vmKvmFailure: '宿主机有 KVM 却没用上的原因',
      vmBootMs: '虚拟机启动：QEMU 启动 → 客户机运行 /init（毫秒）',
      vmOverContainer: '虚拟机启动 / 容器 p50（倍）',
      vmKernel: '虚拟机启动的内核（其中的 uname -r）',
      vmMemoryBytes: '客户机启动后 QEMU 的常驻内存',
    },
  },
});
