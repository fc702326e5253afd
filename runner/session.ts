import { randomBytes, timingSafeEqual } from 'node:crypto';

/** At most this many browser sessions per start: each tab that opens the printed link makes one. */
const MAX_SESSIONS = 16;

export interface Session {
  id: string;
  csrf: string;
}

const secret = () => randomBytes(32).toString('base64url');

export function sameSecret(given: string, expected: string): boolean {
  const left = Buffer.from(given);
  const right = Buffer.from(expected);
  return left.length === right.length && timingSafeEqual(left, right);
}

/**
 * Who may drive the runner, in the model Jupyter's local server uses: `npm start` prints a URL whose
 * fragment holds this start's key. Only the presenter's terminal ever shows it; nothing the server
 * serves contains it. A page that has the key exchanges it for a session: an HttpOnly cookie
 * (scripts cannot read it) plus a CSRF value the page keeps in sessionStorage, which is private to
 * the deck's origin (port included, unlike cookies), and repeats in a header on every request.
 */
export class SessionStore {
  readonly key = secret();
  readonly cookieName: string;
  readonly #sessions = new Map<string, Session>();

  constructor(port: number) {
    // Cookies ignore ports: a per-port name keeps two decks on one machine from clobbering each other.
    this.cookieName = `wharf_session_${port}`;
  }

  /** A new session for the right key; the oldest is dropped beyond the cap. */
  open(key: unknown): Session | undefined {
    if (typeof key !== 'string' || !sameSecret(key, this.key)) return undefined;
    const session = { id: secret(), csrf: secret() };
    this.#sessions.set(session.id, session);
    if (this.#sessions.size > MAX_SESSIONS) this.#sessions.delete(this.#sessions.keys().next().value!);
    return session;
  }

  /** The Set-Cookie value for a session: HttpOnly, SameSite=Strict, sent only to /api/. */
  cookie(session: Session): string {
    return `${this.cookieName}=${session.id}; HttpOnly; SameSite=Strict; Path=/api/`;
  }

  /** The session a request's cookie names, if its CSRF header matches it. */
  verify(cookieHeader: string | undefined, csrf: string | undefined): Session | undefined {
    const id = readCookie(cookieHeader, this.cookieName);
    const session = id === undefined ? undefined : this.#sessions.get(id);
    if (!session || typeof csrf !== 'string' || !sameSecret(csrf, session.csrf)) return undefined;
    return session;
  }
}

function readCookie(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const [key, ...value] = part.trim().split('=');
    if (key === name) return value.join('=');
  }
  return undefined;
}
