import type Docker from 'dockerode';
import type { LabContext } from './lab.ts';
import { runToCompletion } from './containers.ts';
import { WharfError } from './errors.ts';

export interface HostViewOptions {
  /** Needed only to look into other processes' namespaces (e.g. PID 1's); otherwise stay unprivileged. */
  privileged?: boolean;
  command?: string;
  /**
   * More HostConfig for the helper, merged over --pid=host: e.g. `CapAdd: ['SYS_PTRACE']`, the one
   * right needed to read another process's /proc/<pid>/ns/* (some engines cannot start --privileged
   * containers at all), or `UTSMode: 'host'` to see the host's hostname.
   */
  hostConfig?: Docker.HostConfig;
}

/**
 * Runs a shell script in a short-lived helper container that shares the engine host's PID namespace.
 * Through it we see the host's processes as the engine's kernel sees them, which also works when the
 * engine lives in a VM (Docker Desktop, Colima, Podman machine) and Node's own /proc is the wrong one.
 */
export async function onEngineHost(ctx: LabContext, script: string, options: HostViewOptions = {}): Promise<string> {
  if (options.command) ctx.command(options.command);
  const result = await runToCompletion(ctx.docker, {
    image: ctx.baseImage,
    cmd: ['sh', '-c', script],
    labels: { ...ctx.labels, 'wharf.role': 'host-view' },
    hostConfig: { PidMode: 'host', Privileged: options.privileged ?? false, ...options.hostConfig },
    signal: ctx.signal,
  });
  if (result.exitCode !== 0) {
    throw new WharfError(`The host-view helper failed (exit ${result.exitCode}): ${result.stderr.trim() || result.stdout.trim()}`);
  }
  return result.stdout;
}
