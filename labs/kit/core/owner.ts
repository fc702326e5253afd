import { randomBytes } from 'node:crypto';
import { linkSync, mkdirSync, readFileSync, readlinkSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cacheDir } from './cache-dir.ts';

/**
 * Who made an engine object: the client machine (and user) that ran the lab, and the process that
 * ran it. With these a later run can tell leftovers of a run whose process has ended (safe to remove)
 * from those of a run still going, or of another machine sharing the same engine (never ours to touch).
 */
export const CLIENT_LABEL = 'wharf.client';
export const PID_LABEL = 'wharf.pid';

const STORED_ID = /^[0-9a-f]{16}$/;

/**
 * A random id kept in Wharf's cache folder, made once per user and machine. A hostname is not
 * enough: a classroom's laptops may share one, and a laptop's changes with the network it is on.
 * When the folder cannot be written, a per-process id: nothing is then ever another run's to remove.
 */
export function storedClientId(dir: string): string {
  const file = join(dir, 'client-id');
  const read = () => {
    try {
      const id = readFileSync(file, 'utf8').trim();
      return STORED_ID.test(id) ? id : undefined;
    } catch {
      return undefined;
    }
  };
  const existing = read();
  if (existing) return existing;
  const id = randomBytes(8).toString('hex');
  const draft = `${file}.${process.pid}`;
  try {
    mkdirSync(dir, { recursive: true });
    writeFileSync(draft, `${id}\n`);
    try {
      linkSync(draft, file); // fails if another process got there first: its id wins
    } catch {
      if (read() === undefined) renameSync(draft, file); // an unreadable file: replace it
    }
    return read() ?? id;
  } catch {
    return id;
  } finally {
    try {
      rmSync(draft, { force: true });
    } catch {
      // no folder, no draft
    }
  }
}

/**
 * Pids are only comparable inside one PID namespace: a dev container sharing the cache folder with
 * its host must not judge the host's pids (or the other way round), so Linux adds the namespace.
 */
function pidNamespace(): string | undefined {
  try {
    return /\[(\d+)\]/.exec(readlinkSync('/proc/self/ns/pid'))?.[1];
  } catch {
    return undefined;
  }
}

let client: string | undefined;

/** This client's identity as the `wharf.client` label carries it. */
export function thisClient(): string {
  if (client === undefined) {
    const namespace = pidNamespace();
    client = `${storedClientId(cacheDir())}${namespace ? `:${namespace}` : ''}`;
  }
  return client;
}

/** The owner labels every object a lab creates carries, next to `wharf.lab` and `wharf.run`. */
export function ownerLabels(): Record<string, string> {
  return { [CLIENT_LABEL]: thisClient(), [PID_LABEL]: String(process.pid) };
}

/** Whether a process with this pid exists on this machine. Unsure (no permission to ask) counts as alive. */
export function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code !== 'ESRCH';
  }
}
