import type Docker from 'dockerode';

interface CacheRecord {
  ID: string;
  InUse: boolean;
}

function dial<T>(docker: Docker, path: string, method: 'GET' | 'POST', options: object, signal: AbortSignal) {
  return new Promise<T>((resolve, reject) =>
    docker.modem.dial(
      { path, method, options, abortSignal: signal, statusCodes: { 200: true, 400: 'bad parameter', 500: 'error' } },
      (error, result) => (error ? reject(error) : resolve(result as T)),
    ),
  );
}

/** The ids of BuildKit's cache records (`docker system df -v`; engines before API 1.42 report everything). */
export async function buildCacheIds(docker: Docker, signal: AbortSignal): Promise<Set<string>> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      const df = await dial<{ BuildCache?: CacheRecord[] | null }>(
        docker,
        '/system/df?',
        'GET',
        { type: 'build-cache' },
        signal,
      );
      return new Set((df.BuildCache ?? []).map((record) => record.ID));
    } catch (error) {
      // The engine answers one disk-usage request at a time and refuses the others (two labs at once).
      if (attempt === 20 || !/disk usage operation is already running/.test(String(error))) throw error;
      await new Promise((resolve) => setTimeout(resolve, 250 * attempt));
      signal.throwIfAborted();
    }
  }
}

/** Ids per prune request: one regular expression naming them all keeps the request line short. */
const PER_REQUEST = 40;

/**
 * Removes the cache records BuildKit made since `before` was taken. The engine takes one value per
 * filter, but `id` is matched as a regular expression, so one request names a few dozen records;
 * BuildKit removes children before their parents within it. A record still in use (another build
 * running) is left alone. Returns how many went. BuildKit keeps its cache apart from images, so
 * removing a lab's images leaves it: the next run would find every step CACHED, and the lab's story
 * of what a rebuild reuses would be gone.
 */
export async function pruneBuildCacheSince(docker: Docker, before: Set<string>, signal: AbortSignal): Promise<number> {
  let left = [...(await buildCacheIds(docker, signal))].filter((id) => !before.has(id) && /^\w+$/.test(id));
  let removed = 0;
  // A parent named in an earlier request than its child stays until the child has gone: pass again
  // while a pass removes something.
  for (let progress = true; progress && left.length; ) {
    progress = false;
    const round = left;
    for (let i = 0; i < round.length; i += PER_REQUEST) {
      const filters = JSON.stringify({ id: [`"^(${round.slice(i, i + PER_REQUEST).join('|')})$"`] });
      const answer = await dial<{ CachesDeleted?: string[] | null }>(
        docker,
        '/build/prune?',
        'POST',
        { filters, all: true },
        signal,
      );
      const deleted = new Set(answer.CachesDeleted ?? []);
      removed += deleted.size;
      progress ||= deleted.size > 0;
      left = left.filter((id) => !deleted.has(id));
    }
  }
  return removed;
}
