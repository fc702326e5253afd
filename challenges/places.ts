import { join } from 'node:path';
import { cacheDir } from '../labs/kit/core/cache-dir.ts';

export { cacheDir };

/** The folder a challenge hands the attendee (bind mounts, build contexts). */
export const workDirOf = (id: string, base = cacheDir()) => join(base, 'challenges', id);

export const stateFile = (base = cacheDir()) => join(base, 'challenges-state.json');
