import { randomBytes } from 'node:crypto';
import { describeError } from '../labs/kit/core/errors.ts';
import type { LabEvent } from '../labs/kit/core/events.ts';
import type { Lab } from '../labs/kit/core/lab.ts';
import { runLab } from '../labs/kit/core/run-lab.ts';
import type { Engine } from '../labs/kit/engine/connect.ts';
import type { StreamedEvent } from './protocol.ts';

export interface Run {
  id: string;
  lab: string;
  events: StreamedEvent[];
  done: boolean;
  /** How many are following its events right now. */
  readonly followers: number;
  stop(): void;
  /** Calls `listener` for every event so far and every future one; returns an unsubscribe. */
  subscribe(listener: (streamed: StreamedEvent) => void, onEnd: () => void): () => void;
  finished: Promise<void>;
}

export class RunLimitError extends Error {
  constructor(
    message: string,
    readonly status: 409 | 429,
  ) {
    super(message);
  }
}

export interface RunManagerOptions {
  /** Connected lazily and reused, so a Run answers in milliseconds, not a discovery. */
  engine: () => Promise<Engine>;
  maxConcurrent?: number;
  deadlineMs?: number;
}

/**
 * Runs labs in this process (no child process start-up on stage), one run per lab at a time and a
 * few in all. Events are kept per run so a late subscriber still sees the whole story.
 */
export class RunManager {
  readonly #runs = new Map<string, Run>();
  readonly #options: RunManagerOptions & { maxConcurrent: number };

  constructor(options: RunManagerOptions) {
    // No deadline of its own by default: each lab's (120 s unless the lab needs longer).
    this.#options = { maxConcurrent: 2, ...options };
  }

  get(id: string): Run | undefined {
    return this.#runs.get(id);
  }

  active(): Run[] {
    return [...this.#runs.values()].filter((run) => !run.done);
  }

  start(lab: Lab): Run {
    const active = this.active();
    if (active.some((run) => run.lab === lab.id)) throw new RunLimitError(`lab "${lab.id}" is already running`, 409);
    if (active.length >= this.#options.maxConcurrent) {
      throw new RunLimitError(`${active.length} labs are running; the limit is ${this.#options.maxConcurrent}`, 429);
    }
    const run = this.#createRun(lab);
    this.#runs.set(run.id, run);
    this.#forgetOldRuns();
    return run;
  }

  /** Stops every active run and waits for their cleanup. */
  async stopAll(): Promise<void> {
    const active = this.active();
    for (const run of active) run.stop();
    await Promise.all(active.map((run) => run.finished));
  }

  #createRun(lab: Lab): Run {
    const controller = new AbortController();
    const listeners = new Set<{ event: (s: StreamedEvent) => void; end: () => void }>();
    const events: StreamedEvent[] = [];
    const publish = (event: LabEvent) => {
      const streamed = { event };
      events.push(streamed);
      for (const listener of listeners) listener.event(streamed);
    };
    const run: Run = {
      id: randomBytes(8).toString('hex'),
      lab: lab.id,
      events,
      done: false,
      get followers() {
        return listeners.size;
      },
      stop: () => controller.abort(new Error('stopped from the deck')),
      subscribe: (event, end) => {
        for (const streamed of events) event(streamed);
        if (run.done) {
          end();
          return () => {};
        }
        const listener = { event, end };
        listeners.add(listener);
        return () => listeners.delete(listener);
      },
      finished: Promise.resolve(),
    };
    run.finished = (async () => {
      try {
        const engine = await this.#options.engine();
        await runLab(lab, { sink: publish, signal: controller.signal, engine, deadlineMs: this.#options.deadlineMs });
      } catch (error) {
        // runLab never throws; engine discovery can. Report it as the lab's result.
        publish({ t: 0, type: 'result', ok: false, facts: {}, durationMs: 0, error: describeError(error) });
      } finally {
        run.done = true;
        for (const listener of listeners) listener.end();
        listeners.clear();
      }
    })();
    return run;
  }

  /** Finished runs are kept briefly for late subscribers, then forgotten so memory stays bounded. */
  #forgetOldRuns(): void {
    const finished = [...this.#runs.values()].filter((run) => run.done);
    for (const run of finished.slice(0, Math.max(0, finished.length - 20))) this.#runs.delete(run.id);
  }
}
