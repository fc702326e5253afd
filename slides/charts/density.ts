import { read } from '../../labs/present/units.ts';
import { barChart } from './bars.ts';
import { legendFor, measured, t } from './common.ts';
import { mebibytes } from './format.ts';
import type { MythChart } from './types.ts';

// The notes (002): a host runs 4 to 8 VMs but over 1,000 containers, so one VM's place holds at
// least 1,000 / 8 = 125 containers. Lab density weighs an idle container (its cgroup plus its shim)
// and a minimal VM (QEMU's memory after boot, from lab startup): how many fit in one VM's memory.

const NOTES_RATIO = 1000 / 8;

export const densityChart: MythChart = {
  name: 'density',
  lab: 'density',
  render(input, lang, uid) {
    const w = t(lang);
    const entries = measured(input, (facts) => {
      const ratio = read.number(facts.vmOverContainer);
      const vm = read.number(facts.vmMemoryBytes);
      const one = read.number(facts.perContainerBytes);
      if (ratio === undefined || vm === undefined || one === undefined) return undefined;
      return {
        value: ratio,
        text: `${ratio}× = ${mebibytes(vm)} ÷ ${mebibytes(one)}`,
        facts: ['vmOverContainer', 'vmMemoryBytes', 'perContainerBytes'],
      };
    });
    const highest = Math.max(NOTES_RATIO, ...entries.map((entry) => entry.value ?? 0));
    const max = Math.ceil((highest * 1.1) / 25) * 25;
    const ticks = Array.from({ length: max / 25 + 1 }, (_, i) => i * 25).filter((v) => max <= 200 || v % 50 === 0);
    return barChart({
      uid,
      title: w(
        'Density: idle containers in the memory of one VM, the notes beside lab density',
        '密度：一台虚拟机的内存能放下多少个空闲容器，笔记的说法与 density 实验对照',
      ),
      legend: legendFor(input, lang),
      scale: { kind: 'linear', min: 0, max, ticks: ticks.map((value) => ({ value, label: String(value) })) },
      rows: [
        {
          label: w('containers in one VM’s place', '一台虚拟机的位置放几个容器'),
          notes: { text: w('notes: 1,000+ vs 4–8 VMs', '笔记：1000+ 对 4–8 台'), value: NOTES_RATIO },
          entries,
        },
      ],
    });
  },
};
