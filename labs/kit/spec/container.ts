import type Docker from 'dockerode';
import { shellLine } from './shell.ts';

/**
 * One container as a lab describes it, in the docker CLI's own terms. Two functions read it: one
 * gives the command line shown on screen, the other the create request sent to the engine, so
 * what an attendee types and what the lab runs cannot drift apart.
 */
export interface ContainerSpec {
  image: string;
  /** Full container name; the lab context makes it unique to the run. */
  name?: string;
  cmd?: string[];
  entrypoint?: string;
  user?: string;
  /** `--network`: the kit's default is `none`, so a lab gets a network only when it says so. */
  network?: string;
  pid?: 'host';
  uts?: 'host';
  /** `--userns=host`: the engine's own user namespace, added by the kit where userns-remap needs it (userns.ts). */
  userns?: 'host';
  /** `-p hostIp:hostPort:containerPort`; an empty hostPort lets the engine pick one. */
  publish?: { hostIp: string; hostPort?: string; containerPort: number }[];
  /** Bytes; shown in MiB (`48m`), so keep it a whole number of MiB. */
  memory?: number;
  memorySwap?: number;
  cpus?: number;
  pidsLimit?: number;
  capAdd?: string[];
  capDrop?: string[];
  securityOpt?: string[];
  readOnly?: boolean;
  /** `--tmpfs path:options`. */
  tmpfs?: Record<string, string>;
  /** `--mount type=bind,src=…,dst=…[,readonly]`. */
  mounts?: { source: string; target: string; readOnly?: boolean }[];
  /** `-v source:target[:options]`, a named volume or a host path. */
  volumes?: string[];
  /** Bookkeeping labels (wharf.*) the kit adds; not shown, since they change nothing a person sees. */
  labels?: Record<string, string>;
}

export type RunMode = 'detached' | 'remove';

const MiB = 2 ** 20;
/** The CLI sends `--cap-add sys_ptrace` as CAP_SYS_PTRACE (ALL stays ALL): the request says the same. */
const capability = (name: string) =>
  name.toUpperCase() === 'ALL' ? 'ALL' : `CAP_${name.toUpperCase().replace(/^CAP_/, '')}`;
const megabytes = (bytes: number) => (bytes % MiB === 0 ? `${bytes / MiB}m` : String(bytes));

/** The flags between `docker run` and the image, in the order people usually write them. */
function flags(spec: ContainerSpec): string[] {
  const out: string[] = [];
  const add = (flag: string, value: string | number | undefined) => {
    if (value !== undefined) out.push(flag, String(value));
  };
  add('--name', spec.name);
  add('--network', spec.network ?? 'none');
  if (spec.pid) out.push(`--pid=${spec.pid}`);
  if (spec.uts) out.push(`--uts=${spec.uts}`);
  if (spec.userns) out.push(`--userns=${spec.userns}`);
  add('--user', spec.user);
  for (const p of spec.publish ?? []) add('-p', `${p.hostIp}:${p.hostPort ?? ''}:${p.containerPort}`);
  add('--memory', spec.memory === undefined ? undefined : megabytes(spec.memory));
  add('--memory-swap', spec.memorySwap === undefined ? undefined : megabytes(spec.memorySwap));
  add('--cpus', spec.cpus);
  add('--pids-limit', spec.pidsLimit);
  for (const cap of spec.capAdd ?? []) add('--cap-add', cap);
  for (const cap of spec.capDrop ?? []) add('--cap-drop', cap);
  for (const opt of spec.securityOpt ?? []) add('--security-opt', opt);
  if (spec.readOnly) out.push('--read-only');
  for (const [path, options] of Object.entries(spec.tmpfs ?? {})) add('--tmpfs', `${path}:${options}`);
  for (const m of spec.mounts ?? [])
    add('--mount', `type=bind,src=${m.source},dst=${m.target}${m.readOnly ? ',readonly' : ''}`);
  for (const volume of spec.volumes ?? []) add('-v', volume);
  add('--entrypoint', spec.entrypoint);
  return out;
}

/** `docker run` as argv. `cmd` replaces the command part for display only (a `shown:` override). */
export function runArgv(spec: ContainerSpec, mode: RunMode, cmd = spec.cmd): string[] {
  return ['docker', 'run', mode === 'detached' ? '-d' : '--rm', ...flags(spec), spec.image, ...(cmd ?? [])];
}

export const runLine = (spec: ContainerSpec, mode: RunMode, cmd?: string[]) => shellLine(runArgv(spec, mode, cmd));

/** The engine's create request for the same spec: the fields the CLI sets for each flag above. */
export function createOptions(spec: ContainerSpec): Docker.ContainerCreateOptions {
  const ports = spec.publish?.length ? spec.publish : undefined;
  const defined = <T extends object>(value: T) =>
    Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
  return defined({
    name: spec.name,
    Image: spec.image,
    Cmd: spec.cmd,
    Entrypoint: spec.entrypoint === undefined ? undefined : [spec.entrypoint],
    User: spec.user,
    Labels: spec.labels,
    ExposedPorts: ports && Object.fromEntries(ports.map((p) => [`${p.containerPort}/tcp`, {}])),
    HostConfig: defined({
      NetworkMode: spec.network ?? 'none',
      PidMode: spec.pid,
      UTSMode: spec.uts,
      UsernsMode: spec.userns,
      PortBindings:
        ports &&
        Object.fromEntries(
          ports.map((p) => [`${p.containerPort}/tcp`, [{ HostIp: p.hostIp, HostPort: p.hostPort ?? '' }]]),
        ),
      Memory: spec.memory,
      MemorySwap: spec.memorySwap,
      NanoCpus: spec.cpus === undefined ? undefined : Math.round(spec.cpus * 1e9),
      // Without --pids-limit the docker CLI sends 0; Podman reads an absent field as "its default"
      // (2048, from containers.conf) and 0 as "no limit". Same body, same container.
      PidsLimit: spec.pidsLimit ?? 0,
      CapAdd: spec.capAdd?.map(capability),
      CapDrop: spec.capDrop?.map(capability),
      SecurityOpt: spec.securityOpt,
      ReadonlyRootfs: spec.readOnly,
      Tmpfs: spec.tmpfs,
      Mounts: spec.mounts?.map((m) => ({
        Type: 'bind' as const,
        Source: m.source,
        Target: m.target,
        ReadOnly: m.readOnly ?? false,
      })),
      Binds: spec.volumes,
    }),
  });
}

/** `docker exec` as argv. */
export function execArgv(container: string, cmd: string[], user?: string): string[] {
  return ['docker', 'exec', ...(user ? ['--user', user] : []), container, ...cmd];
}

/**
 * `docker build` as argv, with the context path as the repository names it. The CLI reads `-f`
 * relative to where it runs, the API relative to the context: the line carries the full path.
 */
export function buildArgv(tag: string, contextPath: string, dockerfile?: string): string[] {
  return ['docker', 'build', '-t', tag, ...(dockerfile ? ['-f', `${contextPath}/${dockerfile}`] : []), contextPath];
}
