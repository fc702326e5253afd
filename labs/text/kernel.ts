import { defineText } from '../kit/core/text.ts';

export const kernel = defineText({
  en: {
    title: 'One kernel: the host’s',
    shows: 'uname -r and the boot id are the host’s inside a container, and a VM’s own inside a VM.',
    lines: {
      insideContainer: 'Inside a container',
      onEngineHost: 'On the engine host',
      bootIdIsKernels:
        "A --pid=host helper is still a container, but /proc/sys/kernel/random/boot_id is the running kernel's: " +
        'changed at every boot, the same for every process of that boot.',
      oneKernel: 'One kernel for the host and every container on it: a container is processes, not a machine.',
      insideVm: 'Inside a virtual machine',
      fromStartup: 'From the last VM boot of lab startup ({at}): the release and boot id its guest printed.',
      noVm: 'No VM to compare with here: {why}.',
      bootingNow: 'No VM boot recorded yet on this machine: booting one now (lab startup does the same).',
      booting: 'booting a VM',
      vmOwnKernel:
        "The VM's kernel booted on its own (virtual) hardware: another boot id, and whatever release its image " +
        'ships, whatever the host runs.',
    },
    facts: {
      containerRelease: 'Kernel release inside a container (uname -r)',
      containerBootId: 'Boot id inside the container',
      hostRelease: 'Kernel release on the engine host',
      hostBootId: 'Boot id on the engine host',
      containerSharesHostKernel: 'Same release and same boot id: the host kernel itself',
      vmSkipped: 'Why no VM was compared',
      vmSource: 'Which VM boot',
      vmRelease: 'Kernel release inside the VM',
      vmBootId: 'Boot id inside the VM',
      vmHasOwnKernel: 'The VM runs a kernel of its own (another boot id)',
    },
  },
  zh: {
    title: '只有一个内核：宿主机的',
    shows: '在容器里，uname -r 和 boot id 都是宿主机的；在虚拟机里，则是虚拟机自己的。',
    lines: {
      insideContainer: '在容器里',
      onEngineHost: '在引擎宿主机上',
      bootIdIsKernels:
        '--pid=host 辅助容器仍然是容器，但 /proc/sys/kernel/random/boot_id 属于正在运行的内核：' +
        '每次启动都会变，同一次启动中所有进程看到的都一样。',
      oneKernel: '宿主机和其上所有容器共用一个内核：容器是一组进程，不是一台机器。',
      insideVm: '在虚拟机里',
      fromStartup: '来自 startup 实验最近一次启动虚拟机（{at}）：客户机打印出的内核版本和 boot id。',
      noVm: '这里没有可以比较的虚拟机：{why}。',
      bootingNow: '这台机器上还没有记录过虚拟机启动：现在启动一台（startup 实验也是这样做的）。',
      booting: '正在启动虚拟机',
      vmOwnKernel:
        '虚拟机的内核在它自己的（虚拟）硬件上启动：另一个 boot id，内核版本取决于它的镜像，与宿主机运行什么无关。',
    },
    facts: {
      containerRelease: '容器内的内核版本（uname -r）',
      containerBootId: '容器内的 boot id',
      hostRelease: '引擎宿主机的内核版本',
      hostBootId: '引擎宿主机的 boot id',
      containerSharesHostKernel: '版本和 boot id 都相同：就是宿主机的内核',
      vmSkipped: '没有和虚拟机比较的原因',
      vmSource: '哪一次虚拟机启动',
      vmRelease: '虚拟机内的内核版本',
      vmBootId: '虚拟机内的 boot id',
      vmHasOwnKernel: '虚拟机运行它自己的内核（另一个 boot id）',
    },
  },
});
