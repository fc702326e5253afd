import type { Said } from './text.ts';

/**
 * An error meant for a person at a terminal or on stage: a plain message plus, where we know it,
 * what to do about it. The CLI prints these without a stack trace.
 */
export class WharfError extends Error {
  override readonly name = 'WharfError';

  /** The same message as a kit sentence by key, where a lab shows it in the language on screen. */
  readonly said?: Said;

  constructor(
    message: string,
    readonly hint?: string,
    options?: { cause?: unknown; said?: Said },
  ) {
    super(message, options);
    this.said = options?.said;
  }
}

export function isAbortError(error: unknown): boolean {
  return error instanceof Error && (error.name === 'AbortError' || (error as { code?: string }).code === 'ABORT_ERR');
}

export function describeError(error: unknown): { message: string; hint?: string } {
  if (error instanceof WharfError) return { message: error.message, hint: error.hint };
  if (error instanceof Error) return { message: error.message };
  return { message: String(error) };
}

/**
 * A `.catch` for a step whose failure the lab tells and goes on from (`fallback` gets the error): a
 * stopped run (Ctrl-C, Stop, its deadline) still throws, so a stop is never taken for a result.
 */
export function unlessStopped<T>(signal: AbortSignal, fallback: (error: Error) => T): (error: unknown) => T {
  return (error) => {
    if (signal.aborted) throw error;
    return fallback(error instanceof Error ? error : new Error(String(error)));
  };
}
