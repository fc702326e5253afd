import { timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';

/** Why a request was refused, as an HTTP status and a sentence. */
export interface Refusal {
  status: number;
  message: string;
}

export interface GuardOptions {
  port: number;
  token: string;
}

const allowedHosts = (port: number) => [`127.0.0.1:${port}`, `localhost:${port}`];
const allowedOrigins = (port: number) => allowedHosts(port).map((host) => `http://${host}`);

/**
 * Host check for every request, deck included: a page on another site that re-points its own DNS
 * name at 127.0.0.1 (DNS rebinding) still sends its own name as Host, so it is refused here.
 */
export function checkHost(headers: IncomingHttpHeaders, { port }: Pick<GuardOptions, 'port'>): Refusal | undefined {
  if (!allowedHosts(port).includes(headers.host ?? '')) {
    return { status: 421, message: `Host "${headers.host ?? ''}" refused: use http://127.0.0.1:${port}/` };
  }
  return undefined;
}

/**
 * API checks on top of the host check. Browsers always send Origin on POST and on cross-origin
 * requests, so a missing Origin is accepted only for GET; any Origin other than the deck's own is
 * refused. The token is embedded in the deck the runner serves, which other origins cannot read.
 */
export function checkApiRequest(method: string, headers: IncomingHttpHeaders, options: GuardOptions): Refusal | undefined {
  const host = checkHost(headers, options);
  if (host) return host;
  const origin = headers.origin;
  if (origin !== undefined && !allowedOrigins(options.port).includes(origin)) {
    return { status: 403, message: `Origin "${origin}" refused` };
  }
  if (origin === undefined && method !== 'GET') return { status: 403, message: 'Origin header required' };
  if (headers['sec-fetch-site'] === 'cross-site') return { status: 403, message: 'cross-site request refused' };
  const token = headers['x-wharf-token'];
  if (typeof token !== 'string' || token.length === 0) return { status: 401, message: 'runner token missing' };
  if (!timingSafeEqualStrings(token, options.token)) return { status: 401, message: 'runner token wrong' };
  return undefined;
}

function timingSafeEqualStrings(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}
