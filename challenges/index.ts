import { challenge as pidOnHost } from './01-pid-on-host.ts';
import { challenge as oomKill } from './02-oom-kill.ts';
import { challenge as forkLimit } from './03-fork-limit.ts';
import { challenge as noChown } from './04-no-chown.ts';
import { challenge as bindOwner } from './05-bind-owner.ts';
import { challenge as namedVolume } from './06-named-volume.ts';
import { challenge as readOnly } from './07-read-only.ts';
import { challenge as localhostPort } from './08-localhost-port.ts';
import { challenge as sharedNetns } from './09-shared-netns.ts';
import { challenge as oneLayer } from './10-one-layer.ts';
import { challenge as cpuHalf } from './11-cpu-half.ts';
import type { Challenge } from './challenge.ts';

/** Every challenge, in the order of the chapters they follow. A new one is one file plus one line here. */
export const challenges: readonly Challenge[] = [
  pidOnHost,
  oneLayer,
  namedVolume,
  bindOwner,
  sharedNetns,
  localhostPort,
  oomKill,
  cpuHalf,
  forkLimit,
  noChown,
  readOnly,
];

export function findChallenge(id: string): Challenge | undefined {
  return challenges.find((c) => c.id === id);
}
