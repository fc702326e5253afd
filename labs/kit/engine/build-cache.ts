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

/**
 * Removes the cache records BuildKit made since `before` was taken, one by one: the engine takes a
 * single id per filter. A record still in use (another build running) is left alone. Returns how
 * many went. BuildKit keeps its cache apart from images, so removing a lab's images leaves it: the
 * next run would find every step CACHED, and the lab's story of what a rebuild reuses would be gone.
 */
export async function pruneBuildCacheSince(docker: Docker, before: Set<string>, signal: AbortSignal): Promise<number> {
  let left = [...(await buildCacheIds(docker, signal))].filter((id) => !before.has(id));
  let removed = 0;
  // A record with children (the next step's layer) stays until they have gone: pass again while a
  // pass removes something.
  for (let progress = true; progress && left.length; ) {
    progress = false;
    for (const id of left) {
      const filters = JSON.stringify({ id: [id] });
      const answer = await dial<{ CachesDeleted?: string[] | null }>(
        docker,
        '/build/prune?',
        'POST',
        { filters, all: true },
        signal,
      );
      const deleted = answer.CachesDeleted ?? [];
      removed += deleted.length;
      progress ||= deleted.length > 0;
      left = left.filter((other) => !deleted.includes(other));
    }
  }
  return removed;
}
