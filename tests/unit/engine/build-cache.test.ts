import type Docker from 'dockerode';
import { describe, expect, it } from 'vitest';
import { pruneBuildCacheSince } from '../../../labs/kit/engine/build-cache.ts';

interface CacheRecord {
  id: string;
  parent?: string;
  inUse?: boolean;
}

/**
 * An engine's build cache as BuildKit prunes it: the records a request's `id` filter matches (a
 * quoted regular expression), children before parents, until none more can go; a record in use,
 * or with a child left, stays.
 */
function fakeEngine(records: CacheRecord[]) {
  const requests: string[] = [];
  const dial = (options: { path: string; options: { filters?: string } }, done: (e: null, r: unknown) => void) => {
    if (options.path.startsWith('/system/df')) return done(null, { BuildCache: records.map((r) => ({ ID: r.id })) });
    const [quoted] = (JSON.parse(options.options.filters ?? '{}') as { id: string[] }).id;
    requests.push(quoted!);
    const pattern = new RegExp(quoted!.replace(/^"|"$/g, ''));
    const deleted: string[] = [];
    for (let again = true; again; ) {
      again = false;
      for (const record of [...records]) {
        const free = !record.inUse && !records.some((other) => other.parent === record.id);
        if (pattern.test(record.id) && free) {
          records.splice(records.indexOf(record), 1);
          deleted.push(record.id);
          again = true;
        }
      }
    }
    done(null, { CachesDeleted: deleted.length ? deleted : null });
  };
  return { docker: { modem: { dial } } as unknown as Docker, requests, records };
}

describe('pruneBuildCacheSince', () => {
  it("removes only the run's new records, in one request, and leaves one in use", async () => {
    const engine = fakeEngine([
      { id: 'base' },
      { id: 'copy', parent: 'base' },
      { id: 'run', parent: 'copy' },
      { id: 'other', inUse: true },
    ]);
    const removed = await pruneBuildCacheSince(engine.docker, new Set(['base']), AbortSignal.timeout(1000));
    expect(removed).toBe(2);
    expect(engine.records.map((r) => r.id)).toEqual(['base', 'other']);
    expect(engine.requests[0]).toBe('"^(copy|run|other)$"');
  });

  it('names a few dozen records per request, and passes again for a parent whose child came later', async () => {
    // 41 records: the first request names the 40 first, among them the parent of the 41st.
    const chain: CacheRecord[] = Array.from({ length: 40 }, (_, i) => ({ id: `r${i}` }));
    chain.push({ id: 'last', parent: 'r0' });
    const engine = fakeEngine(chain);
    expect(await pruneBuildCacheSince(engine.docker, new Set(), AbortSignal.timeout(1000))).toBe(41);
    expect(engine.records).toEqual([]);
    expect(engine.requests).toHaveLength(3);
  });
});
