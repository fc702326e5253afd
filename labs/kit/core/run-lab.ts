import { setTimeout as sleep } from 'node:timers/promises';
import type Docker from 'dockerode';
import { ensureBaseImage } from '../engine/base-image.ts';
import { type CleanupReport, removeByLabel } from '../engine/cleanup.ts';
import { connectEngine, type Engine } from '../engine/connect.ts';
import { ping } from '../engine/signal-calls.ts';
import { summariseEngine } from '../engine/summary.ts';
import { removeEndedRuns } from '../engine/sweep.ts';
import { createContext, type ShownProbe } from './context.ts';
import { scaled, withDeadline } from './deadline.ts';
import { describeError, isAbortError } from './errors.ts';
import type { EngineGone, EventSink, FactValue, LabError, LabEvent, LabEventInput } from './events.ts';
import type { FactShape, Lab, LabContext } from './lab.ts';
import { newRunLabel, RUN_LABEL } from './labels.ts';
import { resolveLabOptions } from './options.ts';
import { thisClient } from './owner.ts';
import type { Said } from './text.ts';
import { englishEngineGone } from './words.ts';

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
  error?: LabError;
}

/** How long a ping may take when deciding whether the engine is still there after something failed. */
const STILL_THERE_MS = 5_000;

async function engineAnswers(docker: Docker): Promise<boolean> {
  try {
    await ping(docker, withDeadline(undefined, STILL_THERE_MS));
    return true;
  } catch {
    return false;
  }
}

/**
 * Removes the run's objects. After a stop, a create the lab had sent may still be landing in the
 * engine (aborting the request does not undo it), so a stopped run looks once more a moment later.
 * `gone` when the engine stopped answering on the way: the next run's sweep removes what is left.
 */
async function cleanUp(docker: Docker, runLabel: string, stopped: boolean): Promise<CleanupReport & { gone: boolean }> {
  const report: CleanupReport = { removed: [], leftovers: [] };
  try {
    const label = `${RUN_LABEL}=${runLabel}`;
    const first = await removeByLabel(docker, label, { deadlineMs: 15_000 });
    report.removed.push(...first.removed);
    report.leftovers.push(...first.leftovers);
    if (stopped) {
      await sleep(500);
      const late = await removeByLabel(docker, label, { deadlineMs: 15_000 });
      report.removed.push(...late.removed);
      report.leftovers.push(...late.leftovers);
    }
  } catch (error) {
    report.leftovers.push(describeError(error).message);
  }
  const gone = report.leftovers.length > 0 && !(await engineAnswers(docker));
  return { ...report, gone };
}

// Runs this process ran to the end: their objects are leftovers even though this process lives on
// (the runner runs every lab in one process). Run labels are short; the set stays small.
const endedRuns = new Set<string>();
// One sweep at a time in a process, so two labs started together do not remove, and report, the same objects.
let sweeping: Promise<unknown> = Promise.resolve();

/** Removes what earlier runs whose process ended left behind, and says so in one line. */
async function sweepEndedRuns(docker: Docker, emit: (e: LabEventInput) => void): Promise<void> {
  const sweep = sweeping.then(() =>
    removeEndedRuns(docker, { client: thisClient(), pid: process.pid, endedRuns }, { deadlineMs: 20_000 }),
  );
  sweeping = sweep.catch(() => undefined);
  try {
    const { removed, leftovers, pids } = await sweep;
    if (removed.length || leftovers.length) emit({ type: 'swept', removed: removed.length, pids, leftovers });
  } catch {
    // Not this run's business to fail over: if the engine is in trouble, the lab's own calls say so.
  }
}

/** Runs what the lab deferred, newest first, each with a fresh deadline: engine objects removed, and what failed. */
async function undoDeferred(
  deferred: ((fresh: LabContext<never>) => Promise<unknown>)[],
  contextFor: (signal: AbortSignal) => LabContext<never>,
): Promise<{ removed: number; failed: string[] }> {
  const undone = { removed: 0, failed: [] as string[] };
  for (const undo of deferred.reverse()) {
    await undo(contextFor(withDeadline(undefined, 20_000))).then(
      (result) => (undone.removed += typeof result === 'number' ? result : 0),
      (error) => undone.failed.push(describeError(error).message),
    );
  }
  return undone;
}

