import { buffer } from 'node:stream/consumers';
import type Docker from 'dockerode';
import { describe, expect, it } from 'vitest';
import { $ } from 'zx';
import { labs } from '../../labs/index.ts';
import type { ShownLine, ShownProbe } from '../../labs/kit/core/context.ts';
import { LAB_LABEL, RUN_LABEL } from '../../labs/kit/core/labels.ts';
import { engineNow, eventsUntil } from './engine-events.ts';
import { expectCleanRun, expectsBuildKit, observe, sharedEngine } from './support.ts';

// What the screen shows is what runs: every `docker run`, `docker exec` and `docker build` line a lab
// showed is replayed, as shown, through the real docker CLI (zx's $), and what the engine then holds
// is compared with what the lab made through the API at that moment. Every line that only asks
// (inspect, port, stats, ps, history, diff, volume) is replayed too, while what it names exists: the
// CLI must accept it and find those objects.

/** Fields a `docker run` line can set. A field the kit set but the line does not show differs here. */
const CONFIG = ['Image', 'Cmd', 'Entrypoint', 'User', 'WorkingDir', 'Env', 'ExposedPorts', 'Labels'] as const;
const HOST_CONFIG = [
  'NetworkMode',
  'PidMode',
  'UTSMode',
  'UsernsMode',
  'PortBindings',
  'Memory',
  'MemorySwap',
  'NanoCpus',
  'PidsLimit',
  'CapAdd',
  'CapDrop',
  'SecurityOpt',
  'ReadonlyRootfs',
  'Tmpfs',
  'Mounts',
  'Binds',
  'Privileged',
  'AutoRemove',
] as const;
/** A build line, with the CLI's own switch to the classic builder where the kit fell back to it. */
const BUILD_LINE = /^((?:DOCKER_BUILDKIT=0 )?docker build) -t (\S+)/;
const PROCESS = ['entrypoint', 'arguments', 'user', 'privileged', 'tty'] as const;

/** Unset, empty and zero mean "the default" to the engine, however the client spelled them. */
function normal(value: unknown): unknown {
  if (Array.isArray(value)) return value.length ? value.map(normal) : undefined;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value)
      .map(([key, v]) => [key, normal(v)] as const)
      .filter(([, v]) => v !== undefined);
    return entries.length ? Object.fromEntries(entries) : undefined;
  }
  return value === null || value === false || value === '' || value === 0 ? undefined : value;
}

/** The lab's own bookkeeping labels (wharf.*) are not on screen; any other label must be. */
const shownLabels = (labels: Record<string, string> | undefined) =>
  Object.fromEntries(Object.entries(labels ?? {}).filter(([key]) => !key.startsWith('wharf.')));

function pick(info: Docker.ContainerInspectInfo, skipCmd: boolean): Record<string, unknown> {
  const config = info.Config as unknown as Record<string, unknown>;
  const host = info.HostConfig as unknown as Record<string, unknown>;
  const fields: Record<string, unknown> = {};
  for (const key of CONFIG) if (!(skipCmd && key === 'Cmd')) fields[`Config.${key}`] = normal(config[key]);
  // A set of variables: Podman lists the ones it adds (container=podman) first or last by client.
  fields['Config.Env'] = normal([...((config.Env as string[] | undefined) ?? [])].sort());
  fields['Config.Labels'] = normal(shownLabels(info.Config.Labels));
  for (const key of HOST_CONFIG) fields[`HostConfig.${key}`] = normal(host[key]);
  return fields;
}

/** The same line as `docker create` (it must not run), under another name, with the run's labels for cleanup. */
function asCreate(line: string, labels: Record<string, string>): string {
  const match = /^docker run (?:--rm|-d) /.exec(line);
  if (!match) throw new Error(`not a docker run line: ${line}`);
  const tags = `--label ${LAB_LABEL}=${labels[LAB_LABEL]} --label ${RUN_LABEL}=${labels[RUN_LABEL]}`;
  return `docker create ${tags} ${line.slice(match[0].length).replace(/(^|\s)--name (\S+)/, '$1--name $2-cli')}`;
}

/**
 * The execs created on a container since a time, from the engine's own event log (a container
 * forgets an exec once it has exited). `until` makes the stream end, and on Podman ends it only once
 * the engine has read its log (engine-events.ts says why).
 */
async function execsCreated(docker: Docker, product: string, container: string, since: number): Promise<string[]> {
  const filters = { container: [container], event: ['exec_create'] };
  const stream = await docker.getEvents({
    since: since.toFixed(3),
    until: await eventsUntil(docker, product),
    filters,
  } as unknown as Docker.GetEventsOptions);
  const text = (await buffer(stream)).toString('utf8');
  const events = text
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as { Actor?: { Attributes?: { execID?: string } } });
  return events.flatMap((event) => event.Actor?.Attributes?.execID ?? []);
}

interface Replayed {
  line: string;
  lab: unknown;
  cli: unknown;
}

