import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { vmToolsCacheDir } from '../../labs/kit/core/cache-dir.ts';

/** The recipe of the matrix VM: build script, package list and the guest's own files. */
export const RECIPE_DIR = fileURLToPath(new URL('./image/', import.meta.url));

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) => (entry.isDirectory() ? filesUnder(join(dir, entry.name)) : [join(dir, entry.name)]))
    .sort();
}

/**
 * A digest of every recipe file's path, mode and content: the image is rebuilt exactly when one of
 * them changes (an executable bit matters too: the guest's init must be executable).
 */
export function recipeHash(dir = RECIPE_DIR): string {
  const hash = createHash('sha256');
  for (const file of filesUnder(dir)) {
    hash.update(`${relative(dir, file)}\0${statSync(file).mode & 0o777}\0`);
    hash.update(readFileSync(file));
    hash.update('\0');
  }
  return hash.digest('hex').slice(0, 16);
}

/** Outside the repository: ${WHARF_CACHE or XDG_CACHE_HOME/wharf or ~/.cache/wharf}/engines. */
export function imageCacheRoot(env: NodeJS.ProcessEnv = process.env, home = homedir()): string {
  return join(vmToolsCacheDir(env, home), 'engines');
}
