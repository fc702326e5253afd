import { densityChart } from './density.ts';
import { imageSizeChart } from './image-size.ts';
import { kernelChart } from './kernel.ts';
import { layersLimitChart } from './layers-limit.ts';
import { overheadChart } from './overhead.ts';
import { startupChart } from './startup.ts';
import type { MythChart } from './types.ts';

export { machineOf } from './common.ts';
export type { ChartInput, MythChart, Run } from './types.ts';

/** Every chart a myth slide may place with `<div class="myth-chart" data-chart="NAME">`. */
export const mythCharts: ReadonlyMap<string, MythChart> = new Map(
  [startupChart, imageSizeChart, overheadChart, densityChart, layersLimitChart, kernelChart].map((c) => [c.name, c]),
);
