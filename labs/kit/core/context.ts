import type Docker from 'dockerode';
import { buildCacheIds, pruneBuildCacheSince } from '../engine/build-cache.ts';
import type { Engine } from '../engine/connect.ts';
import { execIn, runToCompletion, startContainer } from '../engine/containers.ts';
import { removeImages } from '../engine/image-calls.ts';
import { builderFor, buildLabImage, imagesPath } from '../engine/images.ts';
import { needsHostUserns } from '../engine/userns.ts';
import { stepTable } from '../parse/build-steps.ts';
import { buildArgv, type ContainerSpec, createOptions, execArgv, type RunMode, runLine } from '../spec/container.ts';
import { shellLine } from '../spec/shell.ts';
import { WharfError } from './errors.ts';
import type { FactValue, LabEventInput } from './events.ts';
import type { Box, FactShape, Fleet, LabContext, RunSpec, WaitLabel } from './lab.ts';
import { runLabels } from './labels.ts';
import type { LabOptionValues } from './options.ts';
import { queryVerbs } from './query-verbs.ts';
import { KIT_PREFIX, kitText, type LabText, type Said, type Values } from './text.ts';

/** A line a verb showed, and whether its command part was a `shown:` simplification. */
export interface ShownLine {
  text: string;
  simplified: boolean;
}

/**
 * Lets a test see each engine object a verb made right after it made it, beside the line it
 * showed: the shown-equals-run test replays the line through the docker CLI and compares.
 */
export interface ShownProbe {
  container(line: ShownLine, container: Docker.Container): Promise<void>;
  exec(line: ShownLine, execId: string): Promise<void>;
  build(line: ShownLine, tag: string): Promise<void>;
  /** A build the engine refused (lab `layers-limit` builds past a limit on purpose), with its message. */
  refused?(line: ShownLine, message: string): Promise<void>;
  /** A line that asked the engine about what the lab made (inspect, port, stats…), right after it asked. */
  query?(line: ShownLine): Promise<void>;
}

export const ENGINE_DIR = '/engine';

interface ContextInput {
  lab: { id: string; text: LabText };
  engine: Engine;
  runLabel: string;
  baseImage: string;
  signal: AbortSignal;
  emit: (event: LabEventInput) => void;
  facts: Record<string, FactValue>;
  probe?: ShownProbe;
  options?: LabOptionValues;
  /** Where `defer` puts its undo actions, for runLab to run at cleanup. */
  deferred?: ((fresh: LabContext<never>) => Promise<unknown>)[];
  /** Undo actions for after cleanup has removed the run's labelled objects. */
  afterCleanup?: ((fresh: LabContext<never>) => Promise<unknown>)[];
}

/**
 * A key the lab's text (or the kit's) has: a typo fails the lab's first run with the file to fix,
 * instead of putting a bare key on a slide.
 */
function saying(lab: ContextInput['lab'], key: string, values?: Values): Said {
  const known = key.startsWith(KIT_PREFIX) ? key in kitText.en : key in lab.text.en.lines;
  if (!known) throw new WharfError(`Lab "${lab.id}" says "${key}", which labs/text/${lab.id}.ts does not have.`);
  // A value that is a sentence of its own ("Not compared: {why}") must be known too.
  for (const value of Object.values(values ?? {})) if (typeof value === 'object') saying(lab, value.key, value.values);
  return values ? { key, values } : { key };
}

/**
 * How BuildKit fails on Docker's containerd image store before 28 when the build context comes as a
 * tar through the API rather than a CLI session: it fetches it from an address only the graph-driver
 * worker answers (moby#47717, fixed by moby#49178).
 */
const NO_CONTEXT = /failed to read downloaded context/;

