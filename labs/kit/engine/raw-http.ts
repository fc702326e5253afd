import http from 'node:http';
import https from 'node:https';
import { WharfError } from '../core/errors.ts';
import { dockerOptions, type Endpoint } from './endpoint.ts';

/**
 * A bare HTTP client for the engine's API, for showing that dockerode (and the docker CLI) are only
 * that: plain requests over the engine's socket. Labs use dockerode for everything else.
 */

export interface RawResponse {
  status: number;
  statusText: string;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

interface Target {
  client: typeof http | typeof https;
  options: http.RequestOptions;
  /** The same request as curl, where curl can make it. */
  curl?: (method: string, path: string) => string;
}

/** Where to send requests: the same address and TLS material dockerode would use for this endpoint. */
function targetOf(endpoint: Endpoint): Target {
  if (endpoint.host.startsWith('ssh:')) {
    throw new WharfError(
      `The engine is reached over ssh (${endpoint.host}), and a raw HTTP request needs a unix socket, a Windows pipe or a tcp address.`,
      'Forward the remote socket first, e.g. `ssh -nNT -L /tmp/docker.sock:/var/run/docker.sock <host>`, then run with DOCKER_HOST=unix:///tmp/docker.sock.',
    );
  }
  const options = dockerOptions(endpoint);
  if (options.socketPath) {
    // On Windows the path is a named pipe (\\.\pipe\docker_engine); Node opens it the same way.
    const path = options.socketPath;
    const curl = path.startsWith('\\\\')
      ? undefined
      : (method: string, url: string) => `curl -s --unix-socket ${path} -X ${method} http://localhost${url}`;
    return { client: http, options: { socketPath: path }, curl };
  }
  const secure = options.protocol === 'https';
  const base = `${secure ? 'https' : 'http'}://${options.host}:${options.port}`;
  const tls = endpoint.tlsDir
    ? ` --cacert ${endpoint.tlsDir}/ca.pem --cert ${endpoint.tlsDir}/cert.pem --key ${endpoint.tlsDir}/key.pem`
    : '';
  return {
    client: secure ? https : http,
    options: {
      host: options.host,
      port: Number(options.port),
      ca: options.ca,
      cert: options.cert,
      key: options.key,
    } as https.RequestOptions,
    curl: (method, url) => `curl -s${tls} -X ${method} ${base}${url}`,
  };
}

/**
 * One HTTP request to the engine. `body`, when given, is sent as JSON. `signal` is required: every
 * request to the engine has a deadline (a wait on a container may otherwise block forever).
 * The whole response body is read into a Buffer; an engine error status is returned, not thrown.
 */
export function request(
  endpoint: Endpoint,
  method: string,
  path: string,
  body: unknown,
  signal: AbortSignal,
): Promise<RawResponse> {
  const { client, options } = targetOf(endpoint);
  const payload = body === undefined ? undefined : Buffer.from(JSON.stringify(body));
  const headers = payload ? { 'Content-Type': 'application/json', 'Content-Length': payload.length } : {};
  return new Promise((resolve, reject) => {
    const req = client.request({ ...options, method, path, headers, signal }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () =>
        resolve({
          status: res.statusCode ?? 0,
          statusText: res.statusMessage ?? '',
          headers: res.headers,
          body: Buffer.concat(chunks),
        }),
      );
      // An abort or a dropped connection mid-body surfaces here, not on the request.
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(payload);
  });
}

/** The curl command that makes the same request, or undefined where curl cannot (Windows pipes). */
export function curlEquivalent(endpoint: Endpoint, method: string, path: string): string | undefined {
  return targetOf(endpoint).curl?.(method, path);
}

/** The engine's error text: its JSON `{"message": …}` when there is one, else the body as text. */
export function engineMessage(response: RawResponse): string {
  const text = response.body.toString('utf8').trim();
  try {
    const parsed = JSON.parse(text) as { message?: unknown };
    if (typeof parsed.message === 'string') return parsed.message;
  } catch {
    // not JSON: fall through to the raw text
  }
  return text || `${response.status} ${response.statusText}`;
}
