import { overhead as text } from '../text/overhead.ts';
import { definePresentation } from './types.ts';
import { ms, read } from './units.ts';

const millis = (v: unknown) => (typeof v === 'number' ? ms(v) : undefined);
const times = (v: unknown) => (typeof v === 'number' ? `${v}×` : undefined);

export const overhead = definePresentation({
  text,
  headlines(facts, lang) {
    const t = (en: string, zh: string) => (lang === 'zh' ? zh : en);
    const cpu = read.number(facts.cpuInsideOverOutside);
    const io = read.number(facts.writeLayerOverVolume);
    const nat = read.number(facts.httpPublishedOverHost);
    const ip = read.number(facts.httpContainerIpOverHost);
    const comparable = read.boolean(facts.vmComparable);
    return [
      cpu !== undefined
        ? {
            facts: ['cpuInsideOverOutside'],
            value: `${cpu}×`,
            caption: t('CPU loop: inside / outside a container', 'CPU 循环：容器内 / 容器外'),
          }
        : undefined,
      io !== undefined
        ? {
            facts: ['writeLayerOverVolume'],
            value: `${io}×`,
            caption: t('file writes: writable layer / volume', '写文件：可写层 / 数据卷'),
          }
        : undefined,
      nat !== undefined
        ? {
            facts: ['httpPublishedOverHost', 'httpContainerIpOverHost'],
            value: `${nat}×`,
            caption: t(
              `HTTP via a published port / host network (container IP: ${ip ?? '?'}×)`,
              `HTTP 经发布端口 / 主机网络（容器 IP：${ip ?? '?'} 倍）`,
            ),
          }
        : undefined,
      comparable === false
        ? {
            facts: ['vmComparable'],
            value: t('no VM figure', '没有虚拟机数字'),
            caption: t('software emulation is not comparable', '软件模拟不可比'),
          }
        : undefined,
    ].filter((card) => card !== undefined);
  },
  units: {
    cpuInsideMs: millis,
    cpuOutsideMs: millis,
    writeLayerMs: millis,
    writeVolumeMs: millis,
    cpuInsideOverOutside: times,
    writeLayerOverVolume: times,
    httpPublishedOverHost: times,
    httpContainerIpOverHost: times,
    vmCpuOverOutside: times,
  },
});
