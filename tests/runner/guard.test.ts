import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRunner, type Runner } from '../../runner/server.ts';
import { send } from './support.ts';

// Every refusal the runner promises, each on its own, against the real server.
let runner: Runner;
let ok: Record<string, string>;

beforeAll(async () => {
  runner = await startRunner({ port: 0, logLevel: 'warn' });
  ok = { origin: `http://127.0.0.1:${runner.port}`, 'x-wharf-token': runner.token, 'content-type': 'application/json' };
});
afterAll(() => runner.close());

const startProcesses = (headers: Record<string, string>, body = '{"lab":"nope"}') => send(runner.port, 'POST', '/api/runs', headers, body);

describe('runner refusals', () => {
  it('accepts a well-formed request (the baseline the refusals differ from)', async () => {
    const reply = await send(runner.port, 'GET', '/api/labs', { 'x-wharf-token': runner.token });
    expect(reply.status).toBe(200);
    expect(JSON.parse(reply.body).map((l: { id: string }) => l.id)).toContain('processes');
  });

  it('refuses a foreign Host (DNS rebinding), for the API and for the deck itself', async () => {
    expect((await startProcesses({ ...ok, host: `attacker.example:${runner.port}` })).status).toBe(421);
    expect((await send(runner.port, 'GET', '/', { host: `attacker.example:${runner.port}` })).status).toBe(421);
    expect((await send(runner.port, 'GET', '/', { host: `127.0.0.1:${runner.port + 1}` })).status).toBe(421);
  });

  it('refuses another Origin, and a POST with no Origin', async () => {
    expect((await startProcesses({ ...ok, origin: 'http://attacker.example' })).status).toBe(403);
    expect((await startProcesses({ ...ok, origin: `http://localhost:${runner.port + 1}` })).status).toBe(403);
    const { origin: _, ...noOrigin } = ok;
    expect((await startProcesses(noOrigin)).status).toBe(403);
  });

  it('refuses a missing token', async () => {
    const { 'x-wharf-token': _, ...noToken } = ok;
    const reply = await startProcesses(noToken);
    expect(reply.status).toBe(401);
    expect(reply.body).toMatch(/token missing/);
    expect((await send(runner.port, 'GET', '/api/labs')).status).toBe(401);
  });

  it('refuses a wrong token', async () => {
    const reply = await startProcesses({ ...ok, 'x-wharf-token': `${runner.token.slice(0, -1)}x` });
    expect(reply.status).toBe(401);
    expect(reply.body).toMatch(/token wrong/);
  });

  it('refuses an unknown lab id, and anything that is not a lab id', async () => {
    expect((await startProcesses(ok, '{"lab":"nope"}')).status).toBe(404);
    expect((await startProcesses(ok, '{"lab":"processes; rm -rf /"}')).status).toBe(404);
    expect((await startProcesses(ok, '{"lab":["processes"]}')).status).toBe(404);
    expect((await startProcesses(ok, 'not json')).status).toBe(400);
  });

  it('refuses an oversize body before reading it', async () => {
    const reply = await startProcesses(ok, JSON.stringify({ lab: 'processes', pad: 'x'.repeat(4096) }));
    expect(reply.status).toBe(413);
  });

  it('serves the deck with this start\'s token, to the right Host only', async () => {
    const page = await send(runner.port, 'GET', '/', { host: `localhost:${runner.port}` });
    expect(page.status).toBe(200);
    expect(page.body).toContain(`<meta name="wharf-runner-token" content="${runner.token}">`);
  });
});
