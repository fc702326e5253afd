/** Plain HTTP to an engine's API over a forwarded TCP port, each call under its own deadline. */
export async function apiGet<T>(port: number, path: string, deadlineMs: number): Promise<T> {
  const response = await fetch(`http://127.0.0.1:${port}${path}`, { signal: AbortSignal.timeout(deadlineMs) });
  if (!response.ok) throw new Error(`GET ${path}: HTTP ${response.status}`);
  const text = await response.text();
  return (path === '/_ping' ? text : JSON.parse(text)) as T;
}

/**
 * Pings until the engine answers. An engine in a TCG guest comes up a minute or more after QEMU
 * starts and each ping can take seconds; `gaveUp` ends the wait early (QEMU died, Ctrl-C).
 */
export async function waitForEngine(
  port: number,
  deadlineMs: number,
  gaveUp: () => string | undefined,
): Promise<number> {
  const started = performance.now();
  let last = 'no answer yet';
  while (performance.now() - started < deadlineMs) {
    const reason = gaveUp();
    if (reason) throw new Error(reason);
    try {
      await apiGet(port, '/_ping', 10_000);
      return performance.now() - started;
    } catch (error) {
      last =
        error instanceof Error ? (error.cause instanceof Error ? error.cause.message : error.message) : String(error);
    }
    await new Promise((resolve) => setTimeout(resolve, 2000));
  }
  throw new Error(`no answer within ${deadlineMs / 1000} s (last: ${last})`);
}

export interface VersionReply {
  Version: string;
  ApiVersion: string;
  KernelVersion: string;
  Components?: { Name: string; Version: string; Details?: Record<string, string> }[];
}

export interface InfoReply {
  CgroupVersion?: string;
  CgroupDriver?: string;
  Driver?: string;
  DriverStatus?: [string, string][];
  DefaultRuntime?: string;
  ContainerdCommit?: { ID?: string };
  RuncCommit?: { ID?: string };
  OperatingSystem?: string;
}

export interface EngineVersions {
  engine: string;
  api: string;
  containerd?: string;
  runtime: string;
  kernel: string;
  cgroup: string;
  storage: string;
  os: string;
}

/** What the engine itself says it is: engine, containerd, OCI runtime, kernel, cgroup, storage. */
export async function engineVersions(port: number, deadlineMs: number): Promise<EngineVersions> {
  const [version, info] = await Promise.all([
    apiGet<VersionReply>(port, '/version', deadlineMs),
    apiGet<InfoReply>(port, '/info', deadlineMs),
  ]);
  return versionsFrom(version, info);
}

/** Reads the versions out of `GET /version` and `GET /info` as Docker and Podman answer them. */
export function versionsFrom(version: VersionReply, info: InfoReply): EngineVersions {
  const component = (pattern: RegExp) => version.Components?.find((c) => pattern.test(c.Name));
  const engine = component(/^(Engine|Podman Engine)$/);
  const runtime = component(/^(runc|crun|OCI Runtime)/i);
  const conmon = component(/^conmon$/i);
  // Podman reports "crun version 1.28\ncommit: …"; Docker reports "1.3.6".
  const versionOf = (text: string) =>
    text
      .split('\n')[0]
      ?.replace(/^.*version\s+/, '')
      .replace(/,.*$/, '') ?? text;
  const storageType = info.DriverStatus?.find(([key]) => /driver-type/i.test(key))?.[1];
  return {
    engine: `${engine?.Name === 'Podman Engine' ? 'Podman' : 'Docker Engine'} ${version.Version}`,
    api: version.ApiVersion,
    containerd: component(/^containerd$/)?.Version,
    runtime: [
      runtime
        ? `${info.DefaultRuntime ?? runtime.Name} ${versionOf(runtime.Version)}`
        : String(info.DefaultRuntime ?? 'unknown'),
      ...(conmon ? [`conmon ${versionOf(conmon.Version)}`] : []),
    ].join(', '),
    kernel: version.KernelVersion,
    cgroup: `v${info.CgroupVersion ?? '?'} (${info.CgroupDriver ?? '?'})`,
    storage: `${info.Driver ?? '?'}${storageType ? ` (${storageType})` : ''}`,
    os: info.OperatingSystem ?? '',
  };
}
