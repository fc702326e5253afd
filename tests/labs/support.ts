import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import type Docker from 'dockerode';
import { expect } from 'vitest';
import type { ShownProbe } from '../../labs/kit/core/context.ts';
import { withDeadline } from '../../labs/kit/core/deadline.ts';
import type { FactValue, LabEvent } from '../../labs/kit/core/events.ts';
import type { FactShape, Lab } from '../../labs/kit/core/lab.ts';
import { LAB_LABEL, RUN_LABEL } from '../../labs/kit/core/labels.ts';
import { type LabOutcome, runLab } from '../../labs/kit/core/run-lab.ts';
import { BASE_IMAGE, isBaseImage } from '../../labs/kit/engine/base-image.ts';
import { connectEngine, type Engine } from '../../labs/kit/engine/connect.ts';
import { runToCompletion } from '../../labs/kit/engine/containers.ts';
import { engineInfo } from '../../labs/kit/engine/signal-calls.ts';

let engine: Promise<Engine> | undefined;

/** Discovery that looks only in an empty directory: the machine as it is with no engine. */
export function connectNowhere(): Promise<Engine> {
  const nowhere = mkdtempSync(join(tmpdir(), 'wharf-no-engine-'));
  return connectEngine({ env: {}, platform: 'linux', home: nowhere, root: nowhere });
}

/** One engine connection for a whole test file; a missing engine fails here, loudly, never skips. */
export function sharedEngine(): Promise<Engine> {
  engine ??= connectEngine();
  return engine;
}

/**
 * Whether the engine's files and loopback are this machine's: a local unix socket on Linux, and the
 * engine reports this host's name (read here from `docker info`, not from the lab).
 */
export async function engineIsHere(): Promise<boolean> {
  const { docker, info } = await sharedEngine();
  const { Name } = await engineInfo(docker, withDeadline(undefined, 10_000));
  return process.platform === 'linux' && Boolean(info.endpoint.socketPath) && Name === hostname();
}

/**
 * The mode (`stat -c %a`) of a path under the engine host's /tmp, or null when it is not there, read
 * by a helper container on that host: where the engine runs elsewhere, this machine cannot stat it.
 */
export async function modeOnEngineHost(docker: Docker, path: string): Promise<string | null> {
  const options = {
    Image: BASE_IMAGE,
    Cmd: ['sh', '-c', `stat -c %a /host${path} 2>/dev/null || true`],
    HostConfig: { Binds: ['/tmp:/host/tmp:ro'], NetworkMode: 'none' },
    Labels: { [LAB_LABEL]: 'test-helper' },
  };
  const { stdout } = await runToCompletion(docker, options, withDeadline(undefined, 30_000));
  return stdout.trim() || null;
}

export interface Observed<F = Record<string, FactValue>> extends LabOutcome<F> {
  events: LabEvent[];
}

export interface ObserveOptions {
  signal?: AbortSignal;
  onEvent?: (e: LabEvent) => void;
  probe?: ShownProbe;
  /** The lab's options, as the command line would give them (`{ count: '8' }`). */
  labOptions?: Record<string, string>;
  /** Another engine than the shared one (the engine that runs elsewhere). */
  engine?: Engine;
}

/** Runs a lab to the end and returns what it observed (its facts typed), plus every event in order. */
export async function observe<F extends FactShape<F>>(lab: Lab<F>, options: ObserveOptions = {}): Promise<Observed<F>> {
  const events: LabEvent[] = [];
  const outcome = await runLab(lab, {
    engine: options.engine ?? (await sharedEngine()),
    signal: options.signal,
    probe: options.probe,
    labOptions: options.labOptions,
    sink: (event) => {
      events.push(event);
      options.onEvent?.(event);
    },
  });
  return { ...outcome, events };
}

/** The run succeeded, its cleanup reported nothing left behind, and the engine agrees. */
export async function expectCleanRun({ ok, error, runLabel, events }: Observed<unknown>): Promise<void> {
  expect(error).toBeUndefined();
  expect(ok).toBe(true);
  expect(events.find((e) => e.type === 'cleanup')).toMatchObject({ leftovers: [] });
  expect(await runObjects((await sharedEngine()).docker, runLabel)).toEqual([]);
}

/**
 * Every engine object carrying a Wharf label (optionally a given value), except the tagged base
 * image. Untagged images that inherited the base's labels (a broken build's steps) do count.
 */
export async function wharfObjects(docker: Docker, label = LAB_LABEL): Promise<string[]> {
  const filters = JSON.stringify({ label: [label] });
  const [containers, networks, volumes, images] = await Promise.all([
    docker.listContainers({ all: true, filters }),
    docker.listNetworks({ filters }),
    docker.listVolumes({ filters }),
    docker.listImages({ filters }),
  ]);
  return [
    ...containers.map((c) => `container ${c.Names[0]}`),
    ...networks.map((n) => `network ${n.Name}`),
    ...(volumes.Volumes ?? []).map((v) => `volume ${v.Name}`),
    ...images.filter((i) => !isBaseImage(i.RepoTags)).map((i) => `image ${i.RepoTags?.[0] ?? i.Id}`),
  ];
}

export const runObjects = (docker: Docker, runLabel: string) => wharfObjects(docker, `${RUN_LABEL}=${runLabel}`);

/**
 * Which builder a lab asks for, reasoned apart from the kit: BuildKit on Docker unless
 * DOCKER_BUILDKIT=0 asks for the classic builder; Podman builds with Buildah.
 */
export const asksBuildKit = (info: { product: string }) =>
  info.product !== 'Podman' && process.env.DOCKER_BUILDKIT !== '0';

/**
 * Which builder a lab's build should have used: the one it asks for, unless that is BuildKit and the
 * engine's BuildKit cannot read a context sent as a tar through the API (Docker's containerd image
 * store before 28, moby#47717), asked here of the engine with a build of its own.
 */
export async function expectsBuildKit({ docker, info }: Engine): Promise<boolean> {
  if (!asksBuildKit(info)) return false;
  const context = mkdtempSync(join(tmpdir(), 'wharf-probe-build-'));
  writeFileSync(join(context, 'Dockerfile'), `FROM ${BASE_IMAGE}\n`);
  // Tagged and labelled as the test's own, so that it is an image apart from the base, and goes.
  const t = `wharf-probe-build:${process.pid}-${Date.now()}`;
  const options = { version: '2', t, labels: { [LAB_LABEL]: 'test-helper' } };
  try {
    const stream = await docker.buildImage({ context, src: ['Dockerfile'] }, options as object);
    const failure = await new Promise<string>((resolve) =>
      docker.modem.followProgress(stream, (error: Error | null, frames: { error?: string }[]) =>
        resolve([error?.message, ...frames.map((f) => f.error)].filter(Boolean).join('\n')),
      ),
    );
    return !/failed to read downloaded context/.test(failure);
  } finally {
    rmSync(context, { recursive: true, force: true });
    await docker
      .getImage(t)
      .remove({ force: true })
      .catch(() => undefined);
  }
}
