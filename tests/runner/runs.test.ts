import { request } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { lab as processes } from '../../labs/01-processes.ts';
import type { LabEvent } from '../../labs/kit/core/events.ts';
import { processes as processesText } from '../../labs/text/processes.ts';
import { MAX_FOLLOWERS_PER_RUN } from '../../runner/api.ts';
import { API, type StartRunReply, type StreamedEvent } from '../../runner/protocol.ts';
import { type Runner, type RunnerOptions, startRunner } from '../../runner/server.ts';
import { runObjects, sharedEngine } from '../labs/support.ts';
import { idleLab, noEngine, openSession, type SessionHeaders, send, tinyDeck } from './support.ts';

let runner: Runner | undefined;
let session: SessionHeaders;
afterEach(async () => {
  await runner?.close();
  runner = undefined;
});

/** A runner over a tiny deck (these tests are about runs), with a session opened as the deck would. */
async function startWithSession(options: Omit<RunnerOptions, 'port'> = {}): Promise<Runner> {
  runner = await startRunner({ port: 0, deckDir: await tinyDeck(), ...options });
  session = await openSession(runner);
  return runner;
}

async function start(r: Runner, lab: string) {
  const reply = await send(r.port, 'POST', API.runs, session, JSON.stringify({ lab }));
  return { status: reply.status, runId: (JSON.parse(reply.body) as Partial<StartRunReply>).runnerRunId };
}

/** Reads a run's SSE stream; `onEvent` may act mid-stream. Resolves with every event once it ends. */
function stream(r: Runner, runId: string, onEvent: (e: LabEvent) => void = () => {}): Promise<LabEvent[]> {
  return new Promise((resolve, reject) => {
    const events: LabEvent[] = [];
    const req = request(
      {
        host: '127.0.0.1',
        port: r.port,
        path: `/api/runs/${runId}/events`,
        headers: { ...session, host: `127.0.0.1:${r.port}` },
        signal: AbortSignal.timeout(60_000),
      },
      (res) => {
        expect(res.headers['content-type']).toMatch(/^text\/event-stream/);
        let buffer = '';
        res.on('data', (chunk: Buffer) => {
          buffer += chunk.toString();
          for (let end = buffer.indexOf('\n\n'); end >= 0; end = buffer.indexOf('\n\n')) {
            const message = buffer.slice(0, end);
            buffer = buffer.slice(end + 2);
            if (message.startsWith('event: end')) continue;
            const streamed = JSON.parse(message.replace(/^data: /, '')) as StreamedEvent;
            const event = streamed.event;
            events.push(event);
            onEvent(event);
          }
        });
        res.on('end', () => resolve(events));
      },
    );
    req.on('error', reject);
    req.end();
  });
}

const startEvent = (events: LabEvent[]) =>
  events.find((e): e is Extract<LabEvent, { type: 'start' }> => e.type === 'start');

