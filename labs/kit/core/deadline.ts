import { WharfError } from './errors.ts';

/** A signal that fires when `parent` aborts or after `ms`, whichever comes first. */
export function withDeadline(parent: AbortSignal | undefined, ms: number): AbortSignal {
  const timeout = AbortSignal.timeout(ms);
  return parent ? AbortSignal.any([parent, timeout]) : timeout;
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
      throw new WharfError(`Timed out after ${ms / 1000} s while ${what}.`, undefined, { cause: error });
    }
    throw error;
  }
}
