import { hostname } from 'node:os';
import type { Said } from '../core/text.ts';
import type { EngineInfo } from './connect.ts';
import type { Endpoint } from './endpoint.ts';

/** Where the engine runs, as far as a lab needs to know: are its paths and its loopback ours? */
export interface EngineWhere {
  /** The engine runs on this very machine: a host path here is a host path there, 127.0.0.1 is shared. */
  here: boolean;
  /** The name the engine reports for its host (`docker info` Name). */
  engineHost: string;
  /** Why the lab thinks so, in one sentence a room can read (a kit sentence, in any language). */
  why: Said;
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
      why: { key: 'kit.engineHere', values: { host: engineHost } },
    };
  }
  const via = engine.endpoint.socketPath ?? engine.endpoint.host;
  const why = { key: 'kit.engineElsewhere', values: { product: engine.product, host: engineHost, via } };
  return { here: false, engineHost, why };
}
