import { type Said, sentence } from '../kit/core/text.ts';
import { startup as text } from '../text/startup.ts';
import { definePresentation } from './types.ts';
import { mib, ms, read } from './units.ts';

export const startup = definePresentation({
  text,
  headlines(facts, lang) {
    const t = (en: string, zh: string) => (lang === 'zh' ? zh : en);
    const process = read.number(facts.processMs);
    const p50 = read.number(facts.containerP50Ms);
    const p95 = read.number(facts.containerP95Ms);
    const perProcess = read.number(facts.containerOverProcess);
    const vm = read.number(facts.vmBootMs);
    const perContainer = read.number(facts.vmOverContainer);
    const accel = read.string(facts.vmAccel);
    const skipped = read.record(facts.vmSkipped) as Said | undefined;
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
          ? { facts: ['vmSkipped'], value: t('no VM', '没有虚拟机'), caption: sentence(text, lang, skipped) }
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
});
