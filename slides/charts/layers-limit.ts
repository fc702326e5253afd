import { read } from '../../labs/present/units.ts';
import { barChart } from './bars.ts';
import { legendFor, measured, t } from './common.ts';
import type { MythChart } from './types.ts';

// The notes (002): an image stops at 127 layers. Lab layers-limit finds where this engine stops.

export const layersLimitChart: MythChart = {
  name: 'layers-limit',
  lab: 'layers-limit',
  render(input, lang, uid) {
    const w = t(lang);
    const max = 150;
    return barChart({
      uid,
      title: w(
        'Layers in one image: the notes beside lab layers-limit',
        '一个镜像的层数：笔记的说法与 layers-limit 实验对照',
      ),
      legend: legendFor(input, lang),
      scale: {
        kind: 'linear',
        min: 0,
        max,
        ticks: Array.from({ length: 7 }, (_, i) => i * 25).map((value) => ({ value, label: String(value) })),
      },
      rows: [
        {
          label: w('layers an image may have', '一个镜像能有的层数'),
          notes: { text: w('notes: at most 127', '笔记：最多 127 层'), value: 127 },
          entries: measured(input, (facts) => {
            const limit = read.number(facts.loadLimitLayers);
            const refused = read.number(facts.loadRefusedLayers);
            if (limit === undefined || refused === undefined) return undefined;
            return {
              value: limit,
              text: w(`${limit}, refused at ${refused}`, `${limit} 层，${refused} 层被拒`),
              facts: ['loadLimitLayers', 'loadRefusedLayers'],
            };
          }),
        },
        {
          label: w('a Dockerfile build', '用 Dockerfile 构建'),
          entries: measured(input, (facts) => {
            const reached = read.number(facts.buildLayersReached);
            // BuildKit makes every step; the refusal comes when a container starts from the image.
            const built = read.number(facts.buildRefusedAtStep) === undefined;
            return reached === undefined
              ? undefined
              : {
                  value: reached,
                  text: built
                    ? w(`${reached} built, no container starts`, `构建出 ${reached} 层，容器启动不了`)
                    : w(`${reached}, then refused`, `${reached} 层后被拒`),
                  facts: ['buildLayersReached'],
                };
          }),
        },
      ],
    });
  },
};
