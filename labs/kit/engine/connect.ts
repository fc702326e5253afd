import type Docker from 'dockerode';
import { WharfError } from '../errors.ts';
import { engineCandidates, type DiscoveryEnvironment } from './candidates.ts';
import type { Endpoint } from './endpoint.ts';
import { noEngineError } from './no-engine.ts';
import { probe } from './probe.ts';
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

async function describe(docker: Docker, endpoint: Endpoint): Promise<EngineInfo> {
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
    return { docker: found.docker, info: await describe(found.docker, found.endpoint) };
  } catch (error) {
    throw new WharfError(
      `The engine at ${found.endpoint.host} answered a ping but not a request for its version.`,
      'Check that it is healthy (`docker info`), then try again.',
      { cause: error },
    );
  }
}
