import { describeError } from '../labs/kit/core/errors.ts';
import { connectEngine, type Engine } from '../labs/kit/engine/connect.ts';
import { ping } from '../labs/kit/engine/signal-calls.ts';
import { summariseEngine } from '../labs/kit/engine/summary.ts';
import type { EngineStatus } from './protocol.ts';

/**
 * The runner's engine: discovered once and reused, so a Run answers in milliseconds; checked again
 * before a run, since the presenter may stop or start an engine while the deck is open.
 */
export class EngineSource {
  #engine: Promise<Engine> | undefined;

  /** `connect` is engine discovery; tests pass one that looks where no engine is. */
  constructor(private readonly connect: () => Promise<Engine> = () => connectEngine()) {}

  get(): Promise<Engine> {
    this.#engine ??= this.connect().catch((error: unknown) => {
      this.#engine = undefined; // try discovery again next time
      throw error;
    });
    return this.#engine;
  }

  async status(): Promise<EngineStatus> {
    try {
      let engine = await this.get();
      if (
        !(await ping(engine.docker, AbortSignal.timeout(1500)).then(
          () => true,
          () => false,
        ))
      ) {
        this.#engine = undefined; // it went away: look again, it may be somewhere else now
        engine = await this.get();
      }
      // The same summary the labs' start event carries, without what the deck's engine line does not show.
      const { cgroupVersion: _, cpus: __, ...summary } = summariseEngine(engine.info);
      return { ok: true, ...summary, passedOver: engine.info.passedOver };
    } catch (error) {
      const { message, hint } = describeError(error);
      return { ok: false, error: message, hint };
    }
  }
}
