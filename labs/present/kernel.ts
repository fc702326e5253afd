import { definePresentation } from './types.ts';
import { read } from './units.ts';
import { vmReason, vmReasonsZh } from './vm-reasons.ts';

export const kernel = definePresentation({
  headlines(facts, lang) {
    const t = (en: string, zh: string) => (lang === 'zh' ? zh : en);
    const container = read.string(facts.containerRelease);
    const shares = read.boolean(facts.containerSharesHostKernel);
    const vm = read.string(facts.vmRelease);
    const own = read.boolean(facts.vmHasOwnKernel);
    const bootInside = read.string(facts.containerBootId);
    const bootHost = read.string(facts.hostBootId);
    const short = (id: string) => id.slice(0, 8);
    return [
      container !== undefined && shares !== undefined
        ? {
            facts: ['containerRelease', 'containerSharesHostKernel'],
            value: container,
            caption: shares
              ? t('inside a container: the host’s kernel, same boot id', '容器里：宿主机的内核，boot id 相同')
              : t('inside a container: not the host’s kernel?', '容器里：不是宿主机的内核？'),
          }
        : undefined,
      bootInside !== undefined && bootHost !== undefined
        ? {
            facts: ['containerBootId', 'hostBootId'],
            value: `${short(bootInside)} ${bootInside === bootHost ? '=' : '≠'} ${short(bootHost)}`,
            caption: t(
              'boot id in a container and on the host: one kernel, one boot',
              '容器里和宿主机上的 boot id：一个内核，一次启动',
            ),
          }
        : undefined,
      vm !== undefined && own !== undefined
        ? {
            facts: ['vmRelease', 'vmHasOwnKernel'],
            value: vm,
            caption: own
              ? t('inside a VM: its own kernel, another boot id', '虚拟机里：它自己的内核，另一个 boot id')
              : t('inside a VM', '虚拟机里'),
          }
        : undefined,
    ].filter((card) => card !== undefined);
  },
  units: { vmSkipped: vmReason, vmSource: vmReason },
  zh: {
    text: {
      ...vmReasonsZh,
      'Inside a container': '在容器里',
      'On the engine host': '在引擎宿主机上',
      'Inside a virtual machine': '在虚拟机里',
      "A --pid=host helper is still a container, but /proc/sys/kernel/random/boot_id is the running kernel's: changed at every boot, the same for every process of that boot.":
        '--pid=host 辅助容器仍然是容器，但 /proc/sys/kernel/random/boot_id 属于正在运行的内核：每次启动都会变，同一次启动中所有进程看到的都一样。',
      'One kernel for the host and every container on it: a container is processes, not a machine.':
        '宿主机和其上所有容器共用一个内核：容器是一组进程，不是一台机器。',
      'From the last VM boot of lab startup ({at}): the release and boot id its guest printed.':
        '来自 startup 实验最近一次启动虚拟机（{at}）：客户机打印出的内核版本和 boot id。',
      'No VM to compare with here: {why}.': '这里没有可以比较的虚拟机：{why}。',
      'No VM boot recorded yet on this machine: booting one now (lab startup does the same).':
        '这台机器上还没有记录过虚拟机启动：现在启动一台（startup 实验也是这样做的）。',
      "The VM's kernel booted on its own (virtual) hardware: another boot id, and whatever release its image ships, whatever the host runs.":
        '虚拟机的内核在它自己的（虚拟）硬件上启动：另一个 boot id，内核版本取决于它的镜像，与宿主机运行什么无关。',
      'booting a VM': '正在启动虚拟机',
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
