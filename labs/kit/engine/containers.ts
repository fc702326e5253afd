import type Docker from 'dockerode';
import { scaled, withDeadline } from '../core/deadline.ts';
import { WharfError } from '../core/errors.ts';
import { type Captured, demux } from './streams.ts';

export interface Completed extends Captured {
  exitCode: number;
  oomKilled: boolean;
}

/** Called once a container exists and before it starts (the shown-equals-run test looks at it then). */
export type OnCreated = (container: Docker.Container) => Promise<void>;

/** Creates and starts a long-running container; the caller owns it (cleanup removes it by label). */
export async function startContainer(
  docker: Docker,
  options: Docker.ContainerCreateOptions,
  signal: AbortSignal,
  onCreated?: OnCreated,
): Promise<Docker.Container> {
  const container = await docker.createContainer({ ...options, abortSignal: signal } as Docker.ContainerCreateOptions);
  await onCreated?.(container);
  await container.start({ abortSignal: signal });
  return container;
}

/**
 * `docker run --rm` through the API: create, start, wait for exit, read logs, remove. Waits with
 * `not-running` *after* start (no race with a fast exit, no AutoRemove so the logs are still there).
 */
export async function runToCompletion(
  docker: Docker,
  options: Docker.ContainerCreateOptions,
  parent: AbortSignal | undefined,
  { deadlineMs = 30_000, onCreated }: { deadlineMs?: number; onCreated?: OnCreated } = {},
): Promise<Completed> {
  const signal = withDeadline(parent, deadlineMs);
  const container = await docker.createContainer({ ...options, abortSignal: signal } as Docker.ContainerCreateOptions);
  try {
    await onCreated?.(container);
    await container.start({ abortSignal: signal });
    const { StatusCode } = (await container.wait({ condition: 'not-running', abortSignal: signal })) as {
      StatusCode: number;
    };
    const [logs, state] = await Promise.all([
      container.logs({ stdout: true, stderr: true, follow: false, abortSignal: signal }) as Promise<Buffer>,
      options.HostConfig?.Memory ? container.inspect({ abortSignal: signal }).then((i) => i.State) : undefined,
    ]);
    const output = await demux(docker, logs, signal);
    return { ...output, exitCode: StatusCode, oomKilled: Boolean(state?.OOMKilled) };
  } catch (error) {
    if (signal.aborted && !parent?.aborted) {
      const what = options.Cmd?.join(' ') ?? '';
      throw new WharfError(`The container ${what} did not finish within ${scaled(deadlineMs) / 1000} s.`, undefined, {
        cause: error,
      });
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
): Promise<Completed & { execId: string }> {
  const signal = withDeadline(options.signal, options.deadlineMs ?? 15_000);
  const exec = await container.exec({
    Cmd: cmd,
    AttachStdout: true,
    AttachStderr: true,
    User: options.user,
    abortSignal: signal,
  } as Docker.ExecCreateOptions);
  const stream = await exec.start({ hijack: true, stdin: false, abortSignal: signal } as Docker.ExecStartOptions);
  const output = await demux(docker, stream, signal);
  const { ExitCode } = await exec.inspect({ abortSignal: signal });
  return { ...output, exitCode: ExitCode ?? -1, oomKilled: false, execId: exec.id };
}
