import { setTimeout as sleep } from 'node:timers/promises';
import type Docker from 'dockerode';
import { ensureBaseImage } from '../engine/base-image.ts';
import { removeByLabel } from '../engine/cleanup.ts';
import { connectEngine, type Engine } from '../engine/connect.ts';
import { summariseEngine } from '../engine/summary.ts';
import { createContext, type ShownProbe } from './context.ts';
import { scaled, withDeadline } from './deadline.ts';
import { describeError, isAbortError } from './errors.ts';
import type { EventSink, FactValue, LabEvent, LabEventInput } from './events.ts';
import type { FactShape, Lab, LabContext } from './lab.ts';
import { newRunLabel, RUN_LABEL } from './labels.ts';
import { resolveLabOptions } from './options.ts';

export interface RunLabOptions {
  sink: EventSink;
  /** Abort to stop the lab: it then cleans up and reports. */
  signal?: AbortSignal;
  /** Reuse an engine already connected (tests, the runner); otherwise discovery runs. */
  engine?: Engine;
  /** Hard limit for the whole lab, cleanup excluded. */
  deadlineMs?: number;
  /** Sees every container, exec and build a verb made (the shown-equals-run test). */
  probe?: ShownProbe;
  /** The lab's options as given on the command line (`--count 20`), checked against its declaration. */
  labOptions?: Record<string, string | undefined>;
}

export interface LabOutcome<F = Record<string, FactValue>> {
  ok: boolean;
  /** Every fact the lab reported: all of them when `ok`, those observed so far otherwise. */
  facts: F;
  /** The `wharf.run` label of this run's engine objects. */
  runLabel: string;
  error?: { message: string; hint?: string };
}

/**
 * Removes the run's objects. After a stop, a create the lab had sent may still be landing in the
 * engine (aborting the request does not undo it), so a stopped run looks once more a moment later.
 */
async function cleanUp(
  docker: Docker,
  runLabel: string,
  emit: (e: LabEventInput) => void,
  stopped: boolean,
  undone: string[] = [],
) {
  try {
    const label = `${RUN_LABEL}=${runLabel}`;
    const report = await removeByLabel(docker, label, { deadlineMs: 15_000 });
    report.leftovers.unshift(...undone);
    if (stopped) {
      await sleep(500);
      const late = await removeByLabel(docker, label, { deadlineMs: 15_000 });
      report.removed.push(...late.removed);
      report.leftovers.push(...late.leftovers);
    }
    emit({ type: 'cleanup', removed: report.removed.length, leftovers: report.leftovers });
  } catch (error) {
    emit({ type: 'cleanup', removed: 0, leftovers: [describeError(error).message] });
  }
}

/** Runs what the lab deferred, newest first, each with a fresh deadline; returns what failed. */
async function undoDeferred(
  deferred: ((fresh: LabContext<never>) => Promise<unknown>)[],
  contextFor: (signal: AbortSignal) => LabContext<never>,
): Promise<string[]> {
  const failed: string[] = [];
  for (const undo of deferred.reverse()) {
    await undo(contextFor(withDeadline(undefined, 20_000))).catch((error) => failed.push(describeError(error).message));
  }
  return failed;
}

/**
 * Runs one lab from start to cleanup and reports everything as events. Never throws: a failure,
 * an abort or a deadline ends in a `result` event with `ok: false`, after cleanup.
 */
export async function runLab<F extends FactShape<F>>(lab: Lab<F>, options: RunLabOptions): Promise<LabOutcome<F>> {
  const started = performance.now();
  const emit = (event: LabEventInput) =>
    options.sink({ ...event, t: Math.round(performance.now() - started) } as LabEvent);
  const runLabel = newRunLabel();
  const facts: Record<string, FactValue> = {};
  const deadlineMs = scaled(options.deadlineMs ?? 120_000);
  const deadline = AbortSignal.timeout(deadlineMs);
  const signal = options.signal ? AbortSignal.any([options.signal, deadline]) : deadline;
  let engine: Engine | undefined = options.engine;
  let error: { message: string; hint?: string } | undefined;
  const deferred: ((fresh: LabContext<never>) => Promise<unknown>)[] = [];
  let contextFor: ((signal: AbortSignal) => LabContext<never>) | undefined;

  try {
    engine ??= await connectEngine();
    const { info } = engine;
    const at = new Date().toISOString();
    emit({
      type: 'start',
      lab: lab.id,
      title: lab.title,
      shows: lab.shows,
      runLabel,
      at,
      engine: summariseEngine(info),
    });
    const base = await ensureBaseImage(engine.docker, info.arch, { signal });
    if (base.built) emit({ type: 'note', text: `Built ${base.image} from the vendored busybox (no registry needed).` });
    const { probe } = options;
    const labOptions = resolveLabOptions(lab, options.labOptions);
    const input = { lab, engine, runLabel, baseImage: base.image, emit, facts, probe, options: labOptions, deferred };
    contextFor = (fresh) => createContext<never>({ ...input, signal: fresh });
    await lab.run(createContext<F>({ ...input, signal }));
  } catch (caught) {
    error = describeError(caught);
    if (deadline.aborted) error = { message: `The lab did not finish within ${deadlineMs / 1000} s and was stopped.` };
    else if (options.signal?.aborted && isAbortError(caught)) error = { message: 'Stopped.' };
    else if (options.signal?.aborted) error = { message: `Stopped. (${error.message})` };
  } finally {
    const undone = contextFor ? await undoDeferred(deferred, contextFor) : [];
    if (engine) await cleanUp(engine.docker, runLabel, emit, signal.aborted, undone);
  }
  const ok = !error;
  emit({ type: 'result', ok, facts, durationMs: Math.round(performance.now() - started), error });
  return { ok, facts: facts as F, runLabel, error };
}