describe('runner runs', () => {
  it('starts a lab, streams its whole story as keys the deck can tell in any language, and cleans up', async () => {
    runner = await startWithSession();
    const { status, runId } = await start(runner, 'processes');
    expect(status).toBe(201);
    const events = await stream(runner, runId!);
    expect(events.map((e) => e.type)).toEqual(expect.arrayContaining(['start', 'step', 'fact', 'cleanup', 'result']));
    const said = events.flatMap((e) => (e.type === 'step' || e.type === 'note' || e.type === 'wait' ? [e.key] : []));
    expect(said.length).toBeGreaterThan(5);
    expect(said.filter((key) => !(key in processesText.en.lines) && !key.startsWith('kit.'))).toEqual([]);
    expect(events.at(-1)).toMatchObject({ type: 'result', ok: true });
    expect(await runObjects((await sharedEngine()).docker, startEvent(events)!.runLabel)).toEqual([]);
  });

  it('stops a run on request and removes its engine objects within 5 s', async () => {
    runner = await startWithSession();
    const { runId } = await start(runner, 'processes');
    let stopAt = 0;
    const events = await stream(runner, runId!, (event) => {
      if (event.type === 'fact' && event.key === 'containerId' && !stopAt) {
        stopAt = performance.now();
        void send(runner!.port, 'POST', `/api/runs/${runId}/stop`, session);
      }
    });
    const cleanedAfterMs = performance.now() - stopAt;
    expect(events.at(-1)).toMatchObject({
      type: 'result',
      ok: false,
      error: { message: expect.stringMatching(/^Stopped/) },
    });
    expect(await runObjects((await sharedEngine()).docker, startEvent(events)!.runLabel)).toEqual([]);
    expect(cleanedAfterMs).toBeLessThan(5000);
  });

  it('runs one lab once at a time (409) and refuses beyond the global limit (429)', async () => {
    runner = await startWithSession({ labs: [processes, idleLab], maxConcurrent: 1 });
    const first = await start(runner, 'idle');
    expect(first.status).toBe(201);
    expect((await start(runner, 'idle')).status).toBe(409);
    expect((await start(runner, 'processes')).status).toBe(429);
    await send(runner.port, 'POST', `/api/runs/${first.runId}/stop`, session);
    const events = await stream(runner, first.runId!);
    expect(await runObjects((await sharedEngine()).docker, startEvent(events)!.runLabel)).toEqual([]);
    expect((await start(runner, 'processes')).status).toBe(201);
  });

  it('ends a run that outlives its deadline, and cleans up', async () => {
    runner = await startWithSession({ labs: [idleLab], deadlineMs: 2000 });
    const { runId } = await start(runner, 'idle');
    const events = await stream(runner, runId!);
    expect(events.some((e) => e.type === 'fact' && e.key === 'containerId')).toBe(true);
    expect(events.at(-1)).toMatchObject({
      type: 'result',
      ok: false,
      error: { message: expect.stringMatching(/did not finish within 2 s/) },
    });
    expect(await runObjects((await sharedEngine()).docker, startEvent(events)!.runLabel)).toEqual([]);
  });

  it('says whether the engine answers, and what it is', async () => {
    runner = await startWithSession();
    const { info } = await sharedEngine();
    const up = JSON.parse((await send(runner.port, 'GET', '/api/engine', session)).body);
    expect(up).toEqual({
      ok: true,
      product: info.product,
      version: info.version,
      arch: info.arch,
      host: info.endpoint.host,
      passedOver: info.passedOver,
    });
    await runner.close();

    runner = await startWithSession({ engine: noEngine() });
    const down = JSON.parse((await send(runner.port, 'GET', '/api/engine', session)).body);
    expect(down).toMatchObject({
      ok: false,
      error: 'No container engine answered.',
      hint: expect.stringContaining('Tried:'),
    });
  });

  it('lets a few follow one run, and refuses more', async () => {
    runner = await startWithSession({ labs: [idleLab] });
    const { runId } = await start(runner, 'idle');
    const followers = Array.from({ length: MAX_FOLLOWERS_PER_RUN }, () => stream(runner!, runId!));
    await expect.poll(() => runner!.runs.get(runId!)?.followers).toBe(MAX_FOLLOWERS_PER_RUN);
    expect((await send(runner.port, 'GET', API.runEvents(runId!), session)).status).toBe(429);
    await send(runner.port, 'POST', API.stopRun(runId!), session);
    for (const events of await Promise.all(followers))
      expect(events.at(-1)).toMatchObject({ type: 'result', ok: false });
  });

  it('limits how many runs may be started in a minute', async () => {
    runner = await startWithSession({ labs: [idleLab], engine: noEngine() });
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) {
      const { status, runId } = await start(runner, 'idle');
      statuses.push(status);
      if (runId) await runner.runs.get(runId)?.finished;
    }
    expect(statuses.slice(0, 10)).toEqual(Array(10).fill(201));
    expect(statuses.slice(10)).toEqual([429, 429]);
  });

  it('refuses to stream or stop a run it does not know', async () => {
    runner = await startWithSession();
    expect((await send(runner.port, 'GET', '/api/runs/0123456789abcdef/events', session)).status).toBe(404);
    expect((await send(runner.port, 'POST', '/api/runs/0123456789abcdef/stop', session)).status).toBe(404);
  });
});
