import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { WharfError } from '../../labs/kit/core/errors.ts';
import { fetchWhenUp } from '../../labs/kit/engine/http.ts';

let server: Server | undefined;
afterEach(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));

/** A port that was free a moment ago (the OS picks it, we let it go). */
async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

describe('fetchWhenUp', () => {
  it('retries until the server starts listening, then returns its answer', async () => {
    const port = await freePort();
    setTimeout(() => {
      server = createServer((_, response) => response.end('hello')).listen(port, '127.0.0.1');
    }, 300);
    const fetched = await fetchWhenUp(`http://127.0.0.1:${port}/`, { deadlineMs: 5000, retryMs: 50 });
    expect(fetched).toMatchObject({ status: 200, body: 'hello' });
    expect(fetched.attempts).toBeGreaterThan(1);
  });

  it('gives up at its deadline with an error that says what it waited for', async () => {
    const port = await freePort();
    const started = performance.now();
    const failure = await fetchWhenUp(`http://127.0.0.1:${port}/`, { deadlineMs: 400, retryMs: 50 }).catch(
      (error: unknown) => error,
    );
    expect(failure).toBeInstanceOf(WharfError);
    expect((failure as Error).message).toMatch(
      new RegExp(`Timed out after 0.4 s while waiting for http://127.0.0.1:${port}/`),
    );
    expect(performance.now() - started).toBeLessThan(2000);
  });
});
