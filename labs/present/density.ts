import { density as text } from '../text/density.ts';
import { definePresentation } from './types.ts';
import { mib, ms, read } from './units.ts';

const bytes = (v: unknown) => (typeof v === 'number' ? mib(v) : undefined);
const millis = (v: unknown) => (typeof v === 'number' ? ms(v) : undefined);

export const density = definePresentation({
  text,
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
});
