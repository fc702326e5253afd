import { read } from '../../labs/present/units.ts';
import { barChart } from './bars.ts';
import { legendFor, measured, t } from './common.ts';
import { duration } from './format.ts';
import type { MythChart } from './types.ts';

// The notes (002): a container starts in under 1 s, a VM boots in over 30 s. Lab startup times a
// process, a container and a microVM in one run; the scale is logarithmic, as the three are
// three orders of magnitude apart.

const TICKS = [1, 10, 100, 1000, 10_000, 100_000];

export const startupChart: MythChart = {
  name: 'startup',
  lab: 'startup',
  render(input, lang, uid) {
    const w = t(lang);
    return barChart({
      uid,
      title: w(
        'Start-up: a process, a container and a VM, the notes beside lab startup',
        '启动时间：进程、容器和虚拟机，笔记的说法与 startup 实验对照',
      ),
      legend: legendFor(input, lang),
      scale: {
        kind: 'log',
        min: 0.1,
        max: 100_000,
        ticks: TICKS.map((value) => ({ value, label: duration(value).replace(/^(\d+)\.0+ s$/, '$1 s') })),
      },
      rows: [
        {
          label: w('a process (fork + exec)', '一个进程（fork + exec）'),
          entries: measured(input, (facts) => {
            const ms = read.number(facts.processMs);
            return ms === undefined ? undefined : { value: ms, text: duration(ms), facts: ['processMs'] };
          }),
        },
        {
          label: w('a container, p50 · p95', '一个容器，p50 · p95'),
          notes: { text: w('notes: under 1 s', '笔记：不到 1 秒'), value: 1000 },
          entries: measured(input, (facts) => {
            const p50 = read.number(facts.containerP50Ms);
            const p95 = read.number(facts.containerP95Ms);
            if (p50 === undefined || p95 === undefined) return undefined;
            return {
              value: p50,
              text: `${duration(p50)} · ${duration(p95)}`,
              facts: ['containerP50Ms', 'containerP95Ms'],
            };
          }),
        },
        {
          label: w('a microVM boot', '一台 microVM 启动'),
          notes: { text: w('notes: a VM, over 30 s', '笔记：虚拟机 30 秒以上'), value: 30_000 },
          entries: measured(input, (facts) => {
            const ms = read.number(facts.vmBootMs);
            const skipped = read.record(facts.vmSkipped); // a sentence by key: why no VM booted
            if (ms === undefined)
              return skipped ? { text: w('no VM here', '这里没有虚拟机'), facts: ['vmSkipped'] } : undefined;
            const how = read.string(facts.vmAccel) === 'kvm' ? 'KVM' : w('software emulation', '软件模拟');
            return { value: ms, text: `${duration(ms)}, ${how}`, facts: ['vmBootMs'] };
          }),
        },
      ],
    });
  },
};