/** A probe that replays each line as it is shown; every comparison is kept for the test to assert. */
async function replayer(): Promise<{ probe: ShownProbe; replayed: Replayed[] }> {
  const { docker, info } = await sharedEngine();
  // The CLI talks to the engine the labs found, wherever discovery found it, and builds the way the
  // labs did: BuildKit on Docker (through the buildx plugin, scripts/fetch-buildx.sh), unless the
  // run asked for the classic builder; Podman builds with Buildah whatever the CLI asks.
  const buildKit = await expectsBuildKit(await sharedEngine());
  const env = { ...process.env, DOCKER_HOST: info.endpoint.host, DOCKER_BUILDKIT: buildKit ? '1' : '0' };
  const cli = $({ env, quiet: true });
  const replayed: Replayed[] = [];
  const probe: ShownProbe = {
    async container(line: ShownLine, container: Docker.Container) {
      const made = await container.inspect();
      const id = (await cli`sh -c ${asCreate(line.text, made.Config.Labels)}`).stdout.trim();
      const typed = await docker.getContainer(id).inspect();
      await docker.getContainer(id).remove({ force: true });
      replayed.push({ line: line.text, lab: pick(made, line.simplified), cli: pick(typed, line.simplified) });
    },
    async exec(line: ShownLine, execId: string) {
      const made = await docker.getExec(execId).inspect();
      const since = await engineNow(docker);
      const sessions = async () => (await docker.getContainer(made.ContainerID).inspect()).ExecIDs ?? [];
      const before = info.product === 'Podman' ? await sessions() : [];
      await cli`sh -c ${line.text}`.nothrow();
      // Docker's events name each exec it created. Podman 5's say only "exec", without the session's
      // id; it keeps each ended session on the container until the container goes, so the new one
      // is the one the container did not have before.
      const typed =
        info.product === 'Podman'
          ? (await sessions()).filter((id) => !before.includes(id) && id !== execId)
          : (await execsCreated(docker, info.product, made.ContainerID, since)).filter((id) => id !== execId);
      expect(typed, line.text).toHaveLength(1);
      const replay = await docker.getExec(typed[0] ?? '').inspect();
      const fields = PROCESS.filter((key) => !(line.simplified && (key === 'entrypoint' || key === 'arguments')));
      const process = (info: Docker.ExecInspectInfo) =>
        Object.fromEntries(fields.map((key) => [key, normal((info.ProcessConfig as Record<string, unknown>)[key])]));
      replayed.push({ line: line.text, lab: process(made), cli: process(replay) });
    },
    async build(line: ShownLine, tag: string) {
      const made = await docker.getImage(tag).inspect();
      const labels = made.Config.Labels ?? {};
      const tags = `--label ${LAB_LABEL}=${labels[LAB_LABEL]} --label ${RUN_LABEL}=${labels[RUN_LABEL]}`;
      const text = line.text.replace(BUILD_LINE, `$1 ${tags} -t $2-cli`);
      await cli`sh -c ${text}`;
      const typed = await docker.getImage(`${tag}-cli`).inspect();
      replayed.push({ line: line.text, lab: made.RootFS.Layers, cli: typed.RootFS.Layers });
    },
    async query(line: ShownLine) {
      // A visible simplification (a name pattern for fifty names) cannot be typed as it stands.
      if (line.simplified) return void replayed.push({ line: line.text, lab: 'simplified', cli: 'simplified' });
      const typed = await cli`sh -c ${line.text}`.nothrow();
      // `docker ps --filter` and `docker images <ref>` succeed with an empty table: what they name must be listed.
      const named = /--filter name=(\S+)/.exec(line.text)?.[1] ?? /^docker images ([^\s:]+)/.exec(line.text)?.[1];
      const found = typed.exitCode === 0 && (!named || typed.stdout.includes(named));
      replayed.push({
        line: line.text,
        lab: 'answered',
        cli: found ? 'answered' : typed.stderr.trim() || 'not listed',
      });
    },
    async refused(line: ShownLine, message: string) {
      // A build or run the engine refused on purpose: typed into the CLI, it is refused with the same reason.
      const text = line.text.replace(BUILD_LINE, '$1 -t $2-cli');
      const typed = await cli`sh -c ${text}`.nothrow();
      // The daemon's words: the CLI prints them on a line of their own (`docker run` adds advice after).
      const reason = (text: string) =>
        (text.split('\n').find((l) => /Error response from daemon/.test(l)) ?? text.trim().split('\n').at(-1))
          ?.replace(/^.*: /, '')
          .replace(/\.$/, '');
      replayed.push({
        line: line.text,
        lab: reason(message),
        cli: typed.exitCode === 0 ? 'accepted' : reason(typed.stderr),
      });
    },
  };
  return { probe, replayed };
}

describe('what the screen shows is what runs', () => {
  for (const lab of labs) {
    it(`${lab.id}: each docker run, exec and build line, typed into the CLI, makes what the lab made`, async () => {
      const { probe, replayed } = await replayer();
      const run = await observe(lab, { probe });
      await expectCleanRun(run);
      // A build line the kit took back (BuildKit could not read the context: kit.buildKitNoContext
      // follows it, then the same line for the classic builder) ran nothing to compare.
      const takenBack = (i: number) => {
        const next = run.events.slice(i + 1).find((e) => e.type !== 'wait' && e.type !== 'output');
        return next?.type === 'note' && next.key === 'kit.buildKitNoContext';
      };
      const shown = run.events.flatMap((e, i) => (e.type === 'command' && !takenBack(i) ? [e.text] : []));
      // Every run, exec, build and query line the lab showed was replayed (a timed or xargs loop shows its
      // run inside); stop, rm and load change what they name, and are not replayed.
      const verbs = 'run|exec|build|inspect|port|stats|ps|images|history|diff|image inspect|volume (?:create|inspect)';
      const replayable = shown.filter((text) =>
        new RegExp(`(^|time |xargs .* |DOCKER_BUILDKIT=0 )docker (${verbs}) `).test(text),
      );
      expect(replayed.length).toBe(replayable.length);
      expect(replayed.length).toBeGreaterThan(0);
      for (const { line, lab: made, cli } of replayed) expect(cli, line).toEqual(made);
    });
  }
});
