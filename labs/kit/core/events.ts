/** A fact a lab observed: plain JSON so the terminal, --json, tests and slides all read it alike. */
export type FactValue = string | number | boolean | null | FactValue[] | { [key: string]: FactValue };
export type Facts = Record<string, FactValue>;

export interface EngineSummary {
  product: string;
  version: string;
  arch: string;
  host: string;
  cgroupVersion: string;
  /** How many CPUs the engine has, and their model when its host is the machine that ran the lab. */
  cpus?: { count: number; model?: string };
  /** Configured endpoints that did not answer, so this one was used instead. */
  passedOver?: string[];
}

/**
 * Everything a lab says, in order. `t` is milliseconds since the run started. A lab never writes to
 * the terminal itself: it emits these, and each consumer renders them its own way.
 */
export type LabEvent = { t: number } & (
  | {
      type: 'start';
      lab: string;
      title: string;
      shows: string;
      /** The `wharf.run` label on this run's engine objects (the runner's own run id is another). */
      runLabel: string;
      engine: EngineSummary;
      at: string;
    }
  /** A new chapter of the lab's story. */
  | { type: 'step'; title: string }
  /** The docker CLI line for what the lab is about to do through the API, derived from its spec. */
  | { type: 'command'; text: string }
  /** Text the engine or a container produced. */
  | { type: 'output'; text: string }
  /** A sentence explaining what was just seen. */
  | { type: 'note'; text: string }
  /** Something slow is under way; a spinner shows until the next event. */
  | { type: 'wait'; label: string }
  | { type: 'fact'; key: string; value: FactValue; label: string }
  | { type: 'cleanup'; removed: number; leftovers: string[] }
  | { type: 'result'; ok: boolean; facts: Facts; durationMs: number; error?: { message: string; hint?: string } }
);

export type LabEventInput = LabEvent extends infer E ? (E extends LabEvent ? Omit<E, 't'> : never) : never;

export type EventSink = (event: LabEvent) => void;
