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
import { volumes } from './volumes.ts';

/** What each lab says, in every language, by lab id (each lab file imports its own). */
export const texts: Readonly<Record<string, LabText>> = {
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
