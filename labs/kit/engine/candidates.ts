import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { WharfError } from '../core/errors.ts';
import { type Endpoint, socketPathOf } from './endpoint.ts';

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

/**
 * Where to look for an engine. An engine the person chose (DOCKER_HOST, DOCKER_CONTEXT, the current
 * docker context) is THE engine, as it is for the docker CLI: when it is down or slow, nothing else
 * is tried, because running a lab (or `npm run clean`) on an engine nobody chose is worse than a
 * clear error. Only when nothing is chosen are the usual sockets guessed.
 */
export interface Candidates {
  chosen?: Endpoint;
  /** Configured endpoints the chosen one overrides (a context under DOCKER_HOST), said on screen. */
  overridden: string[];
  guesses: Endpoint[];
}

function endpoint(source: string, host: string, tlsDir?: string): Endpoint {
  return { source, host, socketPath: socketPathOf(host), tlsDir };
}

function fromDockerHost({ env }: DiscoveryEnvironment): Endpoint | undefined {
  const host = env.DOCKER_HOST?.trim();
  if (!host) return undefined;
  const tls = env.DOCKER_TLS_VERIFY && env.DOCKER_TLS_VERIFY !== '0';
  return endpoint('DOCKER_HOST', host, tls ? env.DOCKER_CERT_PATH : undefined);
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
 * Desktop, Colima, OrbStack and Rancher Desktop all register themselves this way. Like the docker
 * CLI, a context that is named but does not exist is an error, not a reason to look elsewhere.
 */
function fromDockerContext({ env, home }: DiscoveryEnvironment): Endpoint | undefined {
  const configDir = env.DOCKER_CONFIG || join(home, '.docker');
  const configPath = join(configDir, 'config.json');
  const config = readJson(configPath) as { currentContext?: string } | undefined;
  const fromEnv = env.DOCKER_CONTEXT?.trim();
  const name = fromEnv || config?.currentContext;
  if (!name || name === 'default') return undefined;
  const digest = createHash('sha256').update(name).digest('hex');
  const metaPath = join(configDir, 'contexts', 'meta', digest, 'meta.json');
  const meta = readJson(metaPath) as { Endpoints?: { docker?: { Host?: string } } } | undefined;
  const host = meta?.Endpoints?.docker?.Host;
  if (!host) {
    const namedBy = fromEnv ? 'DOCKER_CONTEXT' : `"currentContext" in ${configPath}`;
    throw new WharfError(
      `${namedBy} names the docker context "${name}", which has no engine address (no ${metaPath}).`,
      `List the contexts with \`docker context ls\`, then \`docker context use <name>\` (or unset DOCKER_CONTEXT; "default" means the local socket).`,
    );
  }
  const tlsDir = join(configDir, 'contexts', 'tls', digest, 'docker');
  return endpoint(`docker context "${name}"`, host, existsSync(join(tlsDir, 'ca.pem')) ? tlsDir : undefined);
}

/** Lima instances each have their own folder; the default one first, then by name. */
function limaSockets(limaHome: string): string[] {
  let instances: string[];
  try {
    instances = readdirSync(limaHome).filter((name) => !name.startsWith('_'));
  } catch {
    return [];
  }
  instances.sort((a, b) => Number(b === 'default') - Number(a === 'default') || a.localeCompare(b));
  return instances.flatMap((name) => [
    join(limaHome, name, 'sock/docker.sock'),
    join(limaHome, name, 'sock/podman.sock'),
  ]);
}

function wellKnownSockets({ env, home, platform, root = '' }: DiscoveryEnvironment): Endpoint[] {
  if (platform === 'win32') return [endpoint('Docker Desktop pipe', 'npipe:////./pipe/docker_engine')];
  const paths = [
    `${root}/var/run/docker.sock`,
    join(home, '.docker/run/docker.sock'),
    join(home, '.docker/desktop/docker.sock'),
    join(home, '.colima/default/docker.sock'),
    join(home, '.orbstack/run/docker.sock'),
    join(home, '.rd/docker.sock'), // Rancher Desktop
  ];
  if (env.XDG_RUNTIME_DIR) {
    // Rootless Docker, then rootless Podman (`systemctl --user start podman.socket`).
    paths.push(join(env.XDG_RUNTIME_DIR, 'docker.sock'), join(env.XDG_RUNTIME_DIR, 'podman/podman.sock'));
  }
  paths.push(`${root}/run/podman/podman.sock`);
  if (platform === 'darwin') {
    // Podman machine: Podman 5 forwards its API into $TMPDIR, Podman 4 under its data directory.
    if (env.TMPDIR) paths.push(join(env.TMPDIR, 'podman/podman-machine-default-api.sock'));
    paths.push(join(home, '.local/share/containers/podman/machine/podman-machine-default/podman.sock'));
    paths.push(join(home, '.local/share/containers/podman/machine/qemu/podman.sock'));
  }
  paths.push(...limaSockets(env.LIMA_HOME || join(home, '.lima')));
  return paths.map((path) => endpoint('well-known socket', `unix://${path}`));
}

function unique(endpoints: Endpoint[]): Endpoint[] {
  const seen = new Set<string>();
  return endpoints.filter((candidate) => !seen.has(candidate.host) && Boolean(seen.add(candidate.host)));
}

/** The chosen engine if there is one, else the places to guess in the order design.md fixes. */
export function engineCandidates(environment: DiscoveryEnvironment = currentEnvironment()): Candidates {
  const fromHost = fromDockerHost(environment);
  if (fromHost) {
    // docker also lets DOCKER_HOST win over a context, and warns about it.
    let context: Endpoint | undefined;
    try {
      context = fromDockerContext(environment);
    } catch {
      context = undefined; // a broken context does not matter while DOCKER_HOST overrides it
    }
    const overridden =
      context && context.host !== fromHost.host ? [`${context.source} ${context.host}: DOCKER_HOST overrides it`] : [];
    return { chosen: fromHost, overridden, guesses: [] };
  }
  const fromContext = fromDockerContext(environment);
  if (fromContext) return { chosen: fromContext, overridden: [], guesses: [] };
  return { overridden: [], guesses: unique(wellKnownSockets(environment)) };
}
