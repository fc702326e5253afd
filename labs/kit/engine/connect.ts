import { cpus } from 'node:os';
import type Docker from 'dockerode';
import { scaled } from '../core/deadline.ts';
import { WharfError } from '../core/errors.ts';
import { type DiscoveryEnvironment, engineCandidates } from './candidates.ts';
import type { Endpoint } from './endpoint.ts';
import { chosenEngineError, noEngineError } from './no-engine.ts';
import { firstAnswering, PING_DEADLINES, probe } from './probe.ts';
import { engineInfo, engineVersion } from './signal-calls.ts';
import { runsHere } from './where.ts';

const DESCRIBE_DEADLINE_MS = 60_000;

/** What the labs need to know about the engine they run on. */
export interface EngineInfo {
  product: string;
  version: string;
  apiVersion: string;
  /** Architecture as Go names it (amd64, arm64). */
  arch: string;
  os: string;
  kernel: string;
  cgroupVersion: '1' | '2';
  storageDriver: string;
  /**
   * The engine puts every container in a user namespace of its own (dockerd's userns-remap): root
   * inside is an unprivileged uid outside, and a container that joins a host namespace must say so.
   */
  usernsRemap: boolean;
  /** The name the engine reports for its host (`docker info` Name). */
  hostName: string;
  /** The CPUs the engine's host gives it, and their model when that host is this machine. */
  cpus: { count: number; model?: string };
  endpoint: Endpoint;
  /** Configured endpoints that were not used because the chosen one overrides them. */
  passedOver: string[];
}

export interface Engine {
  docker: Docker;
  info: EngineInfo;
}

function productName(version: Docker.DockerVersion, operatingSystem: string): string {
  const components = (version as { Components?: { Name: string }[] }).Components ?? [];
  if (components.some((c) => /podman/i.test(c.Name))) return 'Podman';
  if (/docker desktop/i.test(operatingSystem)) return 'Docker Desktop';
  return 'Docker Engine';
}

/**
 * The engine reports how many CPUs it has, not which: the model is read here, and only when the
 * engine's host is this machine (a local socket on Linux, and it reports this host's name).
 */
function cpusOf(info: Record<string, unknown>, endpoint: Endpoint): EngineInfo['cpus'] {
  const count = Number(info.NCPU ?? 0);
  const model = runsHere(endpoint, String(info.Name ?? '')) ? cpus()[0]?.model.replace(/\s+/g, ' ').trim() : undefined;
  return model ? { count, model } : { count };
}

async function describe(
  docker: Docker,
  endpoint: Endpoint,
  passedOver: string[],
  deadlineMs: number,
): Promise<EngineInfo> {
  const signal = AbortSignal.timeout(deadlineMs);
  const [version, info] = await Promise.all([engineVersion(docker, signal), engineInfo(docker, signal)]);
  const operatingSystem = String(info.OperatingSystem ?? '');
  return {
    product: productName(version, operatingSystem),
    version: version.Version,
    apiVersion: version.ApiVersion,
    arch: version.Arch,
    os: operatingSystem,
    kernel: version.KernelVersion,
    cgroupVersion: String(info.CgroupVersion ?? '1') === '2' ? '2' : '1',
    storageDriver: String(info.Driver ?? 'unknown'),
    usernsRemap: ((info.SecurityOptions as string[] | undefined) ?? []).includes('name=userns'),
    hostName: String(info.Name ?? ''),
    cpus: cpusOf(info, endpoint),
    endpoint,
    passedOver,
  };
}

/**
 * Finds the engine: the chosen one (DOCKER_HOST, a docker context) and no other, else the first
 * well-known socket that answers. Fails with one clear error when that is not possible.
 */
export async function connectEngine(environment?: DiscoveryEnvironment, deadlines = PING_DEADLINES): Promise<Engine> {
  const { chosen, overridden, guesses } = engineCandidates(environment);
  let docker: Docker;
  let endpoint: Endpoint;
  let deadlineMs: number;
  if (chosen) {
    const outcome = await probe(chosen, scaled(deadlines.chosenMs));
    if (!outcome.ok) throw chosenEngineError(outcome);
    ({ docker, endpoint } = outcome);
  } else {
    const { found, failed } = await firstAnswering(guesses, scaled(deadlines.guessMs));
    if (!found) throw noEngineError(failed);
    ({ docker, endpoint } = found);
  }
  // It answered, so it is there: a slow answer to /info (Podman computes it on the spot) is
  // slowness, not absence, and gets longer than a ping.
  deadlineMs = scaled(DESCRIBE_DEADLINE_MS);
  try {
    return { docker, info: await describe(docker, endpoint, overridden, deadlineMs) };
  } catch (error) {
    throw new WharfError(
      `The engine at ${endpoint.host} answered a ping but not a request for its version.`,
      'Check that it is healthy (`docker info`), then try again.',
      { cause: error },
    );
  }
}
