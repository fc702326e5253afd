import type Docker from 'dockerode';
import type { EngineInfo } from '../engine/connect.ts';
import type { Completed } from '../engine/containers.ts';
import type { BuiltImage } from '../engine/images.ts';
import type { Sections } from '../parse/sections.ts';
import type { ContainerSpec } from '../spec/container.ts';
import type { FactValue } from './events.ts';
import type { LabOptionSpecs, LabOptionValues } from './options.ts';
import type { QueryVerbs } from './query-verbs.ts';
import type { LabText, Said, Values } from './text.ts';

/** A spinner's label: a key of the lab's lines, or a key with values (`{ key: 'starting', values: { n } }`). */
export type WaitLabel = string | Said;

/** The facts a lab reports, by key: a type per lab, so tests read them typed. */
export type FactShape<F> = { [K in keyof F]: FactValue };

/** A fact a lab may report, for the type checker: its value type (its labels are in the lab's text). */
export interface FactSpec<T extends FactValue> {
  /** Never set: carries T so that tests read each fact with its type. */
  readonly type?: T;
}

/** Declares one fact: `hostPid: fact<number>()`. */
export const fact = <T extends FactValue>(): FactSpec<T> => ({});

export type FactSpecs<F> = { [K in keyof F]: FactSpec<F[K] & FactValue> };

/** The fact values a `facts` table declares: `{ hostPid: fact<number>() }` → `{ hostPid: number }`. */
export type FactsOf<S> = { [K in keyof S]: S[K] extends FactSpec<infer T> ? T : never };

/** The keys of a lab's lines: `LinesOf<typeof text>`. */
export type LinesOf<T> = T extends LabText<infer K> ? K : string;

/** The context of a lab with facts S and text T: `ContextFor<typeof facts, typeof text>`. */
export type ContextFor<S, T = LabText> = LabContext<FactsOf<S>, LinesOf<T>>;

/** What every lab file exports. */
export interface Lab<F extends FactShape<F> = Record<string, FactValue>, K extends string = string> {
  /** Stable id used on the command line, in labels, on slides: `npm run lab -- <id>`. */
  id: string;
  /** English title and line, from `text.en`: for lists and logs. */
  title: string;
  shows: string;
  /** What the lab says, in every language (labs/text/<id>.ts). */
  text: LabText<K, keyof F & string>;
  /** Every fact the lab can report: the contract its test reads. */
  facts: FactSpecs<F>;
  /** How long a run may take before it is stopped (default 120 s; stretched by WHARF_DEADLINE_SCALE). */
  deadlineMs?: number;
  run(ctx: LabContext<F, K>): Promise<void>;
}

/** A container a lab started: its full name (as shown) and the engine's handle. */
export interface Box {
  name: string;
  id: string;
  container: Docker.Container;
}

/**
 * A container as a lab asks for it. `name` is short (`web`); the kit makes it unique to the run.
 * `image` defaults to the base image. `shown` replaces the command part on screen only: a
 * deliberate simplification, visible in the lab file (the flags shown are still the ones run).
 */
export interface RunSpec extends Omit<ContainerSpec, 'name' | 'image' | 'labels'> {
  name?: string;
  image?: string;
  shown?: string[];
  /** Show what the container printed as output. */
  print?: boolean;
  /** Deadline for a run to finish (default 30 s). */
  deadlineMs?: number;
  /** Something slow follows the command line: a spinner with this label. */
  wait?: WaitLabel;
}

export interface ExecOptions {
  user?: string;
  /** The command part as shown, when it is a simplification of `cmd`. */
  shown?: string[];
  print?: boolean;
  wait?: WaitLabel;
}

/** A helper next to the engine: `--pid=host` (host view) plus the few extra flags a lab needs. */
export type HostSpec = Pick<
  RunSpec,
  'uts' | 'capAdd' | 'securityOpt' | 'memory' | 'memorySwap' | 'cpus' | 'pidsLimit' | 'shown' | 'wait'
>;

export interface BuildOptions {
  tag: string;
  dockerfile?: string;
  /** Stream the engine's build output (default true). */
  showOutput?: boolean;
  /** Instead of the engine's output, a table of its steps: this word beside each one not from the cache. */
  stepTable?: string;
  wait?: WaitLabel;
}

/**
 * What a lab gets to tell its story and touch the engine. Every verb shows the command it runs. The
 * lab's words are keys of its lines (K) with values for their `{name}` placeholders.
 */
