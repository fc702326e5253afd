import { once } from 'node:events';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WharfError } from '../../labs/kit/core/errors.ts';
import type { Endpoint } from '../../labs/kit/engine/endpoint.ts';
import { curlEquivalent, engineMessage, request } from '../../labs/kit/engine/raw-http.ts';

// A stand-in for the engine: an HTTP server on a unix socket in a temp directory (and, for the tcp
// case, on 127.0.0.1). No engine is involved.
const FRAME = Buffer.from([1, 0, 0, 0, 0, 0, 0, 3, 0x68, 0x69, 0x0a]); // stdout frame "hi\n"

function handler(req: IncomingMessage, res: ServerResponse): void {
  const chunks: Buffer[] = [];
  req.on('data', (chunk: Buffer) => chunks.push(chunk));
  req.on('end', () => {
    if (req.url === '/_ping') return void res.writeHead(200, { 'Api-Version': '1.41' }).end('OK');
    if (req.url === '/echo') {
      const body = Buffer.concat(chunks).toString('utf8');
      return void res
        .writeHead(201, { 'Content-Type': 'application/json' })
        .end(JSON.stringify({ method: req.method, contentType: req.headers['content-type'] ?? null, body }));
    }
    if (req.url === '/frames')
      return void res.writeHead(200, { 'Content-Type': 'application/vnd.docker.raw-stream' }).end(FRAME);
    if (req.url === '/empty') return void res.writeHead(204).end();
    if (req.url === '/stall-body') return void res.writeHead(200).write('partial'); // never ends
    if (req.url === '/stall') return; // never answers
    res
      .writeHead(404, { 'Content-Type': 'application/json' })
      .end(JSON.stringify({ message: 'No such container: nope' }));
  });
}

let dir: string;
let unixServer: Server;
let tcpServer: Server;
let unix: Endpoint;
let tcp: Endpoint;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'wharf-raw-http-'));
  const socketPath = join(dir, 'engine.sock');
  unixServer = createServer(handler).listen(socketPath);
  tcpServer = createServer(handler).listen(0, '127.0.0.1');
  await Promise.all([once(unixServer, 'listening'), once(tcpServer, 'listening')]);
  unix = { source: 'test', host: `unix://${socketPath}`, socketPath };
  tcp = { source: 'test', host: `tcp://127.0.0.1:${(tcpServer.address() as AddressInfo).port}` };
});

afterAll(async () => {
  // Stalled requests keep connections open; drop them so close() can finish.
  unixServer.closeAllConnections();
  tcpServer.closeAllConnections();
  await Promise.all([new Promise((r) => unixServer.close(r)), new Promise((r) => tcpServer.close(r))]);
  await rm(dir, { recursive: true, force: true });
});

const deadline = () => AbortSignal.timeout(5000);

describe('request over a unix socket', () => {
  it('returns status, reason, headers and body', async () => {
    const res = await request(unix, 'GET', '/_ping', undefined, deadline());
    expect(res.status).toBe(200);
    expect(res.statusText).toBe('OK');
    expect(res.headers['api-version']).toBe('1.41');
    expect(res.body.toString()).toBe('OK');
  });

  it('sends a body as JSON with its content type', async () => {
    const res = await request(unix, 'POST', '/echo', { Image: 'wharf/base:latest', Cmd: ['echo', 'hi'] }, deadline());
    expect(res.status).toBe(201);
    expect(res.statusText).toBe('Created');
    expect(JSON.parse(res.body.toString())).toEqual({
      method: 'POST',
      contentType: 'application/json',
      body: JSON.stringify({ Image: 'wharf/base:latest', Cmd: ['echo', 'hi'] }),
    });
  });

  it('sends no body and no content type when there is none', async () => {
    const res = await request(unix, 'POST', '/echo', undefined, deadline());
    expect(JSON.parse(res.body.toString())).toMatchObject({ contentType: null, body: '' });
  });

  it('keeps a binary body byte for byte (stream frame headers)', async () => {
    expect((await request(unix, 'GET', '/frames', undefined, deadline())).body).toEqual(FRAME);
  });

  it('returns a 204 with an empty body', async () => {
    const res = await request(unix, 'DELETE', '/empty', undefined, deadline());
    expect(res.status).toBe(204);
    expect(res.statusText).toBe('No Content');
    expect(res.body.length).toBe(0);
  });

  it('returns error statuses instead of throwing, with the engine message readable', async () => {
    const res = await request(unix, 'GET', '/containers/nope/json', undefined, deadline());
    expect(res.status).toBe(404);
    expect(engineMessage(res)).toBe('No such container: nope');
  });

  it('gives up at the deadline when no answer comes', async () => {
    const started = Date.now();
    await expect(request(unix, 'POST', '/stall', undefined, AbortSignal.timeout(200))).rejects.toMatchObject({
      name: 'AbortError',
    });
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('gives up at the deadline when the body never ends', async () => {
    await expect(request(unix, 'GET', '/stall-body', undefined, AbortSignal.timeout(200))).rejects.toMatchObject({
      name: 'AbortError',
    });
  });

  it('reports a missing socket as a connection error', async () => {
    const missing = { source: 'test', host: `unix://${dir}/none.sock`, socketPath: `${dir}/none.sock` };
    await expect(request(missing, 'GET', '/_ping', undefined, deadline())).rejects.toMatchObject({ code: 'ENOENT' });
  });
});

describe('request over tcp', () => {
  it('talks to host and port', async () => {
    const res = await request(tcp, 'GET', '/_ping', undefined, deadline());
    expect(res.status).toBe(200);
    expect(res.body.toString()).toBe('OK');
  });
});

describe('endpoints without a plain HTTP path', () => {
  it('refuses ssh with a WharfError saying what to do', () => {
    const ssh = { source: 'test', host: 'ssh://me@build-box' };
    expect(() => request(ssh, 'GET', '/_ping', undefined, deadline())).toThrow(WharfError);
    expect(() => request(ssh, 'GET', '/_ping', undefined, deadline())).toThrow(/ssh/);
  });
});

describe('curlEquivalent', () => {
  it('uses --unix-socket for a socket', () => {
    expect(curlEquivalent(unix, 'GET', '/_ping')).toBe(
      `curl -s --unix-socket ${unix.socketPath} -X GET http://localhost/_ping`,
    );
  });

  it('uses host and port for tcp', () => {
    expect(curlEquivalent(tcp, 'POST', '/v1.41/containers/x/start')).toBe(
      `curl -s -X POST http://${tcp.host.slice(6)}/v1.41/containers/x/start`,
    );
  });

  it('has none for a Windows pipe', () => {
    expect(
      curlEquivalent(
        { source: 'test', host: 'npipe:////./pipe/docker_engine', socketPath: '\\\\.\\pipe\\docker_engine' },
        'GET',
        '/_ping',
      ),
    ).toBeUndefined();
  });
});
