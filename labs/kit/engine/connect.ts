import type Docker from 'dockerode';
import { WharfError } from '../core/errors.ts';
import { engineCandidates, type DiscoveryEnvironment } from './candidates.ts';
import type { Endpoint } from './endpoint.ts';
import { noEngineError } from './no-engine.ts';
import { probe, type ProbeOutcome } from './probe.ts';
import { engineInfo, engineVersion } from './signal-calls.ts';

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
  endpoint: Endpoint;
  /** Configured endpoints (DOCKER_HOST, a docker context) that did not answer, so another was used. */
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
 * Explicit configuration that failed before the endpoint we use: worth telling the person, whose
 * DOCKER_HOST or context may be stale (the well-known sockets are only guesses, so they are not).
 */
export function passedOver(outcomes: ProbeOutcome[], chosen: Endpoint): string[] {
  const before = outcomes.slice(0, outcomes.findIndex((o) => o.endpoint === chosen));
  return before.flatMap((o) => (!o.ok && o.endpoint.source !== 'well-known socket' ? [`${o.endpoint.source} ${o.endpoint.host}: ${o.reason}`] : []));
}

async function describe(docker: Docker, endpoint: Endpoint, skipped: string[]): Promise<EngineInfo> {
  const signal = AbortSignal.timeout(5000);
  const [version, info] = await Promise.all([
    engineVersion(docker, signal),
    engineInfo(docker, signal),
  ]);
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
    endpoint,
    passedOver: skipped,
  };
}

/**
 * Finds an engine: every candidate is pinged at once under a short deadline, and the first in
 * preference order that answers wins, so discovery takes one deadline at most, never their sum.
 */
export async function connectEngine(environment?: DiscoveryEnvironment): Promise<Engine> {
  const outcomes = await Promise.all(engineCandidates(environment).map((endpoint) => probe(endpoint)));
  const found = outcomes.find((o) => o.ok);
  if (!found || !found.ok) throw noEngineError(outcomes);
  try {
    return { docker: found.docker, info: await describe(found.docker, found.endpoint, passedOver(outcomes, found.endpoint)) };
  } catch (error) {
    throw new WharfError(
      `The engine at ${found.endpoint.host} answered a ping but not a request for its version.`,
      'Check that it is healthy (`docker info`), then try again.',
      { cause: error },
    );
  }
}
