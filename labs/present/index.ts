import { density } from './density.ts';
import { kernel } from './kernel.ts';
import { layersLimit } from './layers-limit.ts';
import { overhead } from './overhead.ts';
import { startup } from './startup.ts';
import type { LabPresentation } from './types.ts';

/** How each lab is shown to a room, by lab id. */
export const presentations: Readonly<Record<string, LabPresentation>> = {
  startup,
  density,
  overhead,
  'layers-limit': layersLimit,
  kernel,
};

export type { Headline, LabPresentation, Lang } from './types.ts';
