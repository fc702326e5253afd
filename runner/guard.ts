import type { IncomingHttpHeaders } from 'node:http';
import { deckHost, deckOrigin } from './config.ts';
import { CSRF_HEADER } from './protocol.ts';
import type { Session, SessionStore } from './session.ts';

/** Why a request was refused, as an HTTP status and a sentence. */
export interface Refusal {
  status: number;
  message: string;
}

/**
 * Host check for every request, deck included: a page on another site that re-points its own DNS
 * name at 127.0.0.1 (DNS rebinding) still sends its own name as Host, so it is refused here. Only
 * the canonical 127.0.0.1:<port> passes; `localhost` may resolve to [::1], which is not ours.
 */
export function checkHost(headers: IncomingHttpHeaders, port: number): Refusal | undefined {
  if (headers.host !== deckHost(port)) {
    return { status: 421, message: `Host "${headers.host ?? ''}" refused: open ${deckOrigin(port)}/` };
  }
  return undefined;
}

/**
 * Origin checks for an API request. Browsers send Origin on every POST and every cross-origin
 * request, so a missing Origin is accepted only for GET; any Origin but the deck's exact one is
 * refused, and so is anything the browser marks as not same-origin (another port on 127.0.0.1 is
 * "same-site", not "same-origin").
 */
export function checkOrigin(method: string, headers: IncomingHttpHeaders, port: number): Refusal | undefined {
  const origin = headers.origin;
  if (origin !== undefined && origin !== deckOrigin(port))
    return { status: 403, message: `Origin "${origin}" refused` };
  if (origin === undefined && method !== 'GET') return { status: 403, message: 'Origin header required' };
  const site = headers['sec-fetch-site'];
  if (site !== undefined && site !== 'same-origin') return { status: 403, message: `${site} request refused` };
  return undefined;
}

/** Host, Origin, then the session: its cookie and its CSRF header must both match. */
export function checkApiRequest(
  method: string,
  headers: IncomingHttpHeaders,
  port: number,
  sessions: SessionStore,
): Refusal | { session: Session } {
  const refusal = checkHost(headers, port) ?? checkOrigin(method, headers, port);
  if (refusal) return refusal;
  const csrf = headers[CSRF_HEADER];
  const session = sessions.verify(headers.cookie, typeof csrf === 'string' ? csrf : undefined);
  if (!session) return { status: 401, message: 'no runner session: open the link `npm start` printed' };
  return { session };
}

export const isRefusal = (value: Refusal | object): value is Refusal => 'status' in value;