/** The lab context: every verb applies labels, name and signal, and shows the line derived from its spec. */
export function createContext<F extends FactShape<F>, K extends string = string>(
  input: ContextInput,
): LabContext<F, K> {
  const { engine, runLabel, baseImage, signal, emit, probe } = input;
  const docker = engine.docker;
  const labels = runLabels(input.lab.id, runLabel);
  const name = (what: string) => `wharf-${input.lab.id}-${what}-${runLabel}`;
  const say = (key: string, values?: Values) => saying(input.lab, key, values);
  /** BuildKit's cache records before this run's first build, for cleanup to tell which are the run's. */
  let cacheBefore: Set<string> | undefined;
  /** Set once this engine's BuildKit could not read a context sent through the API (moby#47717). */
  let buildKitCannotReadContext = false;
  const show = (text: string, wait?: WaitLabel) => {
    emit({ type: 'command', text });
    if (wait) emit({ type: 'wait', ...(typeof wait === 'string' ? say(wait) : say(wait.key, wait.values)) });
  };

  const specOf = (spec: RunSpec, role?: string): ContainerSpec => {
    const { shown: _shown, print: _print, deadlineMs: _deadline, wait: _wait, ...rest } = spec;
    return {
      ...rest,
      // Shown on the line too: an attendee on such an engine types it as well.
      ...(needsHostUserns(engine.info, spec) ? { userns: 'host' as const } : {}),
      image: spec.image ?? baseImage,
      name: spec.name === undefined ? undefined : name(spec.name),
      labels: role ? { ...labels, 'wharf.role': role } : labels,
    };
  };
  const announce = (spec: ContainerSpec, mode: RunMode, from: RunSpec): ShownLine => {
    const line = { text: runLine(spec, mode, from.shown), simplified: from.shown !== undefined };
    show(line.text, from.wait);
    return line;
  };
  const printed = (result: { stdout: string; stderr: string }, print = false) => {
    const text = (result.stdout + result.stderr).trim();
    if (print && text) emit({ type: 'output', text });
    return text;
  };

  const run = async (spec: RunSpec, role?: string) => {
    const full = specOf(spec, role);
    const line = announce(full, 'remove', spec);
    let created = false;
    const onCreated = async (container: Docker.Container) => {
      created = true;
      await probe?.container(line, container);
    };
    const result = await runToCompletion(docker, createOptions(full), signal, {
      deadlineMs: spec.deadlineMs,
      onCreated,
    }).catch(async (error: unknown) => {
      // Refused before there was a container (lab `layers-limit` runs past a limit on purpose).
      const said = (error as { json?: { message?: string } }).json?.message;
      if (!created && !signal.aborted && said) await probe?.refused?.(line, said);
      throw error;
    });
    return { ...result, printed: printed(result, spec.print) };
  };

  const note = (key: string | Said, values?: Values) =>
    emit({ type: 'note', ...(typeof key === 'string' ? say(key, values) : say(key.key, key.values)) });

  const exec: LabContext['exec'] = async (box, cmd, options = {}) => {
    const text = shellLine(execArgv(box.name, options.shown ?? cmd, options.user));
    show(text, options.wait);
    const result = await execIn(docker, box.container, cmd, { signal, user: options.user });
    await probe?.exec({ text, simplified: options.shown !== undefined }, result.execId);
    printed(result, options.print);
    return result;
  };

  const onHost: LabContext['onHost'] = async (script, spec = {}) => {
    const result = await run({ ...spec, pid: 'host', cmd: ['sh', '-c', script] }, 'host-view');
    if (result.exitCode !== 0) {
      const said = result.stderr.trim() || result.stdout.trim();
      throw new WharfError(`The host-view helper failed (exit ${result.exitCode}): ${said}`);
    }
    return result.stdout;
  };

  const fact = (key: string, value: unknown) => {
    input.facts[key] = value as FactValue;
    emit({ type: 'fact', key, value: value as FactValue });
  };

  const build: LabContext['build'] = async (imageName, options) => {
    const contextPath = options.contextDir ?? imagesPath(imageName);
    const wanted = builderFor(engine.info.product);
    const builder = wanted === 'buildkit' && buildKitCannotReadContext ? 'classic' : wanted;
    // The CLI's own switch, on the line, so that a person who types it gets the same builder.
    const line = shellLine(buildArgv(options.tag, contextPath, options.dockerfile));
    const text = builder === wanted ? line : `DOCKER_BUILDKIT=0 ${line}`;
    show(text, options.wait);
    // What BuildKit caches is not an image: cleanup removes the records this run's builds made.
    if (builder === 'buildkit' && !cacheBefore) {
      cacheBefore = await buildCacheIds(docker, signal);
      const before = cacheBefore;
      // Only once the run's images are gone: a record still holding an image's layer is not removed.
      input.afterCleanup?.push((fresh) => pruneBuildCacheSince(fresh.docker, before, fresh.signal));
    }
    const built = await buildLabImage(docker, {
      name: imageName,
      contextDir: options.contextDir,
      tag: options.tag,
      builder,
      dockerfile: options.dockerfile,
      labels,
      signal,
      onLine:
        options.showOutput === false || options.stepTable ? undefined : (line) => emit({ type: 'output', text: line }),
    }).catch(async (error: unknown) => {
      if (!signal.aborted && builder === 'buildkit' && NO_CONTEXT.test(String(error))) {
        buildKitCannotReadContext = true;
        note({ key: 'kit.buildKitNoContext' });
        return undefined;
      }
      if (!signal.aborted && error instanceof WharfError)
        await probe?.refused?.({ text, simplified: false }, error.message);
      throw error;
    });
    if (!built) return build(imageName, options);
    await probe?.build({ text, simplified: false }, options.tag);
    // Under the containerd image store the step images are not the final image's parents and carry
    // no run label: left alone, removing the image leaves them dangling. Under the graph driver they
    // are its parents, in use until cleanup removes it (409), and go with it.
    const made = [...built.stepImages].reverse();
    if (made.length)
      input.deferred?.push((fresh) =>
        removeImages(fresh.docker, made, { signal: fresh.signal, tolerated: [404, 409] }),
      );
    if (options.stepTable) emit({ type: 'output', text: stepTable(built.steps, options.stepTable, built.builder) });
    return built;
  };

  return {
    ...queryVerbs({ docker, signal, labels, name, show, probe }),
    docker,
    engine: engine.info,
    runLabel,
    labels,
    baseImage,
    signal,
    name,
    options: input.options ?? {},
    step: (key, values) => {
      emit({ type: 'step', ...say(key, values) });
      return { note };
    },
    shown: show,
    output: (text) => emit({ type: 'output', text }),
    note,
    wait: (key, values) => emit({ type: 'wait', ...say(key, values) }),
    fact,
    defer: (undo) => input.deferred?.push(undo as (fresh: LabContext<never>) => Promise<unknown>),
    facts: (values) => {
      for (const [key, value] of Object.entries(values)) fact(key, value);
    },

    run: (spec) => run(spec),

    async timeRuns(spec, times) {
      const full = specOf(spec);
      const line = { text: runLine(full, 'remove'), simplified: false };
      show(`for i in $(seq ${times}); do time ${line.text}; done`);
      emit({ type: 'wait', ...say('kit.startingInTurn', { count: times }) });
      const samples: number[] = [];
      for (let i = 0; i < times; i += 1) {
        const onCreated =
          i === 0 && probe ? (container: Docker.Container) => probe.container(line, container) : undefined;
        const started = performance.now();
        await runToCompletion(docker, createOptions(full), signal, { deadlineMs: spec.deadlineMs, onCreated });
        samples.push(Math.round(performance.now() - started));
      }
      return samples;
    },

    async start(spec) {
      const full = specOf(spec);
      const line = announce(full, 'detached', spec);
      const onCreated = probe && ((container: Docker.Container) => probe.container(line, container));
      const container = await startContainer(docker, createOptions(full), signal, onCreated);
      return { name: full.name ?? container.id, id: container.id, container };
    },

    exec,

    execSections: async (box, view, options) => view.parse((await exec(box, view.cmd, options)).stdout),

    build,

    async startMany(spec, count, parallel, wait) {
      const numbered = (i: number | string) => specOf({ ...spec, name: `${spec.name}-${i}` });
      const pattern = numbered('{}');
      show(`seq ${count} | xargs -P ${parallel} -I{} ${runLine(pattern, 'detached', spec.shown)}`, wait);
      const line = { text: runLine(numbered(1), 'detached', spec.shown), simplified: spec.shown !== undefined };
      const boxes = await inPool(count, parallel, async (i) => {
        const full = numbered(i + 1);
        const onCreated =
          i === 0 && probe ? (container: Docker.Container) => probe.container(line, container) : undefined;
        const container = await startContainer(docker, createOptions(full), signal, onCreated);
        return { name: full.name ?? container.id, id: container.id, container };
      });
      return { boxes, namePattern: pattern.name ?? '', parallel };
    },

    async removeMany(fleet: Fleet, wait) {
      const rm = shellLine(['docker', 'rm', '-f', fleet.namePattern]);
      show(`seq ${fleet.boxes.length} | xargs -P ${fleet.parallel} -I{} ${rm}`, wait);
      await inPool(fleet.boxes.length, fleet.parallel, (i) =>
        (fleet.boxes[i] as Box).container.remove({ force: true, abortSignal: signal }),
      );
    },

    onHost,

    onHostSections: async (view, spec) => view.parse(await onHost(view.script, spec)),

    // The path names a place on the ENGINE's host, which the engine resolves itself: this works where
    // the engine lives in a VM, and needs no privilege (unlike /proc/1/root from a --pid=host helper).
    inEngineDir: (enginePath, script, spec) =>
      run(
        { ...spec, cmd: ['sh', '-c', script], mounts: [{ source: enginePath, target: ENGINE_DIR, readOnly: true }] },
        'engine-files',
      ),

    async stop(box, seconds, wait) {
      show(shellLine(['docker', 'stop', '-t', String(seconds), box.name]), wait);
      await box.container.stop({ t: seconds, abortSignal: signal });
    },

    async remove(box) {
      show(shellLine(['docker', 'rm', '-f', box.name]));
      await box.container.remove({ force: true, abortSignal: signal });
    },

    plan(spec) {
      const full = specOf(spec);
      const line = announce(full, 'remove', spec);
      return {
        line: line.text,
        body: createOptions(full),
        created: async (id) => probe?.container(line, docker.getContainer(id)),
      };
    },
  };
}

export type { Box };

/** Runs `work(0)` … `work(count - 1)`, at most `parallel` at a time; results in index order. */
async function inPool<T>(count: number, parallel: number, work: (index: number) => Promise<T>): Promise<T[]> {
  const results: T[] = new Array(count);
  let next = 0;
  const worker = async () => {
    while (next < count) {
      const index = next;
      next += 1;
      results[index] = await work(index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(parallel, count) }, worker));
  return results;
}
