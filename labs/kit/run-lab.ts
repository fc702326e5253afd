import type Docker from 'dockerode';
import { ensureBaseImage } from './base-image.ts';
import { removeByLabel } from './cleanup.ts';
import { scaled } from './deadline.ts';
import { connectEngine, type Engine } from './engine/connect.ts';
import { describeError, isAbortError } from './errors.ts';
import type { EventSink, Facts, LabEvent, LabEventInput } from './events.ts';
import { newRunId, RUN_LABEL, runLabels } from './labels.ts';
import type { Lab, LabContext } from './lab.ts';

export interface RunLabOptions {
  sink: EventSink;
  /** Abort to stop the lab: it then cleans up and reports. */
  signal?: AbortSignal;
  /** Reuse an engine already connected (tests, the runner); otherwise discovery runs. */
  engine?: Engine;
  /** Hard limit for the whole lab, cleanup excluded. */
  deadlineMs?: number;
}

export interface LabOutcome {
  ok: boolean;
  facts: Facts;
  runId: string;
  error?: { message: string; hint?: string };
}

function createContext(lab: Lab, engine: Engine, runId: string, baseImage: string, signal: AbortSignal, emit: (e: LabEventInput) => void, facts: Facts): LabContext {
  return {
    docker: engine.docker,
    engine: engine.info,
    runId,
    labels: runLabels(lab.id, runId),
    baseImage,
    signal,
    name: (what) => `wharf-${lab.id}-${what}-${runId}`,
    step: (title) => emit({ type: 'step', title }),
    command: (text) => emit({ type: 'command', text }),
    output: (text) => emit({ type: 'output', text }),
    note: (text) => emit({ type: 'note', text }),
    wait: (label) => emit({ type: 'wait', label }),
    fact: (key, value, label) => {
      facts[key] = value;
      emit({ type: 'fact', key, value, label });
    },
  };
}

async function cleanUp(docker: Docker, runId: string, emit: (e: LabEventInput) => void): Promise<void> {
  try {
    const report = await removeByLabel(docker, `${RUN_LABEL}=${runId}`, { deadlineMs: 15_000 });
    emit({ type: 'cleanup', removed: report.removed.length, leftovers: report.leftovers });
  } catch (error) {
    emit({ type: 'cleanup', removed: 0, leftovers: [describeError(error).message] });
  }
}

/**
 * Runs one lab from start to cleanup and reports everything as events. Never throws: a failure,
 * an abort or a deadline ends in a `result` event with `ok: false`, after cleanup.
 */
export async function runLab(lab: Lab, options: RunLabOptions): Promise<LabOutcome> {
  const started = performance.now();
  const emit = (event: LabEventInput) => options.sink({ ...event, t: Math.round(performance.now() - started) } as LabEvent);
  const runId = newRunId();
  const facts: Facts = {};
  const deadlineMs = scaled(options.deadlineMs ?? 120_000);
  const deadline = AbortSignal.timeout(deadlineMs);
  const signal = options.signal ? AbortSignal.any([options.signal, deadline]) : deadline;
  let engine: Engine | undefined = options.engine;
  let error: { message: string; hint?: string } | undefined;

  try {
    engine ??= await connectEngine();
    const { info } = engine;
    emit({
      type: 'start', lab: lab.id, title: lab.title, shows: lab.shows, runId, at: new Date().toISOString(),
      engine: { product: info.product, version: info.version, arch: info.arch, host: info.endpoint.host, cgroupVersion: info.cgroupVersion, passedOver: info.passedOver },
    });
    const base = await ensureBaseImage(engine.docker, info.arch, { signal });
    if (base.built) emit({ type: 'note', text: `Built ${base.image} from the vendored busybox (no registry needed).` });
    await lab.run(createContext(lab, engine, runId, base.image, signal, emit, facts));
  } catch (caught) {
    error = describeError(caught);
    if (deadline.aborted) error = { message: `The lab did not finish within ${deadlineMs / 1000} s and was stopped.` };
    else if (options.signal?.aborted && isAbortError(caught)) error = { message: 'Stopped.' };
    else if (options.signal?.aborted) error = { message: `Stopped. (${error.message})` };
  } finally {
    if (engine) await cleanUp(engine.docker, runId, emit);
  }
  const ok = !error;
  emit({ type: 'result', ok, facts, durationMs: Math.round(performance.now() - started), error });
  return { ok, facts, runId, error };
}