/**
 * Runs one lab from start to cleanup and reports everything as events. Never throws: a failure,
 * an abort or a deadline ends in a `result` event with `ok: false`, after cleanup.
 */
export async function runLab<F extends FactShape<F>, K extends string>(
  lab: Lab<F, K>,
  options: RunLabOptions,
): Promise<LabOutcome<F>> {
  const started = performance.now();
  let step: Said | undefined;
  const emit = (event: LabEventInput) => {
    if (event.type === 'step') step = { key: event.key, ...(event.values ? { values: event.values } : {}) };
    options.sink({ ...event, t: Math.round(performance.now() - started) } as LabEvent);
  };
  const runLabel = newRunLabel();
  const facts: Record<string, FactValue> = {};
  const deadlineMs = scaled(options.deadlineMs ?? lab.deadlineMs ?? 120_000);
  const deadline = AbortSignal.timeout(deadlineMs);
  const signal = options.signal ? AbortSignal.any([options.signal, deadline]) : deadline;
  let engine: Engine | undefined = options.engine;
  let error: LabError | undefined;
  const deferred: ((fresh: LabContext<never>) => Promise<unknown>)[] = [];
  // What can only go once the run's images are gone (BuildKit's cache records of their layers).
  const afterCleanup: ((fresh: LabContext<never>) => Promise<unknown>)[] = [];
  let contextFor: ((signal: AbortSignal) => LabContext<never>) | undefined;

  try {
    engine ??= await connectEngine();
    const { info } = engine;
    const at = new Date().toISOString();
    emit({
      type: 'start',
      lab: lab.id,
      runLabel,
      at,
      engine: summariseEngine(info),
    });
    await sweepEndedRuns(engine.docker, emit);
    const base = await ensureBaseImage(engine.docker, info.arch, { signal });
    if (base.built) emit({ type: 'note', key: 'kit.builtBase', values: { image: base.image } });
    const { probe } = options;
    const labOptions = resolveLabOptions(lab, options.labOptions);
    const input = {
      lab,
      engine,
      runLabel,
      baseImage: base.image,
      emit,
      facts,
      probe,
      options: labOptions,
      deferred,
      afterCleanup,
    };
    contextFor = (fresh) => createContext<never>({ ...input, signal: fresh });
    await lab.run(createContext<F, K>({ ...input, signal }));
  } catch (caught) {
    error = describeError(caught);
    if (deadline.aborted) error = { message: `The lab did not finish within ${deadlineMs / 1000} s and was stopped.` };
    else if (options.signal?.aborted && isAbortError(caught)) error = { message: 'Stopped.' };
    else if (options.signal?.aborted) error = { message: `Stopped. (${error.message})` };
  }
  // What labels cannot find (a directory) first, also when the engine is gone: it may be ours alone.
  const undone = contextFor ? await undoDeferred(deferred, contextFor) : { removed: 0, failed: [] };
  if (engine) {
    // A failure may be the engine itself going away (stopped, crashed, unplugged): then say that,
    // plainly, instead of the socket error it caused, and leave the objects to the next run's sweep.
    const goneMidRun = error !== undefined && !(await engineAnswers(engine.docker));
    const cleanup = goneMidRun ? undefined : await cleanUp(engine.docker, runLabel, signal.aborted);
    if (cleanup && !cleanup.gone) {
      const late = contextFor ? await undoDeferred(afterCleanup, contextFor) : { removed: 0, failed: [] };
      emit({
        type: 'cleanup',
        removed: undone.removed + cleanup.removed.length + late.removed,
        leftovers: [...undone.failed, ...cleanup.leftovers, ...late.failed],
      });
    } else {
      emit({ type: 'cleanup', removed: cleanup?.removed.length ?? 0, leftovers: [], engineGone: true });
      const gone: EngineGone = {
        host: engine.info.endpoint.host,
        runLabel,
        phase: goneMidRun ? (step === undefined ? 'before-steps' : 'step') : 'cleanup',
        ...(goneMidRun && step !== undefined ? { step } : {}),
      };
      error = { ...englishEngineGone(gone, lab.text), engineGone: gone };
    }
    endedRuns.add(runLabel);
  }
  const ok = !error;
  emit({ type: 'result', ok, facts, durationMs: Math.round(performance.now() - started), error });
  return { ok, facts: facts as F, runLabel, error };
}
