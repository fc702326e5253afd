import { stat } from 'node:fs/promises';
import Docker from 'dockerode';
import { dockerOptions, type Endpoint } from './endpoint.ts';
import { ping } from './signal-calls.ts';

export type ProbeOutcome =
  | { ok: true; endpoint: Endpoint; docker: Docker }
  | { ok: false; endpoint: Endpoint; reason: string; permissionDenied?: boolean };

/**
 * How long a ping may take. An engine in a VM under software emulation (QEMU TCG, an arm64 Mac
 * emulating amd64) answers in seconds, not milliseconds. A missing socket or a refused connection
 * fails at once, so only an engine that is there and silent costs the whole deadline.
 */
export const PING_DEADLINES = {
  /** The engine the person chose: the only one, so it gets time. */
  chosenMs: 30_000,
  /** Guessed sockets, pinged all at once: the first in order that answers wins. */
  guessMs: 10_000,
};

/** Turns a connection error into words a person can act on. */
export function reasonFor(error: unknown, timedOutAfterMs?: number): { reason: string; permissionDenied?: boolean } {
  const code = (error as { code?: string } | undefined)?.code;
  if (code === 'EACCES' || code === 'EPERM') return { reason: 'permission denied', permissionDenied: true };
  if (code === 'ENOENT') return { reason: 'no socket there' };
  if (code === 'ECONNREFUSED') return { reason: 'nothing is listening (connection refused)' };
  if (timedOutAfterMs !== undefined) return { reason: `no answer within ${timedOutAfterMs / 1000} s` };
  return { reason: error instanceof Error ? error.message : String(error) };
}

/** Asks one endpoint for `/_ping` under a deadline. Never throws; `cancel` drops a probe no longer needed. */
export async function probe(endpoint: Endpoint, deadlineMs: number, cancel?: AbortSignal): Promise<ProbeOutcome> {
  // A missing local socket is reported without a connection attempt: cheap and unambiguous.
  if (endpoint.socketPath && !endpoint.socketPath.startsWith('\\\\')) {
    try {
      await stat(endpoint.socketPath);
    } catch (error) {
      return { ok: false, endpoint, ...reasonFor(error) };
    }
  }
  const deadline = AbortSignal.timeout(deadlineMs);
  const signal = cancel ? AbortSignal.any([deadline, cancel]) : deadline;
  try {
    const docker = new Docker(dockerOptions(endpoint));
    await ping(docker, signal);
    return { ok: true, endpoint, docker };
  } catch (error) {
    return { ok: false, endpoint, ...reasonFor(error, deadline.aborted ? deadlineMs : undefined) };
  }
}

/**
 * Pings every guess at once and settles as soon as the first one in order has answered and every
 * one before it has failed: discovery never waits for a slow guess it will not use.
 */
export async function firstAnswering(
  guesses: Endpoint[],
  deadlineMs: number,
): Promise<{ found?: Extract<ProbeOutcome, { ok: true }>; failed: Extract<ProbeOutcome, { ok: false }>[] }> {
  const cancel = new AbortController();
  const probes = guesses.map((endpoint) => probe(endpoint, deadlineMs, cancel.signal));
  const failed: Extract<ProbeOutcome, { ok: false }>[] = [];
  for (const pending of probes) {
    const outcome = await pending;
    if (outcome.ok) {
      cancel.abort();
      return { found: outcome, failed };
    }
    failed.push(outcome);
  }
  return { failed };
}
