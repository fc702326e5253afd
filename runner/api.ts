import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Lab } from '../labs/kit/core/lab.ts';
import { BodyTooLargeError, readJsonBody } from './body.ts';
import type { EngineSource } from './engine-source.ts';
import { checkApiRequest, checkHost, checkOrigin, isRefusal } from './guard.ts';
import { RateLimit } from './limits.ts';
import { API, type LabListing, type SessionReply, type StartRunReply } from './protocol.ts';
import { type Run, RunLimitError, type RunManager } from './runs.ts';
import type { SessionStore } from './session.ts';

export const MAX_BODY_BYTES = 1024;
/** Followers of one run's events at once: the deck, a second tab, the speaker's laptop. */
export const MAX_FOLLOWERS_PER_RUN = 4;

export interface ApiOptions {
  port: number;
  labs: readonly Lab[];
  runs: RunManager;
  engine: EngineSource;
  sessions: SessionStore;
}

function send(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  response.end(JSON.stringify(body));
}

/** Streams a run's events as Server-Sent Events, from the first one, and ends with the run. */
function streamEvents(request: IncomingMessage, response: ServerResponse, run: Run): void {
  // no-cache, not no-store: Chromium reports a streamed no-store response as aborted once it ends.
  response.writeHead(200, {
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-cache',
    connection: 'keep-alive',
  });
  response.flushHeaders();
  const unsubscribe = run.subscribe(
    (streamed) => response.write(`data: ${JSON.stringify(streamed)}\n\n`),
    () => response.end('event: end\ndata: {}\n\n'),
  );
  request.on('close', unsubscribe);
}

async function readBody(request: IncomingMessage, response: ServerResponse): Promise<{ body: unknown } | undefined> {
  try {
    return { body: await readJsonBody(request, MAX_BODY_BYTES) };
  } catch (error) {
    if (error instanceof BodyTooLargeError) send(response, 413, { error: `body larger than ${MAX_BODY_BYTES} bytes` });
    else send(response, 400, { error: 'body must be JSON' });
    return undefined;
  }
}

/**
 * The runner's API: open a session, list labs, say whether the engine answers, start a known lab,
 * stream a run, stop a run. Nothing here takes a command, a path or an image from the request.
 */
export function createApi(options: ApiOptions): (request: IncomingMessage, response: ServerResponse) => Promise<void> {
  // A presenter starts a lab every few minutes; a script hammering the endpoint is not a presenter.
  const runStarts = new RateLimit(10, 60_000);
  const keyTries = new RateLimit(20, 60_000);
  const runRoute = /^\/api\/runs\/([0-9a-f]{16})\/(events|stop)$/;

  return async function handleApi(request, response) {
    const method = request.method ?? 'GET';
    const path = new URL(request.url ?? '/', 'http://runner').pathname;

    if (path === API.session) {
      // Before any session exists: Host and Origin only, then the key itself.
      const refusal = checkHost(request.headers, options.port) ?? checkOrigin(method, request.headers, options.port);
      if (refusal) return send(response, refusal.status, { error: refusal.message });
      if (method !== 'POST') return send(response, 405, { error: 'POST only' });
      if (!keyTries.take()) return send(response, 429, { error: 'too many attempts; wait a minute' });
      const read = await readBody(request, response);
      if (!read) return;
      const session = options.sessions.open((read.body as { key?: unknown } | undefined)?.key);
      if (!session) return send(response, 401, { error: 'wrong key: open the link `npm start` printed' });
      response.setHeader('set-cookie', options.sessions.cookie(session));
      return send(response, 201, { csrf: session.csrf } satisfies SessionReply);
    }

    const checked = checkApiRequest(method, request.headers, options.port, options.sessions);
    if (isRefusal(checked)) return send(response, checked.status, { error: checked.message });

    if (method === 'GET' && path === API.labs) {
      return send(
        response,
        200,
        options.labs.map(({ id, title, shows }): LabListing => ({ id, title, shows })),
      );
    }
    if (method === 'GET' && path === API.engine) return send(response, 200, await options.engine.status());
    if (method === 'POST' && path === API.runs) {
      const read = await readBody(request, response);
      if (!read) return;
      const labId = (read.body as { lab?: unknown } | undefined)?.lab;
      const lab = options.labs.find((l) => l.id === labId);
      if (!lab) return send(response, 404, { error: `unknown lab ${JSON.stringify(labId ?? null)}` });
      if (!runStarts.take()) return send(response, 429, { error: 'too many runs started in the last minute' });
      try {
        const run = options.runs.start(lab);
        return send(response, 201, { runnerRunId: run.id, lab: lab.id } satisfies StartRunReply);
      } catch (error) {
        if (error instanceof RunLimitError) return send(response, error.status, { error: error.message });
        throw error;
      }
    }
    const route = runRoute.exec(path);
    const run = route ? options.runs.get(route[1]!) : undefined;
    if (route && !run) return send(response, 404, { error: 'unknown run' });
    if (run && method === 'GET' && route?.[2] === 'events') {
      if (run.followers >= MAX_FOLLOWERS_PER_RUN)
        return send(response, 429, { error: 'too many followers of this run' });
      return streamEvents(request, response, run);
    }
    if (run && method === 'POST' && route?.[2] === 'stop') {
      run.stop();
      return send(response, 202, { runnerRunId: run.id, stopping: !run.done });
    }
    return send(response, 404, { error: 'no such endpoint' });
  };
}
