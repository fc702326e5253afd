import { hostname } from 'node:os';
import type { EngineInfo } from './connect.ts';
import type { Endpoint } from './endpoint.ts';

/** Where the engine runs, as far as a lab needs to know: are its paths and its loopback ours? */
export interface EngineWhere {
  /** The engine runs on this very machine: a host path here is a host path there, 127.0.0.1 is shared. */
  here: boolean;
  /** The name the engine reports for its host (`docker info` Name). */
  engineHost: string;
  /** Why the lab thinks so, in one sentence a room can read. */
  why: string;
}

/** A local unix socket on Linux, to an engine that reports this host's name: its paths and loopback are ours. */
export const runsHere = (endpoint: Endpoint, engineHost: string): boolean =>
  process.platform === 'linux' && Boolean(endpoint.socketPath) && engineHost === hostname();

/**
 * The engine is here when it is reached over a local unix socket on Linux and reports this host's
 * name. Anything else runs elsewhere: a VM (Docker Desktop, Colima, OrbStack, a Podman machine),
 * which shares some folders and forwards published ports, or another host (tcp://, ssh://), which
 * shares neither. Read from what discovery already asked the engine: no request of its own.
 */
export function engineWhere(engine: EngineInfo): EngineWhere {
  const engineHost = engine.hostName;
  if (runsHere(engine.endpoint, engineHost)) {
    return {
      here: true,
      engineHost,
      why: `The engine runs on this machine (a local unix socket, and it reports this host's name, ${engineHost}).`,
    };
  }
  const via = engine.endpoint.socketPath ?? engine.endpoint.host;
  const why = `The engine runs elsewhere (${engine.product} on "${engineHost}", via ${via}).`;
  return { here: false, engineHost, why };
}
