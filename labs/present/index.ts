import type { LabText } from '../kit/core/text.ts';
import { buildShipRun } from './build-ship-run.ts';
import { cgroups } from './cgroups.ts';
import { density } from './density.ts';
import { engineApi } from './engine-api.ts';
import { kernel } from './kernel.ts';
import { layers } from './layers.ts';
import { layersLimit } from './layers-limit.ts';
import { namespaces } from './namespaces.ts';
import { network } from './network.ts';
import { overhead } from './overhead.ts';
import { processes } from './processes.ts';
import { security } from './security.ts';
import { startup } from './startup.ts';
import type { LabPresentation } from './types.ts';
import { volumes } from './volumes.ts';

/** How each lab is shown to a room, by lab id. */
export const presentations: Readonly<Record<string, LabPresentation>> = {
  processes,
  namespaces,
  network,
  cgroups,
  layers,
  'build-ship-run': buildShipRun,
  volumes,
  security,
  'engine-api': engineApi,
  startup,
  density,
  overhead,
  'layers-limit': layersLimit,
  kernel,
};

/** What each lab says, in every language, by lab id. */
export const texts: Readonly<Record<string, LabText>> = Object.fromEntries(
  Object.entries(presentations).map(([id, presentation]) => [id, presentation.text]),
);

export type { Headline, LabPresentation, Lang } from './types.ts';
