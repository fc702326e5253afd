import type { Said } from './text.ts';

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

/** The engine stopped answering mid-run: where, and when in the lab's story. */
export interface EngineGone {
  /** The engine's address as Docker writes it (unix:///var/run/docker.sock). */
  host: string;
  /** The `wharf.run` label of what this run had created, which is probably still there. */
  runLabel: string;
  /** Before the first step, during one (its title, by key), or while cleaning up. */
  phase: 'before-steps' | 'step' | 'cleanup';
  step?: Said;
}

/**
 * Everything a lab says, in order. `t` is milliseconds since the run started. A lab never writes to
 * the terminal itself: it emits these, and each consumer renders them its own way. Its own words
 * (step titles, notes, wait labels, fact labels) travel as keys into its text tables (labs/text/),
 * so a recording reads in every language; commands and engine output travel as they were printed.
 */
export type LabEvent = { t: number } & (
  | {
      type: 'start';
      lab: string;
      /** The `wharf.run` label on this run's engine objects (the runner's own run id is another). */
      runLabel: string;
      engine: EngineSummary;
      at: string;
    }
  /** A new chapter of the lab's story. */
  | ({ type: 'step' } & Said)
  /** The docker CLI line for what the lab is about to do through the API, derived from its spec. */
  | { type: 'command'; text: string }
  /** Text the engine or a container produced. */
  | { type: 'output'; text: string }
  /** A sentence explaining what was just seen. */
  | ({ type: 'note' } & Said)
  /** Something slow is under way; a spinner shows until the next event. */
  | ({ type: 'wait' } & Said)
  /** `key` is the fact's key, also the key of its label. */
  | { type: 'fact'; key: string; value: FactValue }
  /** What an earlier run whose process ended had left behind on the engine, removed before this run. */
  | { type: 'swept'; removed: number; pids: number[]; leftovers: string[] }
  /** `engineGone`: cleanup could not happen because the engine stopped answering. */
  | { type: 'cleanup'; removed: number; leftovers: string[]; engineGone?: boolean }
  | { type: 'result'; ok: boolean; facts: Facts; durationMs: number; error?: LabError }
);

/** Why a run failed, for people; `engineGone` lets each consumer say it in its own language. */
export interface LabError {
  message: string;
  hint?: string;
  engineGone?: EngineGone;
}

export type LabEventInput = LabEvent extends infer E ? (E extends LabEvent ? Omit<E, 't'> : never) : never;

export type EventSink = (event: LabEvent) => void;
