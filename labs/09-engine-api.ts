// Lab "engine-api": the docker CLI and dockerode are HTTP clients; these are the requests behind `docker run`.
import * as kit from './kit/index.ts';
import { type ContextFor, defineLab, fact, runIfMain } from './kit/index.ts';
import { engineApi as text } from './text/engine-api.ts';

const facts = {
  pingBody: fact<string>(),
  serverVersion: fact<string>(),
  apiVersion: fact<string>(),
  containerId: fact<string>(),
  exitCode: fact<number>(),
  logs: fact<string>(),
  calls: fact<string[]>(),
};
type Ctx = ContextFor<typeof facts, typeof text>;
type Version = { Version: string; ApiVersion: string; MinAPIVersion?: string; Os: string; Arch: string };

const GREETING = 'hello from the engine API';
const CALL_DEADLINE_MS = 15_000;

/** One request under its own deadline, shown as request line and status; an unexpected status stops the lab. */
async function send(ctx: Ctx, method: string, path: string, expected: number, body?: unknown) {
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
  ctx.step('ping');
  showCurl(ctx, 'GET', '/_ping');
  ctx.note('plainHttp', { socket: ctx.engine.endpoint.socketPath ?? ctx.engine.endpoint.host });
  const ping = await send(ctx, 'GET', '/_ping', 200);
  const apiHeader = String(ping.headers['api-version'] ?? '(none)');
  ctx.output(`  body: ${ping.body.toString('utf8')}   Api-Version header: ${apiHeader}`);
  ctx.fact('pingBody', ping.body.toString('utf8'));

  ctx.step('version');
  showCurl(ctx, 'GET', '/version');
  const v = JSON.parse((await send(ctx, 'GET', '/version', 200)).body.toString('utf8')) as Version;
  ctx.output(
    `  Version ${v.Version} · ApiVersion ${v.ApiVersion} · MinAPIVersion ${v.MinAPIVersion ?? '?'} · ${v.Os}/${v.Arch}`,
  );
  ctx.facts({ serverVersion: v.Version, apiVersion: v.ApiVersion });
  ctx.note('versionedPaths', { version: v.ApiVersion });
  return `/v${v.ApiVersion}`;
}

export const lab = defineLab({
  id: 'engine-api',
  text,
  facts,
  async run(ctx) {
    const api = await handshake(ctx);
    ctx.step('dockerRun');
    const plan = ctx.plan({ name: 'echo', cmd: ['echo', GREETING] });
    ctx.note('fiveRequests');
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
    ctx.wait('waitingForExit');
    const waited = await call('POST', `${api}/containers/${id}/wait?condition=not-running`, 200);
    ctx.fact('exitCode', (JSON.parse(waited.body.toString('utf8')) as { StatusCode: number }).StatusCode);
    const logs = await call('GET', `${api}/containers/${id}/logs?stdout=1&stderr=1`, 200);
    ctx.output(`  ${kit.describeFrameHeader(logs.body)}`);
    const { stdout, stderr } = await kit.demux(ctx.docker, logs.body, ctx.signal);
    ctx.output(stdout + stderr);
    ctx.fact('logs', stdout.trimEnd());
    ctx.note('frameHeaders');
    await call('DELETE', `${api}/containers/${id}?force=1`, 204);
    ctx.fact('calls', calls);
    ctx.note('realCli');
  },
});

await runIfMain(import.meta.url, lab);
