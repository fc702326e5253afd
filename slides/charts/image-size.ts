import { read } from '../../labs/present/units.ts';
import { barChart } from './bars.ts';
import { legendFor, measured, t } from './common.ts';
import { megabytes } from './format.ts';
import type { MythChart } from './types.ts';

// The notes (002, 004): VM images are tens of GB, Docker images 200–300 MB. Lab layers builds the
// workshop's image: one static busybox. No lab measures a VM image, so that row shows the notes only.

const TICKS: readonly [number, string][] = [
  [1e6, '1 MB'],
  [1e7, '10 MB'],
  [1e8, '100 MB'],
  [1e9, '1 GB'],
  [1e10, '10 GB'],
  [1e11, '100 GB'],
];

export const imageSizeChart: MythChart = {
  name: 'image-size',
  lab: 'layers',
  render(input, lang, uid) {
    const w = t(lang);
    return barChart({
      uid,
      title: w('Image sizes: the notes beside lab layers', '镜像大小：笔记的说法与 layers 实验对照'),
      legend: legendFor(input, lang),
      scale: { kind: 'log', min: 3e5, max: 1e11, ticks: TICKS.map(([value, label]) => ({ value, label })) },
      rows: [
        {
          label: w('a container image', '一个容器镜像'),
          notes: { text: w('notes: 200–300 MB', '笔记：200–300 MB'), value: 250e6 },
          entries: measured(input, (facts) => {
            const bytes = read.number(facts.imageBytes);
            return bytes === undefined ? undefined : { value: bytes, text: megabytes(bytes), facts: ['imageBytes'] };
          }),
        },
        {
          label: w('a VM image', '一个虚拟机镜像'),
          notes: { text: w('notes: tens of GB', '笔记：十几到几十 GB'), value: 1e10 },
          entries: [],
          aside: w('no lab measures one', '没有实验测量它'),
        },
      ],
    });
  },
};