export interface LabContext<F extends FactShape<F> = Record<string, FactValue>, K extends string = string>
  extends QueryVerbs {
  docker: Docker;
  engine: EngineInfo;
  /** The value of `wharf.run` on everything this run creates (not the runner's run id). */
  runLabel: string;
  /** `wharf.lab` and `wharf.run`: for the rare object a lab creates itself (a volume). */
  labels: Record<string, string>;
  /** The shared base image, built or found before the lab starts. */
  baseImage: string;
  /** Aborts on Ctrl-C, SIGTERM, a runner's Stop, or the run's deadline. */
  signal: AbortSignal;
  /** A name unique to this run: `wharf-<lab>-<what>-<runLabel>`. */
  name(what: string): string;

  /** A step's title; `.note` adds the note that opens it at once: `ctx.step('stop').note('stopSignals')`. */
  step(key: K, values?: Values): { note(key: K | Said, values?: Values): void };
  /** A command line written by hand: for what no verb runs (curl, ls, docker stats…). */
  shown(text: string): void;
  output(text: string): void;
  /** A key of the lab's lines, or a sentence the kit made (`engineWhere().why`). */
  note(key: K | Said, values?: Values): void;
  wait(key: K, values?: Values): void;
  fact<FK extends keyof F & string>(key: FK, value: F[FK]): void;
  /** Several facts at once, in the order given. */
  facts(values: Partial<F>): void;

  /** `docker run --rm`: runs to the end; the container is removed. */
  run(spec: RunSpec): Promise<Completed & { printed: string }>;
  /**
   * The same `docker run --rm` several times, one after the other, shown once as a timed shell loop;
   * returns each run's milliseconds (create, start, wait for exit, logs, remove).
   */
  timeRuns(spec: RunSpec, times: number): Promise<number[]>;
  /** `docker run -d`: a container that keeps running until the lab stops it (or cleanup does). */
  start(spec: RunSpec & { name: string }): Promise<Box>;
  exec(box: Box, cmd: string[], options?: ExecOptions): Promise<Completed>;
  /** `docker exec` of a `kit.sections` script: several reads in one round trip, back by name. */
  execSections<S extends string>(box: Box, view: Sections<S>, options?: ExecOptions): Promise<Record<S, string>>;
  /** Builds labs/images/<name>/ with the run's labels; never pulls. */
  build(name: string, options: BuildOptions): Promise<BuiltImage>;
  /** A script in a `--pid=host` helper: the engine host's processes, even when it runs in a VM. */
  onHost(script: string, spec?: HostSpec): Promise<string>;
  /** `onHost` of a `kit.sections` script: several reads of the host in one helper, back by name. */
  onHostSections<S extends string>(view: Sections<S>, spec?: HostSpec): Promise<Record<S, string>>;
  /** A script in a helper with a path the engine reported mounted read-only at /engine. */
  inEngineDir(enginePath: string, script: string, spec: Pick<RunSpec, 'shown' | 'wait'>): Promise<Completed>;
  stop(box: Box, seconds: number, wait?: K): Promise<void>;
  remove(box: Box): Promise<void>;
  /**
   * Undo something labels cannot find (a directory): runs at cleanup, newest first, also after a
   * failure or Ctrl-C, with a context of its own whose signal is fresh (20 s). An undo that removes
   * engine objects resolves to how many, so the cleanup line counts them.
   */
  defer(undo: (fresh: LabContext<F, K>) => Promise<unknown>): void;
  /** A `docker run --rm` the lab makes by other means (raw HTTP): its line shown, its request body. */
  plan(spec: RunSpec): { line: string; body: Docker.ContainerCreateOptions; created(id: string): Promise<void> };
}

/** A lab: its English title and line are read from its text. */
export function defineLab<F extends FactShape<F>, K extends string>(
  lab: Omit<Lab<F, K>, 'title' | 'shows'>,
): Lab<F, K> {
  return { ...lab, title: lab.text.en.title, shows: lab.text.en.shows };
}

// Settings a lab takes on the command line, and verbs for many containers at once (lab `density`).

// biome-ignore lint/correctness/noUnusedVariables: F and K must match the declaration this merges into
export interface Lab<F extends FactShape<F> = Record<string, FactValue>, K extends string = string> {
  /** Whole-number settings, e.g. `--count`: `npm run lab -- <id> --count 20`. */
  options?: LabOptionSpecs;
}

/** Containers started together from one spec, named `<name>-1` … `<name>-N`. */
export interface Fleet {
  boxes: Box[];
  /** Their names with `{}` for the number, as the shown `xargs` line writes them. */
  namePattern: string;
  parallel: number;
}

// biome-ignore lint/correctness/noUnusedVariables: F and K must match the declaration this merges into
export interface LabContext<F extends FactShape<F> = Record<string, FactValue>, K extends string = string> {
  /** The lab's options as this run was given them (defaults filled in). */
  options: LabOptionValues;
  /** `docker run -d` of the same spec `count` times, `parallel` at once, shown as one `xargs` line. */
  startMany(spec: RunSpec & { name: string }, count: number, parallel: number, wait?: WaitLabel): Promise<Fleet>;
  /** `docker rm -f` of every container of a fleet, as many at once as it was started. */
  removeMany(fleet: Fleet, wait?: WaitLabel): Promise<void>;
}

export interface BuildOptions {
  /** Build a context generated at run time (absolute path) instead of labs/images/<name>/. */
  contextDir?: string;
}
