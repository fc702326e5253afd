import { describe, expect, it } from 'vitest';
import { SessionStore } from '../../../runner/session.ts';

describe('runner sessions', () => {
  it("opens a session only for this start's key", () => {
    const store = new SessionStore(4173);
    expect(store.key).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(store.open(undefined)).toBeUndefined();
    expect(store.open('')).toBeUndefined();
    expect(store.open(`${store.key.slice(0, -1)}x`)).toBeUndefined();
    expect(store.open(new SessionStore(4173).key)).toBeUndefined();
    expect(store.open(store.key)).toMatchObject({ id: expect.any(String), csrf: expect.any(String) });
  });

  it('sets an HttpOnly, SameSite=Strict cookie for /api/ only, named after the port', () => {
    const store = new SessionStore(4180);
    const session = store.open(store.key)!;
    expect(store.cookie(session)).toBe(`wharf_session_4180=${session.id}; HttpOnly; SameSite=Strict; Path=/api/`);
  });

  it('needs both the cookie and the matching CSRF value', () => {
    const store = new SessionStore(4173);
    const a = store.open(store.key)!;
    const b = store.open(store.key)!;
    const cookie = (id: string) => `other=1; wharf_session_4173=${id}`;
    expect(store.verify(cookie(a.id), a.csrf)).toEqual(a);
    expect(store.verify(cookie(a.id), b.csrf)).toBeUndefined();
    expect(store.verify(cookie(a.id), undefined)).toBeUndefined();
    expect(store.verify(undefined, a.csrf)).toBeUndefined();
    expect(store.verify(`wharf_session_4174=${a.id}`, a.csrf)).toBeUndefined();
    expect(store.verify(cookie(a.csrf), a.id)).toBeUndefined();
  });

  it('keeps a bounded number of sessions, dropping the oldest', () => {
    const store = new SessionStore(4173);
    const first = store.open(store.key)!;
    const rest = Array.from({ length: 16 }, () => store.open(store.key)!);
    expect(store.verify(`wharf_session_4173=${first.id}`, first.csrf)).toBeUndefined();
    expect(store.verify(`wharf_session_4173=${rest[0]!.id}`, rest[0]!.csrf)).toBeDefined();
  });
});
