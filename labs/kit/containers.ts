import type Docker from 'dockerode';
import { scaled, withDeadline } from './deadline.ts';
import { WharfError } from './errors.ts';
import { demux, type Captured } from './streams.ts';

export interface RunOptions {
  image: string;
  cmd?: string[];
  name?: string;
  labels: Record<string, string>;
  /** Extra container config merged over the defaults (Entrypoint, User, Env, Hostname...). */
  config?: Partial<Docker.ContainerCreateOptions>;
  /** HostConfig fields: limits, mounts, PidMode, NetworkMode... */
  hostConfig?: Docker.HostConfig;
  signal?: AbortSignal;
}

export interface Completed extends Captured {
  exitCode: number;
  oomKilled: boolean;
}

function createOptions(options: RunOptions): Docker.ContainerCreateOptions {
  return {
    Image: options.image,
    Cmd: options.cmd,
    name: options.name,
    Labels: options.labels,
    ...options.config,
    HostConfig: { NetworkMode: 'none', ...options.hostConfig },
  };
}

/** Creates and starts a long-running container; the caller owns it (cleanup removes it by label). */
export async function startContainer(docker: Docker, options: RunOptions): Promise<Docker.Container> {
  const container = await docker.createContainer({ ...createOptions(options), abortSignal: options.signal } as Docker.ContainerCreateOptions);
  await container.start({ abortSignal: options.signal });
  return container;
}

/**
 * `docker run --rm` through the API: create, start, wait for exit, read logs, remove. Waits with
 * `not-running` *after* start (no race with a fast exit, no AutoRemove so the logs are still there).
 */
export async function runToCompletion(docker: Docker, options: RunOptions, deadlineMs = 30_000): Promise<Completed> {
  const signal = withDeadline(options.signal, deadlineMs);
  const container = await docker.createContainer({ ...createOptions(options), abortSignal: signal } as Docker.ContainerCreateOptions);
  try {
    await container.start({ abortSignal: signal });
    const { StatusCode } = (await container.wait({ condition: 'not-running', abortSignal: signal })) as { StatusCode: number };
    const [logs, state] = await Promise.all([
      container.logs({ stdout: true, stderr: true, follow: false, abortSignal: signal }) as Promise<Buffer>,
      options.hostConfig?.Memory ? container.inspect({ abortSignal: signal }).then((i) => i.State) : undefined,
    ]);
    const output = await demux(docker, logs, signal);
    return { ...output, exitCode: StatusCode, oomKilled: Boolean(state?.OOMKilled) };
  } catch (error) {
    if (signal.aborted && !options.signal?.aborted) {
      throw new WharfError(`The container ${options.cmd?.join(' ') ?? ''} did not finish within ${scaled(deadlineMs) / 1000} s.`, undefined, { cause: error });
    }
    throw error;
  } finally {
    // Removal is best-effort here; the run's label cleanup catches anything this misses.
    await container.remove({ force: true }).catch(() => {});
  }
}

/** `docker exec` without a TTY or stdin (a stream with stdin open never ends), under a deadline. */
export async function execIn(
  docker: Docker,
  container: Docker.Container,
  cmd: string[],
  options: { signal?: AbortSignal; user?: string; deadlineMs?: number } = {},
): Promise<Completed> {
  const signal = withDeadline(options.signal, options.deadlineMs ?? 15_000);
  const exec = await container.exec({ Cmd: cmd, AttachStdout: true, AttachStderr: true, User: options.user, abortSignal: signal } as Docker.ExecCreateOptions);
  const stream = await exec.start({ hijack: true, stdin: false, abortSignal: signal } as Docker.ExecStartOptions);
  const output = await demux(docker, stream, signal);
  const { ExitCode } = await exec.inspect({ abortSignal: signal });
  return { ...output, exitCode: ExitCode ?? -1, oomKilled: false };
}
