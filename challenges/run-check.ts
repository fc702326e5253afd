import type { Challenge, CheckLine } from './challenge.ts';
import { checkEngine } from './engine.ts';
import { type Engine, RUN_LABEL } from './kit.ts';
import { settingFor } from './session.ts';

/**
 * Runs one challenge's check under a deadline. Its helper containers remove themselves; if the
 * check is stopped half-way, whatever carries its run label is swept up.
 */
export async function runCheck(
  challenge: Challenge,
  engine: Engine,
  answer?: string,
  signal?: AbortSignal,
): Promise<CheckLine[]> {
  const deadline = AbortSignal.timeout(30_000);
  const combined = signal ? AbortSignal.any([signal, deadline]) : deadline;
  const view = checkEngine(engine, settingFor(challenge, engine), combined);
  try {
    return await challenge.check(view, answer);
  } finally {
    if (combined.aborted) {
      const { removeByLabel } = await import('./kit-setup.ts'); // only on this rare path: it loads more
      await removeByLabel(engine.docker, `${RUN_LABEL}=${view.runId}`).catch(() => undefined);
    }
  }
}
