import { defineText } from '../kit/core/text.ts';

export const startup = defineText({
  en: {
    title: 'Start-up: a process, a container, a VM',
    shows: 'fork+exec on the host, a container run (p50/p95) and a microVM boot, measured in one run, as ratios.',
    lines: {
      process: 'A process: fork and exec busybox on the engine host',
      forkLoop:
        "A --pid=host helper runs a shell loop on the engine's host: {n} times /bin/busybox true (a real fork and " +
        "exec of the same binary the containers run), then the same loop with the builtin ':' so that the loop's " +
        'own cost can be subtracted.',
      forkExecs: '{n} fork+exec on the engine host',
      container: 'A container: create, start, wait for exit, remove',
      containerAround:
        "The container runs the same fork and exec, plus everything around it: the engine's API, containerd, a " +
        'shim, runc setting up namespaces, cgroups and the root filesystem, then tearing them down.',
      vm: 'A virtual machine: QEMU boots a kernel',
      sameMachine:
        'QEMU runs on the machine that runs this lab, which is also the engine host: both figures come from one ' +
        'machine.',
      otherMachine:
        'QEMU runs on the machine that runs this lab, which is not the engine host (the engine is in a VM or on ' +
        'another machine): the VM figure comes from here, the container figures from there.',
      noVm: 'No VM boots here: {why}.',
      microvm:
        "A stock Debian cloud kernel and a busybox initramfs on QEMU's microvm machine (no firmware, no PCI): the " +
        "boot ends when the guest's /init prints its first line on the serial console.",
      booting: 'booting a VM (software emulation takes a while)',
      kvmFailed: 'KVM is present but the VM did not boot with it ({why}): software emulation.',
      kvm: 'KVM: the guest runs on the CPU directly, as in a cloud.',
      tcg:
        'Software emulation (TCG): QEMU translates every guest instruction, so this boot is far slower than on ' +
        'hardware virtualisation (KVM, HVF), where a microVM boots in about a tenth of a second (Firecracker ' +
        'publishes ~125 ms).',
    },
    facts: {
      processRuns: 'fork+exec of busybox timed on the engine host',
      processMs: 'One fork+exec of busybox true on the engine host (ms, loop cost subtracted)',
      containerRuns: 'Containers run one after the other (create, start, wait, remove)',
      containerP50Ms: 'Container run, p50 (ms)',
      containerP95Ms: 'Container run, p95 (ms)',
      containerOverProcess: 'Container p50 / process (×)',
      vmOnEngineHost: 'The VM boots on the engine host (same kernel boot id)',
      vmSkipped: 'Why no VM booted',
      vmAccel: 'How QEMU ran the VM (kvm: hardware, tcg: software emulation)',
      vmKvmFailure: 'Why KVM was not used although the host has it',
      vmBootMs: 'VM boot: QEMU started → the guest runs /init (ms)',
      vmOverContainer: 'VM boot / container p50 (×)',
      vmKernel: 'Kernel the VM booted (uname -r inside)',
      vmMemoryBytes: 'QEMU resident memory once the guest is up',
    },
  },
  zh: {
    title: '启动：一个进程、一个容器、一台虚拟机',
    shows: '在宿主机上 fork+exec、运行一个容器（p50/p95）、启动一台 microVM，在同一次运行里测量，以倍数对比。',
    lines: {
      process: '一个进程：在引擎宿主机上 fork 并 exec busybox',
      forkLoop:
        '一个 --pid=host 辅助容器在引擎宿主机上跑一个 shell 循环：{n} 次 /bin/busybox true' +
        '（真正 fork 并 exec 容器所用的同一个二进制），再用内建命令 : 跑同样的循环，以便扣除循环本身的开销。',
      forkExecs: '在引擎宿主机上 fork+exec {n} 次',
      container: '一个容器：创建、启动、等待退出、删除',
      containerAround:
        '容器做的是同样的 fork 和 exec，再加上外围的一切：引擎 API、containerd、shim、' +
        'runc 建立命名空间、cgroup 和根文件系统，最后再把它们拆掉。',
      vm: '一台虚拟机：QEMU 启动一个内核',
      sameMachine: 'QEMU 运行在执行本实验的机器上，它同时也是引擎宿主机：两组数字来自同一台机器。',
      otherMachine:
        'QEMU 运行在执行本实验的机器上，而它不是引擎宿主机（引擎在虚拟机里或另一台机器上）：' +
        '虚拟机的数字来自这里，容器的数字来自那里。',
      noVm: '这里无法启动虚拟机：{why}。',
      microvm:
        '在 QEMU 的 microvm 机型上（没有固件，没有 PCI）启动一个原版 Debian 云内核和一个 busybox initramfs：' +
        '客户机的 /init 在串口控制台打印出第一行时，启动即告完成。',
      booting: '正在启动虚拟机（软件模拟需要一些时间）',
      kvmFailed: '有 KVM，但虚拟机用它没能启动（{why}）：改用软件模拟。',
      kvm: 'KVM：客户机直接在 CPU 上运行，和云上一样。',
      tcg:
        '软件模拟（TCG）：QEMU 要翻译客户机的每一条指令，所以这次启动远比硬件虚拟化（KVM、HVF）慢；' +
        '在硬件虚拟化上，microVM 大约十分之一秒就能启动（Firecracker 公布的数字约 125 毫秒）。',
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
