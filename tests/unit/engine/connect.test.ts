import { mkdirSync, mkdtempSync } from 'node:fs';
import { createServer as createHttpServer } from 'node:http';
import { createServer, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { WharfError } from '../../../labs/kit/core/errors.ts';
import { connectEngine } from '../../../labs/kit/engine/connect.ts';
import { noEngineError } from '../../../labs/kit/engine/no-engine.ts';
import { reasonFor } from '../../../labs/kit/engine/probe.ts';

// Stand-ins for engines, only to test what discovery does when one is silent, down or answers:
// a silent one accepts connections and never replies (the worst case for a deadline); an answering
// one replies to the three calls discovery makes and counts the requests it gets.
const servers: Server[] = [];
const connections: Socket[] = [];
afterEach(async () => {
  for (const connection of connections.splice(0)) connection.destroy();
  await Promise.all(servers.splice(0).map((server) => new Promise((resolve) => server.close(resolve))));
});

function listen(server: Server, address: string | number): Promise<Server> {
  servers.push(server);
  server.on('connection', (connection: Socket) => connections.push(connection));
  if (typeof address === 'string') mkdirSync(dirname(address), { recursive: true });
  return new Promise((resolve) =>
    typeof address === 'string'
      ? server.listen(address, () => resolve(server))
      : server.listen(address, '127.0.0.1', () => resolve(server)),
  );
}

const silentEngine = (address: string | number) =>
  listen(
    createServer(() => {}),
    address,
  );

function answeringEngine(address: string, requests: string[]): Promise<Server> {
  const replies: Record<string, unknown> = {
    '/_ping': 'OK',
    '/version': { Version: '99.0-test', ApiVersion: '1.51', Arch: 'amd64', KernelVersion: '7.2-test' },
    '/info': { OperatingSystem: 'test', CgroupVersion: '2', Driver: 'overlay2' },
  };
  return listen(
    createHttpServer((request, response) => {
      const path = (request.url ?? '').replace(/^\/v[\d.]+/, '').split('?')[0] ?? '';
      requests.push(path);
      const reply = replies[path];
      response.writeHead(reply === undefined ? 404 : 200, {
        'content-type': typeof reply === 'string' ? 'text/plain' : 'application/json',
      });
      response.end(typeof reply === 'string' ? reply : JSON.stringify(reply ?? { message: 'not here' }));
    }),
    address,
  );
}

async function closedPort(): Promise<number> {
  const server = await listen(createServer(), 0);
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

function machine(env: NodeJS.ProcessEnv = {}) {
  const home = mkdtempSync(join(tmpdir(), 'wharf-home-'));
  return {
    environment: { env, platform: 'linux' as const, home, root: home },
    systemSocket: join(home, 'var/run/docker.sock'),
    home,
  };
}

const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => undefined,
    (error: unknown) => error as WharfError,
  );
const quick = { chosenMs: 800, guessMs: 800 };

describe('connectEngine with a chosen engine', () => {
  it('never falls back to another engine when the chosen one is silent', async () => {
    const requests: string[] = [];
    const silent = await silentEngine(0);
    const { environment, systemSocket } = machine({
      DOCKER_HOST: `tcp://127.0.0.1:${(silent.address() as { port: number }).port}`,
    });
    await answeringEngine(systemSocket, requests);

    const error = await failure(connectEngine(environment, quick));
    expect(error).toBeInstanceOf(WharfError);
    expect(error?.message).toMatch(
      /^The engine you chose \(DOCKER_HOST: tcp:\/\/127\.0\.0\.1:\d+\) did not answer: no answer within 0\.8 s\.$/,
    );
    expect(error?.hint).toMatch(/never falls back/);
    expect(error?.hint).toMatch(/unset DOCKER_HOST/);
    expect(requests).toEqual([]);
  });

  it('fails at once when nothing listens there, whatever the deadline', async () => {
    const { environment } = machine({ DOCKER_HOST: `tcp://127.0.0.1:${await closedPort()}` });
    const started = performance.now();
    const error = await failure(connectEngine(environment, { chosenMs: 60_000, guessMs: 60_000 }));
    expect(error?.message).toMatch(/did not answer: nothing is listening \(connection refused\)\.$/);
    expect(performance.now() - started).toBeLessThan(5000);
  });

  it('waits for a slow chosen engine: a ping that takes seconds is an engine in a VM, not a dead one', async () => {
    const requests: string[] = [];
    const { environment, home } = machine();
    const socket = join(home, 'slow.sock');
    const server = await answeringEngine(socket, requests);
    server.on('connection', (connection) => {
      connection.pause();
      setTimeout(() => connection.resume(), 1500);
    });
    const engine = await connectEngine(
      { ...environment, env: { DOCKER_HOST: `unix://${socket}` } },
      { chosenMs: 10_000, guessMs: 100 },
    );
    expect(engine.info).toMatchObject({
      version: '99.0-test',
      cgroupVersion: '2',
      endpoint: { source: 'DOCKER_HOST' },
    });
  });

  it('names the context in the error and how to switch', async () => {
    const { environment, home } = machine();
    const configDir = join(home, '.docker');
    const { createHash } = await import('node:crypto');
    const { writeFileSync } = await import('node:fs');
    const metaDir = join(configDir, 'contexts/meta', createHash('sha256').update('vm').digest('hex'));
    mkdirSync(metaDir, { recursive: true });
    writeFileSync(
      join(metaDir, 'meta.json'),
      JSON.stringify({ Name: 'vm', Endpoints: { docker: { Host: `unix://${home}/vm.sock` } } }),
    );
    writeFileSync(join(configDir, 'config.json'), JSON.stringify({ currentContext: 'vm' }));
    const error = await failure(connectEngine(environment, quick));
    expect(error?.message).toBe(
      `The engine you chose (docker context "vm": unix://${home}/vm.sock) did not answer: no socket there.`,
    );
    expect(error?.hint).toMatch(/docker context use/);
  });
});

describe('connectEngine guessing', () => {
  it('fails with one error that lists every address tried and how to start an engine', async () => {
    const { environment, systemSocket, home } = machine();
    await silentEngine(systemSocket);
    const error = await failure(connectEngine(environment, quick));
    expect(error).toBeInstanceOf(WharfError);
    expect(error?.message).toBe('No container engine answered.');
    expect(error?.hint).toContain(`unix://${systemSocket}  (well-known socket): no answer within 0.8 s`);
    expect(error?.hint).toContain(`unix://${home}/.rd/docker.sock  (well-known socket): no socket there`);
    expect(error?.hint).toMatch(/Linux .*systemctl start docker/);
    expect(error?.hint).toMatch(/macOS .*Docker Desktop/);
    expect(error?.hint).toMatch(/Windows .*Docker Desktop/);
  });

  it('takes the first guess in order that answers, without waiting for a silent later one', async () => {
    const requests: string[] = [];
    const { environment, systemSocket, home } = machine();
    await answeringEngine(systemSocket, requests);
    await silentEngine(join(home, '.docker/run/docker.sock'));
    const started = performance.now();
    const engine = await connectEngine(environment, { chosenMs: 60_000, guessMs: 60_000 });
    expect(engine.info.endpoint.host).toBe(`unix://${systemSocket}`);
    expect(requests).toContain('/_ping');
    expect(performance.now() - started).toBeLessThan(5000);
  });

  it('passes over a silent earlier guess once its deadline is up', async () => {
    const requests: string[] = [];
    const { environment, systemSocket, home } = machine();
    await silentEngine(systemSocket);
    await answeringEngine(join(home, '.colima/default/docker.sock'), requests);
    const engine = await connectEngine(environment, quick);
    expect(engine.info.endpoint.host).toBe(`unix://${home}/.colima/default/docker.sock`);
  });
});

describe('reasons and hints', () => {
  const endpoint = {
    source: 'well-known socket',
    host: 'unix:///var/run/docker.sock',
    socketPath: '/var/run/docker.sock',
  };

  it('names permission problems and gives the docker-group fix instead of "start an engine"', () => {
    const denied = reasonFor(Object.assign(new Error('connect EACCES'), { code: 'EACCES' }));
    expect(denied).toEqual({ reason: 'permission denied', permissionDenied: true });
    const error = noEngineError([{ ok: false, endpoint, ...denied }]);
    expect(error.message).toMatch(/permission to use it was denied/);
    expect(error.hint).toContain('usermod -aG docker');
    expect(error.hint).not.toContain('systemctl start docker');
  });

  it('tells a refused connection from a missing socket from a silent one', () => {
    expect(reasonFor(Object.assign(new Error('x'), { code: 'ECONNREFUSED' })).reason).toMatch(/refused/);
    expect(reasonFor(Object.assign(new Error('x'), { code: 'ENOENT' })).reason).toBe('no socket there');
    expect(reasonFor(new Error('The operation was aborted'), 30_000).reason).toBe('no answer within 30 s');
  });
});
