import { read } from '../../labs/present/units.ts';
import { barChart, type Row } from './bars.ts';
import { legendFor, measured, t } from './common.ts';
import { times } from './format.ts';
import type { MythChart } from './types.ts';

// The notes (002): a VM loses over 15 %; a container loses nothing on compute and storage, but 20 %+
// through Docker's NAT. Lab overhead reports each path as a ratio of times (1× = no cost), so a
// loss of a share p of the work done in a given time is drawn where it puts that ratio: 1 / (1 − p).

const lossAt = (share: number) => 1 / (1 - share);

export const overheadChart: MythChart = {
  name: 'overhead',
  lab: 'overhead',
  render(input, lang, uid) {
    const w = t(lang);
    const ratio = (key: string) =>
      measured(input, (facts) => {
        const value = read.number(facts[key]);
        return value === undefined ? undefined : { value, text: times(value), facts: [key] };
      });
    const rows: Row[] = [
      {
        label: w('CPU loop: inside / outside', 'CPU 循环：容器内 / 容器外'),
        notes: { text: w('notes: no loss', '笔记：零损耗'), value: 1 },
        entries: ratio('cpuInsideOverOutside'),
      },
      {
        label: w('writes: layer / volume', '写入：可写层 / 数据卷'),
        notes: { text: w('notes: no loss', '笔记：零损耗'), value: 1 },
        entries: ratio('writeLayerOverVolume'),
      },
      {
        label: w('HTTP: NAT / host network', 'HTTP：NAT / 主机网络'),
        notes: { text: w('notes: 20 %+ lost', '笔记：损耗 20% 以上'), value: lossAt(0.2) },
        entries: ratio('httpPublishedOverHost'),
      },
      {
        label: w('CPU loop: VM / outside', 'CPU 循环：虚拟机 / 容器外'),
        notes: { text: w('notes: over 15 % lost', '笔记：损耗超过 15%'), value: lossAt(0.15) },
        entries: measured(input, (facts) => {
          const value = read.number(facts.vmCpuOverOutside);
          if (value !== undefined) return { value, text: times(value), facts: ['vmCpuOverOutside'] };
          return read.boolean(facts.vmComparable) === false
            ? { text: w('not compared: software emulation', '不比较：软件模拟'), facts: ['vmComparable'] }
            : undefined;
        }),
      },
    ];
    const highest = Math.max(2, ...rows.flatMap((row) => row.entries.map((entry) => entry.value ?? 0)));
    const max = Math.ceil(highest * 2) / 2;
    const ticks = Array.from({ length: max * 2 + 1 }, (_, i) => i / 2).filter((v) => max <= 3 || v % 1 === 0);
    return barChart({
      uid,
      title: w(
        'Overhead as ratios of times, the notes beside lab overhead',
        '开销（时间之比），笔记的说法与 overhead 实验对照',
      ),
      legend: legendFor(input, lang),
      scale: {
        kind: 'linear',
        min: 0,
        max,
        reference: 1,
        ticks: ticks.map((value) => ({ value, label: `${value}×` })),
      },
      rows,
    });
  },
};
