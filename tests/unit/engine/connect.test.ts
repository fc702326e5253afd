import { mkdtempSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WharfError } from '../../../labs/kit/core/errors.ts';
import { connectEngine, passedOver } from '../../../labs/kit/engine/connect.ts';
import { noEngineError } from '../../../labs/kit/engine/no-engine.ts';
import { reasonFor } from '../../../labs/kit/engine/probe.ts';

// A server that accepts connections and never answers: the worst case for a deadline.
let silent: Server;
let silentPort = 0;

beforeAll(async () => {
  silent = createServer(() => {});
  await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
  silentPort = (silent.address() as { port: number }).port;
});
afterAll(() => silent.close());

describe('connectEngine with nothing to connect to', () => {
  it('fails within 3 s with one error that lists every address tried and how to start an engine', async () => {
    const home = mkdtempSync(join(tmpdir(), 'wharf-home-'));
    const environment = { env: { DOCKER_HOST: `tcp://127.0.0.1:${silentPort}` }, platform: 'linux' as const, home, root: home };
    const started = performance.now();
    const error = await connectEngine(environment).then(() => undefined, (e: unknown) => e);
    const elapsed = performance.now() - started;

    expect(error).toBeInstanceOf(WharfError);
    const { message, hint } = error as WharfError;
    expect(message).toBe('No container engine answered.');
    expect(hint).toContain(`tcp://127.0.0.1:${silentPort}  (DOCKER_HOST): no answer within`);
    expect(hint).toContain(`unix://${home}/var/run/docker.sock  (well-known socket): no socket there`);
    expect(hint).toMatch(/Linux .*systemctl start docker/);
    expect(hint).toMatch(/macOS .*Docker Desktop/);
    expect(hint).toMatch(/Windows .*Docker Desktop/);
    expect(elapsed).toBeLessThan(3000);
  });
});

describe('passedOver', () => {
  it('names configured endpoints that failed before the one used, not the guessed sockets', () => {
    const configured = { source: 'DOCKER_HOST', host: 'tcp://127.0.0.1:1' };
    const guessed = { source: 'well-known socket', host: 'unix:///run/user/1/docker.sock', socketPath: '/run/user/1/docker.sock' };
    const used = { source: 'well-known socket', host: 'unix:///var/run/docker.sock', socketPath: '/var/run/docker.sock' };
    const later = { source: 'well-known socket', host: 'unix:///run/podman/podman.sock' };
    const outcomes = [
      { ok: false as const, endpoint: configured, reason: 'nothing is listening (connection refused)' },
      { ok: false as const, endpoint: guessed, reason: 'no socket there' },
      { ok: true as const, endpoint: used, docker: {} as never },
      { ok: false as const, endpoint: later, reason: 'no socket there' },
    ];
    expect(passedOver(outcomes, used)).toEqual(['DOCKER_HOST tcp://127.0.0.1:1: nothing is listening (connection refused)']);
  });
});

describe('reasons and hints', () => {
  const endpoint = { source: 'well-known socket', host: 'unix:///var/run/docker.sock', socketPath: '/var/run/docker.sock' };

  it('names permission problems and gives the docker-group fix instead of "start an engine"', () => {
    const denied = reasonFor(Object.assign(new Error('connect EACCES'), { code: 'EACCES' }), false);
    expect(denied).toEqual({ reason: 'permission denied', permissionDenied: true });
    const error = noEngineError([{ ok: false, endpoint, ...denied }]);
    expect(error.message).toMatch(/permission to use it was denied/);
    expect(error.hint).toContain('usermod -aG docker');
    expect(error.hint).not.toContain('systemctl start docker');
  });

  it('tells a refused connection from a missing socket from a silent one', () => {
    expect(reasonFor(Object.assign(new Error('x'), { code: 'ECONNREFUSED' }), false).reason).toMatch(/refused/);
    expect(reasonFor(Object.assign(new Error('x'), { code: 'ENOENT' }), false).reason).toBe('no socket there');
    expect(reasonFor(new Error('The operation was aborted'), true).reason).toMatch(/no answer within/);
  });
});
