import type Docker from 'dockerode';
import { endedOwner, type Sweeper } from '../core/orphans.ts';
import { CLIENT_LABEL, pidAlive } from '../core/owner.ts';
import { removeByLabel } from './cleanup.ts';

export interface SweepReport {
  removed: string[];
  leftovers: string[];
  /** The processes whose runs left what was found, in order. */
  pids: number[];
}

/**
 * Removes what runs of this client whose process has ended left on the engine (kill -9, a closed
 * terminal, the engine gone while they cleaned up). Only this client's objects are listed at all.
 */
export async function removeEndedRuns(
  docker: Docker,
  sweeper: Sweeper,
  { alive = pidAlive, deadlineMs = 20_000 }: { alive?: (pid: number) => boolean; deadlineMs?: number } = {},
): Promise<SweepReport> {
  const pids = new Set<number>();
  const report = await removeByLabel(docker, `${CLIENT_LABEL}=${sweeper.client}`, {
    deadlineMs,
    select: (labels) => {
      const pid = endedOwner(labels, sweeper, alive);
      if (pid !== undefined) pids.add(pid);
      return pid !== undefined;
    },
  });
  return { ...report, pids: [...pids].sort((a, b) => a - b) };
}
