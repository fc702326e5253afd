import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Lab } from '../labs/kit/core/lab.ts';
import { BodyTooLargeError, readJsonBody } from './body.ts';
import type { EngineSource } from './engine-source.ts';
import { checkApiRequest, type GuardOptions } from './guard.ts';
import { RunLimitError, type RunManager } from './runs.ts';

export const MAX_BODY_BYTES = 1024;

export interface ApiOptions extends GuardOptions {
  labs: readonly Lab[];
  runs: RunManager;
  engine: EngineSource;
}

function send(response: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  response.end(text);
}

/** Streams a run's events as Server-Sent Events, from the first one, and ends with the run. */
function streamEvents(request: IncomingMessage, response: ServerResponse, run: NonNullable<ReturnType<RunManager['get']>>): void {
  // no-cache, not no-store: Chromium reports a streamed no-store response as aborted once it ends.
  response.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache', connection: 'keep-alive' });
  response.flushHeaders();
  const unsubscribe = run.subscribe(
    (streamed) => response.write(`data: ${JSON.stringify(streamed)}\n\n`),
    () => response.end('event: end\ndata: {}\n\n'),
  );
  request.on('close', unsubscribe);
}

/**
 * The runner's API. It knows five things: list labs, say whether the engine answers, start a known
 * lab, stream a run, stop a run.
 * Nothing here takes a command, a path or an image from the request.
 */
export async function handleApi(request: IncomingMessage, response: ServerResponse, options: ApiOptions): Promise<void> {
  const method = request.method ?? 'GET';
  const refusal = checkApiRequest(method, request.headers, options);
  if (refusal) return send(response, refusal.status, { error: refusal.message });

  const path = new URL(request.url ?? '/', 'http://runner').pathname;
  if (method === 'GET' && path === '/api/labs') {
    return send(response, 200, options.labs.map(({ id, title, shows }) => ({ id, title, shows })));
  }
  if (method === 'GET' && path === '/api/engine') {
    return send(response, 200, await options.engine.status());
  }
  if (method === 'POST' && path === '/api/runs') {
    let body: unknown;
    try {
      body = await readJsonBody(request, MAX_BODY_BYTES);
    } catch (error) {
      if (error instanceof BodyTooLargeError) return send(response, 413, { error: `body larger than ${MAX_BODY_BYTES} bytes` });
      return send(response, 400, { error: 'body must be JSON: {"lab": "<id>"}' });
    }
    const labId = (body as { lab?: unknown } | undefined)?.lab;
    const lab = options.labs.find((l) => l.id === labId);
    if (!lab) return send(response, 404, { error: `unknown lab ${JSON.stringify(labId ?? null)}` });
    try {
      const run = options.runs.start(lab);
      return send(response, 201, { runId: run.id, lab: lab.id });
    } catch (error) {
      if (error instanceof RunLimitError) return send(response, error.status, { error: error.message });
      throw error;
    }
  }
  const runRoute = /^\/api\/runs\/([0-9a-f]{16})\/(events|stop)$/.exec(path);
  const run = runRoute ? options.runs.get(runRoute[1]!) : undefined;
  if (runRoute && !run) return send(response, 404, { error: 'unknown run' });
  if (run && method === 'GET' && runRoute?.[2] === 'events') return streamEvents(request, response, run);
  if (run && method === 'POST' && runRoute?.[2] === 'stop') {
    run.stop();
    return send(response, 202, { runId: run.id, stopping: !run.done });
  }
  return send(response, 404, { error: 'no such endpoint' });
}
