import { WharfError } from './errors.ts';

/**
 * Every lab deadline, stretched by WHARF_DEADLINE_SCALE when it is set: an engine in a VM under
 * software emulation does the same work 10-25x slower (the engine matrix sets it), and a deadline
 * sized for a local engine would stop a lab that is only slow, not stuck.
 */
export function scaled(ms: number): number {
  const factor = Number(process.env.WHARF_DEADLINE_SCALE);
  return Number.isFinite(factor) && factor > 0 ? ms * factor : ms;
}

// Node 20 lets the garbage collector take a timeout signal that only AbortSignal.any refers to,
// and then the combined signal never fires: a deadline that silently disappears (seen in the engine
// matrix as a lab waiting 20 min on a 100 s fetch). Each combined signal keeps its timeout here.
const timeouts = new WeakMap<AbortSignal, AbortSignal>();

/** A signal that fires when `parent` aborts or after `ms` (scaled), whichever comes first. */
export function withDeadline(parent: AbortSignal | undefined, ms: number): AbortSignal {
  const timeout = AbortSignal.timeout(scaled(ms));
  if (!parent) return timeout;
  const combined = AbortSignal.any([parent, timeout]);
  timeouts.set(combined, timeout);
  return combined;
}

/**
 * Runs `work` with a signal that aborts after `ms`; a timeout becomes an error that names what was
 * being waited for, so nothing ever hangs silently on stage.
 */
export async function withinDeadline<T>(
  what: string,
  ms: number,
  parent: AbortSignal | undefined,
  work: (signal: AbortSignal) => Promise<T>,
): Promise<T> {
  const signal = withDeadline(parent, ms);
  try {
    return await work(signal);
  } catch (error) {
    if (signal.aborted && !parent?.aborted) {
      throw new WharfError(`Timed out after ${scaled(ms) / 1000} s while ${what}.`, undefined, { cause: error });
    }
    throw error;
  }
}
