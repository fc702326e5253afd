import { kernel as text } from '../text/kernel.ts';
import { definePresentation } from './types.ts';
import { read } from './units.ts';

export const kernel = definePresentation({
  text,
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
});
