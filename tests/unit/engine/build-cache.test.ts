import type Docker from 'dockerode';
import { describe, expect, it } from 'vitest';
import { pruneBuildCacheSince } from '../../../labs/kit/engine/build-cache.ts';

/** An engine's build cache: records with parents; one with children left, or in use, is not removed. */
function fakeEngine(records: { id: string; parent?: string; inUse?: boolean }[]) {
  const asked: string[] = [];
  const dial = (options: { path: string; options: { filters?: string } }, done: (e: null, r: unknown) => void) => {
    if (options.path.startsWith('/system/df')) return done(null, { BuildCache: records.map((r) => ({ ID: r.id })) });
    const [id] = (JSON.parse(options.options.filters ?? '{}') as { id: string[] }).id;
    asked.push(id!);
    const record = records.find((r) => r.id === id);
    const free = record && !record.inUse && !records.some((other) => other.parent === id);
    if (free) records.splice(records.indexOf(record), 1);
    done(null, { CachesDeleted: free ? [id] : null });
  };
  return { docker: { modem: { dial } } as unknown as Docker, asked, records };
}

describe('pruneBuildCacheSince', () => {
  it("removes only the run's new records, children before parents, and leaves one in use", async () => {
    const engine = fakeEngine([
      { id: 'base' },
      { id: 'copy', parent: 'base' },
      { id: 'run', parent: 'copy' },
      { id: 'other-build', inUse: true },
    ]);
    const removed = await pruneBuildCacheSince(engine.docker, new Set(['base']), AbortSignal.timeout(1000));
    expect(removed).toBe(2);
    expect(engine.records.map((r) => r.id)).toEqual(['base', 'other-build']);
    // "copy" still had "run" on it the first time round, so it was asked again.
    expect(engine.asked.filter((id) => id === 'copy')).toHaveLength(2);
  });
});
