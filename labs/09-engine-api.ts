#!/usr/bin/env tsx
// Lab "engine-api": the docker CLI and dockerode are HTTP clients; these are the requests behind `docker run`.
import { isMain, runLabCli } from './kit/cli.ts';
import { withinDeadline } from './kit/deadline.ts';
import { WharfError } from './kit/errors.ts';
import { defineLab } from './kit/lab.ts';
import { curlEquivalent, engineMessage, request, type RawResponse } from './kit/raw-http.ts';
import { demux } from './kit/streams.ts';

const GREETING = 'hello from the engine API';
const CALL_DEADLINE_MS = 15_000;

/** What the 8-byte header in front of a log frame says: which stream (byte 0), how long (bytes 4–7). */
function describeFrameHeader(body: Buffer): string {
  if (body.length < 8) return 'no frame';
  const stream = ['stdin', 'stdout', 'stderr'][body[0]!] ?? `stream ${body[0]}`;
  const hex = [...body.subarray(0, 8)].map((b) => b.toString(16).padStart(2, '0')).join(' ');
  return `frame header ${hex} = ${stream}, ${body.readUInt32BE(4)} bytes follow`;
}

export const lab = defineLab({
  id: 'engine-api',
  title: 'The engine is an HTTP API',
  shows: 'docker run is five HTTP requests over the engine socket: create, start, wait, logs, delete.',

  async run(ctx) {
    const { endpoint } = ctx.engine;
    /** "METHOD path status" for each request of the docker run story, in order. */
    const calls: string[] = [];

    /** One request under its own deadline, shown as request line and status; an unexpected status stops the lab. */
    const send = async (method: string, path: string, expected: number, body?: unknown): Promise<RawResponse> => {
      const response = await withinDeadline(`waiting for ${method} ${path}`, CALL_DEADLINE_MS, ctx.signal, (signal) =>
        request(endpoint, method, path, body, signal),
      );
      const text = response.body.toString('utf8').trim();
      // Short JSON answers are the point (an id, an exit code); long ones get summarised by the caller.
      const json = /json/.test(response.headers['content-type'] ?? '') && text.length <= 200 ? `  ${text}` : '';
      ctx.output(`→ ${method} ${path}${body === undefined ? '' : `\n  ${JSON.stringify(body)}`}\n← ${response.status} ${response.statusText}${json}`);
      if (response.status !== expected) {
        throw new WharfError(`${method} ${path} answered ${response.status} ${response.statusText}: ${engineMessage(response)}`);
      }
      return response;
    };

    ctx.step('Knock on the door: GET /_ping');
    const pingCurl = curlEquivalent(endpoint, 'GET', '/_ping');
    if (pingCurl) ctx.command(pingCurl);
    ctx.note(`No Docker library here: Node's own http module, talking to ${endpoint.socketPath ?? endpoint.host}.`);
    const ping = await send('GET', '/_ping', 200);
    ctx.output(`  body: ${ping.body.toString('utf8')}   Api-Version header: ${String(ping.headers['api-version'] ?? '(none)')}`);
    ctx.fact('pingBody', ping.body.toString('utf8'), 'Answer to GET /_ping');

    ctx.step('Agree on a language: GET /version');
    const versionCurl = curlEquivalent(endpoint, 'GET', '/version');
    if (versionCurl) ctx.command(versionCurl);
    const version = JSON.parse((await send('GET', '/version', 200)).body.toString('utf8')) as {
      Version: string;
      ApiVersion: string;
      MinAPIVersion?: string;
      Os: string;
      Arch: string;
    };
    ctx.output(`  Version ${version.Version} · ApiVersion ${version.ApiVersion} · MinAPIVersion ${version.MinAPIVersion ?? '?'} · ${version.Os}/${version.Arch}`);
    ctx.fact('serverVersion', version.Version, 'Engine version');
    ctx.fact('apiVersion', version.ApiVersion, 'API version it speaks');
    ctx.note(`Every path below starts with /v${version.ApiVersion}, the version this engine reported. An engine answers any version from MinAPIVersion up to its own, each in that version's format: that is how old clients keep working with new engines.`);
    const api = `/v${version.ApiVersion}`;

    ctx.step('docker run, one request at a time');
    ctx.command(`docker run --rm --network none ${ctx.baseImage} echo "${GREETING}"`);
    ctx.note('Underneath, the CLI sends five requests. Here they are, sent by hand:');
    const record = (method: string, path: string, response: RawResponse) => calls.push(`${method} ${path} ${response.status}`);

    const createPath = `${api}/containers/create?name=${encodeURIComponent(ctx.name('echo'))}`;
    const spec = { Image: ctx.baseImage, Cmd: ['echo', GREETING], Labels: ctx.labels, HostConfig: { NetworkMode: 'none' } };
    const created = await send('POST', createPath, 201, spec);
    record('POST', createPath, created);
    // The engine accepts any unique prefix of the id; the 12 characters `docker ps` shows keep the lines readable.
    const id = (JSON.parse(created.body.toString('utf8')) as { Id: string }).Id.slice(0, 12);
    ctx.fact('containerId', id, 'Container created');

    const startPath = `${api}/containers/${id}/start`;
    record('POST', startPath, await send('POST', startPath, 204));

    ctx.wait('waiting for the container to exit');
    const waitPath = `${api}/containers/${id}/wait?condition=not-running`;
    const waited = await send('POST', waitPath, 200);
    record('POST', waitPath, waited);
    ctx.fact('exitCode', (JSON.parse(waited.body.toString('utf8')) as { StatusCode: number }).StatusCode, 'Exit code, from the wait response');

    const logsPath = `${api}/containers/${id}/logs?stdout=1&stderr=1`;
    const logs = await send('GET', logsPath, 200);
    record('GET', logsPath, logs);
    ctx.output(`  ${describeFrameHeader(logs.body)}`);
    const { stdout, stderr } = await demux(ctx.docker, logs.body, ctx.signal);
    ctx.output(stdout + stderr);
    ctx.fact('logs', stdout.trimEnd(), 'Logs (stdout), with the frame headers taken off');
    ctx.note('Without a TTY, stdout and stderr share one byte stream: each chunk gets an 8-byte header saying which stream it is and how long.');

    const deletePath = `${api}/containers/${id}?force=1`;
    record('DELETE', deletePath, await send('DELETE', deletePath, 204));

    ctx.fact('calls', calls, 'Requests behind docker run, with their statuses');
    ctx.note('The real CLI also attaches to the output and starts its wait before start, so it cannot miss a fast exit; with --rm the engine deletes the container itself (AutoRemove).');
  },
});

if (isMain(import.meta.url)) process.exitCode = await runLabCli(lab, { json: process.argv.includes('--json') });
