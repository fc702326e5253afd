import { API, KEY_FRAGMENT, RUNNER_META, type SessionReply } from '../../../runner/protocol.ts';

const CSRF_STORAGE = 'wharf-runner-csrf';
const KEY_IN_HASH = new RegExp(`^#${KEY_FRAGMENT}=([A-Za-z0-9_-]{16,128})$`);

/**
 * Takes the runner key out of the address (`#wharf-key=…`, from the link `npm start` printed)
 * before reveal.js reads the hash as a slide id, and removes it from the address bar and history.
 */
export function takeRunnerKey(): string | undefined {
  const match = KEY_IN_HASH.exec(window.location.hash);
  if (!match) return undefined;
  history.replaceState(history.state, '', window.location.pathname + window.location.search);
  return match[1];
}

/** A speaker-view preview (reveal's notes plugin loads the deck in iframes with `?receiver`). */
export const isSpeakerPreview = () => /(^|[?&])receiver(&|=|$)/i.test(window.location.search.slice(1));

/** How this page may reach a runner. */
export type RunnerAccess =
  /** A static build, the PDF or a speaker preview: no runner to talk to. */
  | { kind: 'none' }
  /** Served by a runner, but this tab has no session: it was not opened from the printed link. */
  | { kind: 'locked' }
  | { kind: 'session'; csrf: string };

/**
 * Exchanges the printed key for a session (an HttpOnly cookie for /api/ and a CSRF value kept in
 * sessionStorage, which only this origin and tab can read), or reuses this tab's session.
 */
export async function openRunnerSession(key: string | undefined): Promise<RunnerAccess> {
  if (isSpeakerPreview() || !document.querySelector(`meta[name="${RUNNER_META}"]`)) return { kind: 'none' };
  if (key) {
    try {
      const response = await fetch(API.session, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ key }),
        signal: AbortSignal.timeout(5000),
      });
      if (response.ok) {
        const { csrf } = (await response.json()) as SessionReply;
        sessionStorage.setItem(CSRF_STORAGE, csrf);
        return { kind: 'session', csrf };
      }
    } catch {
      // the runner went away between serving the page and now: same as no session
    }
  }
  const csrf = sessionStorage.getItem(CSRF_STORAGE);
  return csrf ? { kind: 'session', csrf } : { kind: 'locked' };
}

/** The runner no longer knows this tab's session (it was restarted): forget it. */
export function forgetRunnerSession(): void {
  sessionStorage.removeItem(CSRF_STORAGE);
}
