import { stat } from 'node:fs/promises';
import Docker from 'dockerode';
import { dockerOptions, type Endpoint } from './endpoint.ts';
import { ping } from './signal-calls.ts';

export type ProbeOutcome =
  | { ok: true; endpoint: Endpoint; docker: Docker }
  | { ok: false; endpoint: Endpoint; reason: string; permissionDenied?: boolean };

export const PING_DEADLINE_MS = 1500;

/** Turns a connection error into words a person can act on. */
export function reasonFor(error: unknown, deadlineHit: boolean): { reason: string; permissionDenied?: boolean } {
  const code = (error as { code?: string } | undefined)?.code;
  if (code === 'EACCES' || code === 'EPERM') return { reason: 'permission denied', permissionDenied: true };
  if (code === 'ENOENT') return { reason: 'no socket there' };
  if (code === 'ECONNREFUSED') return { reason: 'nothing is listening (connection refused)' };
  if (deadlineHit) return { reason: `no answer within ${PING_DEADLINE_MS / 1000} s` };
  return { reason: error instanceof Error ? error.message : String(error) };
}

/** Asks one endpoint for `/_ping` under a short deadline. Never throws. */
export async function probe(endpoint: Endpoint, deadlineMs = PING_DEADLINE_MS): Promise<ProbeOutcome> {
  // A missing local socket is reported without a connection attempt: cheap and unambiguous.
  if (endpoint.socketPath && !endpoint.socketPath.startsWith('\\\\')) {
    try {
      await stat(endpoint.socketPath);
    } catch (error) {
      return { ok: false, endpoint, ...reasonFor(error, false) };
    }
  }
  const signal = AbortSignal.timeout(deadlineMs);
  try {
    const docker = new Docker(dockerOptions(endpoint));
    await ping(docker, signal);
    return { ok: true, endpoint, docker };
  } catch (error) {
    return { ok: false, endpoint, ...reasonFor(error, signal.aborted) };
  }
}
