import { RUN_LABEL } from './labels.ts';
import { CLIENT_LABEL, PID_LABEL } from './owner.ts';

/** The process looking for leftovers: its client id, its pid, and the runs it has itself finished. */
export interface Sweeper {
  client: string;
  pid: number;
  /** Run labels of runs this process ran to the end (the runner runs many labs in one process). */
  endedRuns: ReadonlySet<string>;
}

/**
 * The pid of the ended run that left this object behind, or undefined when it must stay: made by
 * another client (another machine or user sharing the engine), without owner labels (made before
 * Wharf recorded owners: `npm run clean` removes those), by a process still alive (a run going on
 * right now), or by this very process in a run that has not ended.
 */
export function endedOwner(
  labels: Record<string, string> | undefined,
  sweeper: Sweeper,
  alive: (pid: number) => boolean,
): number | undefined {
  if (!labels || labels[CLIENT_LABEL] !== sweeper.client) return undefined;
  const raw = labels[PID_LABEL] ?? '';
  if (!/^[1-9]\d{0,9}$/.test(raw)) return undefined;
  const pid = Number(raw);
  if (pid === sweeper.pid) return sweeper.endedRuns.has(labels[RUN_LABEL] ?? '') ? pid : undefined;
  return alive(pid) ? undefined : pid;
}
