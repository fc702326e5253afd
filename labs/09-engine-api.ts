// Lab "engine-api": the docker CLI and dockerode are HTTP clients; these are the requests behind `docker run`.
import * as kit from './kit/index.ts';
import { type ContextFor, defineLab, fact, runIfMain } from './kit/index.ts';

const facts = {
  pingBody: fact<string>('Answer to GET /_ping'),
  serverVersion: fact<string>('Engine version'),
  apiVersion: fact<string>('API version it speaks'),
  containerId: fact<string>('Container created'),
  exitCode: fact<number>('Exit code, from the wait response'),
  logs: fact<string>('Logs (stdout), with the frame headers taken off'),
  calls: fact<string[]>('Requests behind docker run, with their statuses'),
};
type Ctx = ContextFor<typeof facts>;
type Version = { Version: string; ApiVersion: string; MinAPIVersion?: string; Os: string; Arch: string };

const GREETING = 'hello from the engine API';
const CALL_DEADLINE_MS = 15_000;

/** One request under its own deadline, shown as request line and status; an unexpected status stops the lab. */
async function send(
  ctx: Ctx,
  method: string,
  path: string,
  expected: number,
  body?: unknown,
): Promise<kit.RawResponse> {
  const response = await kit.withinDeadline(`waiting for ${method} ${path}`, CALL_DEADLINE_MS, ctx.signal, (signal) =>
    kit.request(ctx.engine.endpoint, method, path, body, signal),
  );
  const text = response.body.toString('utf8').trim();
  // Short JSON answers are the point (an id, an exit code); long ones get summarised by the caller.
  const json = /json/.test(response.headers['content-type'] ?? '') && text.length <= 200 ? `  ${text}` : '';
  const sent = body === undefined ? '' : `\n  ${JSON.stringify(body)}`;
  ctx.output(`→ ${method} ${path}${sent}\n← ${response.status} ${response.statusText}${json}`);
  if (response.status !== expected) {
    const said = kit.engineMessage(response);
    throw new kit.WharfError(`${method} ${path} answered ${response.status} ${response.statusText}: ${said}`);
  }
  return response;
}

/** The curl line for a request, where curl can make it (not over a Windows pipe). */
function showCurl(ctx: Ctx, method: string, path: string): void {
  const curl = kit.curlEquivalent(ctx.engine.endpoint, method, path);
  if (curl) ctx.shown(curl);
}

async function handshake(ctx: Ctx): Promise<string> {
  ctx.step('Knock on the door: GET /_ping');
  showCurl(ctx, 'GET', '/_ping');
  ctx.note(
    `No Docker library here: Node's own http module, talking to
      ${ctx.engine.endpoint.socketPath ?? ctx.engine.endpoint.host}.`,
  );
  const ping = await send(ctx, 'GET', '/_ping', 200);
  const apiHeader = String(ping.headers['api-version'] ?? '(none)');
  ctx.output(`  body: ${ping.body.toString('utf8')}   Api-Version header: ${apiHeader}`);
  ctx.fact('pingBody', ping.body.toString('utf8'));

  ctx.step('Agree on a language: GET /version');
  showCurl(ctx, 'GET', '/version');
  const v = JSON.parse((await send(ctx, 'GET', '/version', 200)).body.toString('utf8')) as Version;
  ctx.output(
    `  Version ${v.Version} · ApiVersion ${v.ApiVersion} · MinAPIVersion ${v.MinAPIVersion ?? '?'} · ` +
      `${v.Os}/${v.Arch}`,
  );
  ctx.facts({ serverVersion: v.Version, apiVersion: v.ApiVersion });
  ctx.note(`Every path below starts with /v${v.ApiVersion}, the version this engine reported. An engine answers any
    version from MinAPIVersion up to its own, each in that version's format: that is how old clients keep working with
    new engines.`);
  return `/v${v.ApiVersion}`;
}

export const lab = defineLab({
  id: 'engine-api',
  title: 'The engine is an HTTP API',
  shows: 'docker run is five HTTP requests over the engine socket: create, start, wait, logs, delete.',
  facts,
  async run(ctx) {
    const api = await handshake(ctx);
    ctx.step('docker run, one request at a time');
    const plan = ctx.plan({ name: 'echo', cmd: ['echo', GREETING] });
    ctx.note('Underneath, the CLI sends five requests. Here they are, sent by hand:');
    /** "METHOD path status" for each request of the docker run story, in order. */
    const calls: string[] = [];
    const call = async (method: string, path: string, expected: number, body?: unknown) => {
      const response = await send(ctx, method, path, expected, body);
      calls.push(`${method} ${path} ${response.status}`);
      return response;
    };

    const { name, ...body } = plan.body;
    const created = await call('POST', `${api}/containers/create?name=${encodeURIComponent(name ?? '')}`, 201, body);
    // The engine accepts any unique prefix of the id; the 12 characters `docker ps` shows keep the lines readable.
    const id = (JSON.parse(created.body.toString('utf8')) as { Id: string }).Id.slice(0, 12);
    await plan.created(id);
    ctx.fact('containerId', id);
    await call('POST', `${api}/containers/${id}/start`, 204);
    ctx.wait('waiting for the container to exit');
    const waited = await call('POST', `${api}/containers/${id}/wait?condition=not-running`, 200);
    ctx.fact('exitCode', (JSON.parse(waited.body.toString('utf8')) as { StatusCode: number }).StatusCode);
    const logs = await call('GET', `${api}/containers/${id}/logs?stdout=1&stderr=1`, 200);
    ctx.output(`  ${kit.describeFrameHeader(logs.body)}`);
    const { stdout, stderr } = await kit.demux(ctx.docker, logs.body, ctx.signal);
    ctx.output(stdout + stderr);
    ctx.fact('logs', stdout.trimEnd());
    ctx.note(`Without a TTY, stdout and stderr share one byte stream: each chunk gets an 8-byte header saying which
      stream it is and how long.`);
    await call('DELETE', `${api}/containers/${id}?force=1`, 204);
    ctx.fact('calls', calls);
    ctx.note(`The real CLI also attaches to the output and starts its wait before start, so it cannot miss a fast exit;
      with --rm the engine deletes the container itself (AutoRemove).`);
  },
});

await runIfMain(import.meta.url, lab);
