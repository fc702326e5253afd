import { setTimeout as sleep } from 'node:timers/promises';
import { withinDeadline } from '../core/deadline.ts';

export interface Fetched {
  status: number;
  body: string;
  /** How many requests it took: the first ones may come before the server inside is listening. */
  attempts: number;
}

/**
 * GETs a URL served from a container that has just started, retrying while the connection is refused
 * or reset (the port is published before the server inside listens), all under one deadline.
 */
export function fetchWhenUp(
  url: string,
  options: { signal?: AbortSignal; deadlineMs?: number; retryMs?: number } = {},
): Promise<Fetched> {
  const deadlineMs = options.deadlineMs ?? 10_000;
  return withinDeadline(`waiting for ${url} to answer`, deadlineMs, options.signal, async (signal) => {
    for (let attempts = 1; ; attempts += 1) {
      try {
        const response = await fetch(url, { signal, redirect: 'manual' });
        return { status: response.status, body: await response.text(), attempts };
      } catch (error) {
        if (signal.aborted) throw error;
        await sleep(options.retryMs ?? 100, undefined, { signal });
      }
    }
  });
}
