import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { socketPathOf, type Endpoint } from './endpoint.ts';

export interface DiscoveryEnvironment {
  env: NodeJS.ProcessEnv;
  platform: NodeJS.Platform;
  home: string;
  /** Prefix for system-wide socket paths; '' on a real machine, a fixture directory in tests. */
  root?: string;
}

export function currentEnvironment(): DiscoveryEnvironment {
  return { env: process.env, platform: process.platform, home: homedir() };
}

function endpoint(source: string, host: string, tlsDir?: string): Endpoint {
  return { source, host, socketPath: socketPathOf(host), tlsDir };
}

function fromDockerHost({ env }: DiscoveryEnvironment): Endpoint[] {
  const host = env.DOCKER_HOST?.trim();
  if (!host) return [];
  const tls = env.DOCKER_TLS_VERIFY && env.DOCKER_TLS_VERIFY !== '0';
  return [endpoint('DOCKER_HOST', host, tls ? env.DOCKER_CERT_PATH : undefined)];
}

function readJson(path: string): unknown {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return undefined;
  }
}

/**
 * Docker CLI contexts: DOCKER_CONTEXT, else `currentContext` in config.json. The context's metadata
 * lives in contexts/meta/<sha256 of its name>/meta.json. dockerode does not read these, but Docker
 * Desktop, Colima and OrbStack all register themselves this way.
 */
function fromDockerContext({ env, home }: DiscoveryEnvironment): Endpoint[] {
  const configDir = env.DOCKER_CONFIG || join(home, '.docker');
  const config = readJson(join(configDir, 'config.json')) as { currentContext?: string } | undefined;
  const name = env.DOCKER_CONTEXT?.trim() || config?.currentContext;
  if (!name || name === 'default') return [];
  const digest = createHash('sha256').update(name).digest('hex');
  const meta = readJson(join(configDir, 'contexts', 'meta', digest, 'meta.json')) as
    | { Endpoints?: { docker?: { Host?: string; SkipTLSVerify?: boolean } } }
    | undefined;
  const host = meta?.Endpoints?.docker?.Host;
  if (!host) return [];
  const tlsDir = join(configDir, 'contexts', 'tls', digest, 'docker');
  return [endpoint(`docker context "${name}"`, host, existsSync(join(tlsDir, 'ca.pem')) ? tlsDir : undefined)];
}

function wellKnownSockets({ env, home, platform, root = '' }: DiscoveryEnvironment): Endpoint[] {
  if (platform === 'win32') return [endpoint('Docker Desktop pipe', 'npipe:////./pipe/docker_engine')];
  const paths = [
    `${root}/var/run/docker.sock`,
    join(home, '.docker/run/docker.sock'),
    join(home, '.docker/desktop/docker.sock'),
    join(home, '.colima/default/docker.sock'),
    join(home, '.orbstack/run/docker.sock'),
  ];
  if (env.XDG_RUNTIME_DIR) {
    paths.push(join(env.XDG_RUNTIME_DIR, 'docker.sock'), join(env.XDG_RUNTIME_DIR, 'podman/podman.sock'));
  }
  paths.push(`${root}/run/podman/podman.sock`);
  return paths.map((path) => endpoint('well-known socket', `unix://${path}`));
}

/** Every place to look for an engine, in the order design.md fixes, without duplicates. */
export function engineCandidates(environment: DiscoveryEnvironment = currentEnvironment()): Endpoint[] {
  const all = [
    ...fromDockerHost(environment),
    ...fromDockerContext(environment),
    ...wellKnownSockets(environment),
  ];
  const seen = new Set<string>();
  return all.filter((candidate) => !seen.has(candidate.host) && Boolean(seen.add(candidate.host)));
}
