import { lab as processes } from './01-processes.ts';
import { lab as namespaces } from './02-namespaces.ts';
import { lab as network } from './03-network.ts';
import { lab as cgroups } from './04-cgroups.ts';
import { lab as layers } from './05-layers.ts';
import { lab as buildShipRun } from './06-build-ship-run.ts';
import { lab as volumes } from './07-volumes.ts';
import { lab as security } from './08-security.ts';
import { lab as engineApi } from './09-engine-api.ts';
import { lab as startup } from './10-startup.ts';
import { lab as density } from './11-density.ts';
import { lab as overhead } from './12-overhead.ts';
import { lab as layersLimit } from './13-layers-limit.ts';
import { lab as kernel } from './14-kernel.ts';
import type { Lab } from './kit/core/lab.ts';

/** Every lab, in workshop order. A new lab is one file plus one line here. */
export const labs: readonly Lab[] = [
  processes,
  namespaces,
  network,
  cgroups,
  layers,
  buildShipRun,
  volumes,
  security,
  engineApi,
  startup,
  density,
  overhead,
  layersLimit,
  kernel,
];

export function findLab(id: string): Lab | undefined {
  return labs.find((lab) => lab.id === id);
}
