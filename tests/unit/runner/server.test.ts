// The runner's server as an attacker meets it: another local user with curl, a hostile page's
// requests, raw sockets. Stage mode over a tiny built deck; no engine and no browser needed.
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../../runner/headers.ts';
import { API, CSRF_HEADER } from '../../../runner/protocol.ts';
import { type Runner, startRunner } from '../../../runner/server.ts';
import { idleLab, noEngine, openSession, type SessionHeaders, send, tinyDeck, upgrade } from '../../runner/support.ts';

let runner: Runner;
let session: SessionHeaders;
let origin: string;

beforeAll(async () => {
  runner = await startRunner({ port: 0, deckDir: await tinyDeck(), labs: [idleLab], engine: noEngine() });
  origin = `http://127.0.0.1:${runner.port}`;
  session = await openSession(runner);
});
afterAll(() => runner.close());

const get = (path: string, headers: Record<string, string> = {}) => send(runner.port, 'GET', path, headers);
const post = (path: string, headers: Record<string, string>, body = '{"lab":"nope"}') =>
  send(runner.port, 'POST', path, headers, body);
const without = (headers: Record<string, string>, name: string) =>
  Object.fromEntries(Object.entries(headers).filter(([key]) => key !== name));

describe('the API with a session (the baseline every refusal differs from)', () => {
  it('answers the deck that opened a session with the printed key', async () => {
    const reply = await get(API.labs, session);
    expect(reply.status).toBe(200);
    expect(JSON.parse(reply.body)).toEqual([{ id: 'idle', title: idleLab.title, shows: idleLab.shows }]);
  });

  it('sets the session cookie HttpOnly, SameSite=Strict, for /api/ only', async () => {
    const reply = await post(
      API.session,
      { origin, 'content-type': 'application/json' },
      JSON.stringify({ key: runner.sessions.key }),
    );
    expect(reply.status).toBe(201);
    expect(String(reply.headers['set-cookie'])).toMatch(
      new RegExp(`^wharf_session_${runner.port}=[\\w-]+; HttpOnly; SameSite=Strict; Path=/api/$`),
    );
  });
});

describe('another local user (curl, any header they like)', () => {
  it('finds no key, token or session material in anything the deck serves', async () => {
    const page = await get('/');
    expect(page.status).toBe(200);
    expect(page.body).not.toContain(runner.sessions.key);
    expect(page.body).toContain('<meta name="wharf-runner" content="1" />');
    expect(page.body).not.toMatch(/token|csrf|key=/i);
    expect(page.headers['set-cookie']).toBeUndefined();
  });

  it('cannot start a lab with a forged Origin and no session', async () => {
    const forged = { origin, 'content-type': 'application/json' };
    expect((await post(API.runs, forged, '{"lab":"idle"}')).status).toBe(401);
    expect(
      (
        await post(
          API.runs,
          { ...forged, cookie: `wharf_session_${runner.port}=guess`, [CSRF_HEADER]: 'guess' },
          '{"lab":"idle"}',
        )
      ).status,
    ).toBe(401);
    expect(runner.runs.active()).toEqual([]);
  });

  it('cannot use a session cookie without its CSRF value, or the reverse', async () => {
    expect((await post(API.runs, without(session, CSRF_HEADER), '{"lab":"idle"}')).status).toBe(401);
    expect((await post(API.runs, without(session, 'cookie'), '{"lab":"idle"}')).status).toBe(401);
    expect((await get(API.engine, without(session, CSRF_HEADER))).status).toBe(401);
    expect(runner.runs.active()).toEqual([]);
  });

  it('cannot open a session with a wrong key, and cannot keep guessing', async () => {
    const guess = (key: string) =>
      post(API.session, { origin, 'content-type': 'application/json' }, JSON.stringify({ key }));
    const statuses = [];
    for (let i = 0; i < 25; i++) statuses.push((await guess(`wrong-${i}`)).status);
    expect(statuses.slice(0, 10).every((status) => status === 401)).toBe(true);
    expect(statuses.at(-1)).toBe(429);
  });
});

describe('requests a hostile page can make', () => {
  it('refuses a foreign Host (DNS rebinding) for the API and for the deck', async () => {
    expect((await post(API.runs, { ...session, host: `attacker.example:${runner.port}` })).status).toBe(421);
    expect((await get('/', { host: `attacker.example:${runner.port}` })).status).toBe(421);
    expect((await get('/', { host: `127.0.0.1:${runner.port + 1}` })).status).toBe(421);
  });

  it('has one origin: localhost is sent to 127.0.0.1 for pages and refused for the API', async () => {
    const page = await get('/?lang=zh', { host: `localhost:${runner.port}` });
    expect(page.status).toBe(307);
    expect(page.headers.location).toBe(`${origin}/?lang=zh`);
    expect((await get(API.labs, { ...session, host: `localhost:${runner.port}` })).status).toBe(421);
    expect((await post(API.runs, { ...session, origin: `http://localhost:${runner.port}` })).status).toBe(403);
  });

  it('refuses another Origin, a same-site page on another port, and a POST with no Origin', async () => {
    expect((await post(API.runs, { ...session, origin: 'http://attacker.example' })).status).toBe(403);
    expect((await post(API.runs, { ...session, origin: `http://127.0.0.1:${runner.port + 1}` })).status).toBe(403);
    expect((await get(API.labs, { ...without(session, 'origin'), 'sec-fetch-site': 'same-site' })).status).toBe(403);
    expect((await post(API.runs, without(session, 'origin'))).status).toBe(403);
    expect(
      (
        await post(
          API.session,
          { origin: 'http://attacker.example', 'content-type': 'application/json' },
          JSON.stringify({ key: runner.sessions.key }),
        )
      ).status,
    ).toBe(403);
  });

  it('grants no cross-origin reads: no CORS headers, whatever the Origin', async () => {
    for (const path of ['/', '/assets/app-abc123.js', API.labs]) {
      const reply = await get(path, { ...session, origin: `http://localhost:${runner.port + 1}` });
      expect(reply.headers['access-control-allow-origin']).toBeUndefined();
    }
  });

  it('refuses bodies that are too big, not JSON, or not a known lab id', async () => {
    expect((await post(API.runs, session, JSON.stringify({ lab: 'idle', pad: 'x'.repeat(4096) }))).status).toBe(413);
    expect((await post(API.runs, session, 'not json')).status).toBe(400);
    expect((await post(API.runs, session, '{"lab":"idle; rm -rf /"}')).status).toBe(404);
    expect((await post(API.runs, session, '{"lab":["idle"]}')).status).toBe(404);
  });
});

describe('stage mode serves the built deck and nothing else', () => {
  it("serves exactly the build's files, GET and HEAD only", async () => {
    expect((await get('/assets/app-abc123.js')).status).toBe(200);
    expect((await send(runner.port, 'HEAD', '/')).status).toBe(200);
    expect((await send(runner.port, 'POST', '/', { origin })).status).toBe(405);
    expect((await send(runner.port, 'PUT', '/assets/app-abc123.js', { origin })).status).toBe(405);
  });

  it.each([
    '/__open-in-editor?file=/etc/passwd',
    '/@fs/etc/passwd',
    `/@fs${process.cwd()}/package.json`,
    '/node_modules/reveal.js/demo.html',
    '/@vite/client',
    '/.wharf-build.json',
    '/../package.json',
    '/assets/../../package.json',
    '/%2e%2e/package.json',
    '/index.html/',
  ])('answers %s with a plain 404 that names no path', async (path) => {
    const reply = await get(path);
    expect(reply.status).toBe(404);
    expect(reply.body).toBe('not found\n');
  });

  it('sends the security headers with pages, assets, the API and refusals alike', async () => {
    const replies = await Promise.all([
      get('/'),
      get('/assets/app-abc123.js'),
      get(API.labs, session),
      get('/nope'),
      get('/', { host: 'attacker.example' }),
    ]);
    for (const reply of replies) {
      expect(reply.headers).toMatchObject({
        'content-security-policy': CONTENT_SECURITY_POLICY,
        'x-frame-options': 'SAMEORIGIN',
        'cross-origin-opener-policy': 'same-origin',
        'cross-origin-resource-policy': 'same-origin',
        'x-content-type-options': 'nosniff',
        'referrer-policy': 'no-referrer',
      });
    }
    expect(CONTENT_SECURITY_POLICY).toMatch(/default-src 'self'/);
    expect(CONTENT_SECURITY_POLICY).toMatch(/script-src 'self' 'sha256-[\w+/=]+'(;|$)/);
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/script-src[^;]*unsafe/);
    expect(CONTENT_SECURITY_POLICY).toMatch(/connect-src 'self'/);
  });
});

describe('raw sockets', () => {
  it.each([
    ['/api/labs', () => ({})],
    ['/', () => ({ origin, 'sec-websocket-protocol': 'vite-hmr' })],
    ['/api/runs', () => ({ host: 'attacker.example:1', origin: 'http://attacker.example' })],
  ])('closes an upgrade to %s at once', async (path, headers) => {
    const { status, closedAfterMs } = await upgrade(runner.port, path, headers());
    expect(status).toMatch(/^HTTP\/1.1 404/);
    expect(closedAfterMs).toBeLessThan(1000);
  });

  it('caps the number of open connections', async () => {
    const sockets = await Promise.all(
      Array.from(
        { length: 80 },
        () =>
          new Promise<ReturnType<typeof connect>>((resolve) => {
            const socket = connect(runner.port, '127.0.0.1', () => resolve(socket));
            socket.on('error', () => {});
          }),
      ),
    );
    await new Promise((resolve) => setTimeout(resolve, 300));
    const open = sockets.filter((socket) => !socket.destroyed && socket.readyState === 'open');
    const closed = sockets.length - open.length;
    for (const socket of sockets) socket.destroy();
    expect(closed).toBeGreaterThanOrEqual(80 - 64);
  });
});
