import { createHash } from 'node:crypto';
import { readdir, readFile, rename, rm } from 'node:fs/promises';
import { join, relative, resolve, sep } from 'node:path';
import type { Plugin } from 'vite';

/** Written into the build by `buildStampPlugin`: what the deck was built from. */
export const STAMP_FILE = '.wharf-build.json';

/** Always inputs: everything the deck globs (chapters, recordings) plus what decides how it builds. */
const INPUT_DIRS = ['slides', 'recordings'];
const INPUT_FILES = ['vite.config.ts', 'package-lock.json', 'tsconfig.json'];

interface Stamp {
  inputsHash: string;
  /** Modules the build read outside INPUT_DIRS (repo-relative), e.g. shared code a slide imports. */
  extraInputs: string[];
}

async function filesUnder(root: string, dir: string): Promise<string[]> {
  const entries = await readdir(join(root, dir), { withFileTypes: true, recursive: true }).catch(() => []);
  return entries.filter((e) => e.isFile()).map((e) => relative(root, join(e.parentPath, e.name)).split(sep).join('/'));
}

/** One hash over the names and contents of every input, so an added, removed or edited file changes it. */
export async function hashDeckInputs(root: string, extraInputs: readonly string[]): Promise<string> {
  const listed = (await Promise.all(INPUT_DIRS.map((dir) => filesUnder(root, dir)))).flat();
  const files = [...new Set([...listed, ...INPUT_FILES, ...extraInputs])].sort();
  const hash = createHash('sha256');
  for (const file of files) {
    hash.update(`${file}\0`);
    hash.update(await readFile(join(root, file)).catch(() => Buffer.from('(missing)')));
    hash.update('\0');
  }
  return hash.digest('hex');
}

/** Vite plugin: records what a build was made from, so `npm start` can tell when it is stale. */
export function buildStampPlugin(root: string): Plugin {
  return {
    name: 'wharf-build-stamp',
    apply: 'build',
    async generateBundle() {
      const inRepo = (id: string) => id.startsWith(root + sep) && !id.includes(`${sep}node_modules${sep}`);
      const extraInputs = [...this.getModuleIds()]
        .map((id) => id.split('?')[0]!)
        .filter(inRepo)
        .map((id) => relative(root, id).split(sep).join('/'))
        .filter((file) => !INPUT_DIRS.some((dir) => file.startsWith(`${dir}/`)));
      const stamp: Stamp = {
        inputsHash: await hashDeckInputs(root, extraInputs),
        extraInputs: [...new Set(extraInputs)].sort(),
      };
      this.emitFile({ type: 'asset', fileName: STAMP_FILE, source: JSON.stringify(stamp, null, 2) });
    },
  };
}

/** Whether `dist` holds a build of the current inputs. */
export async function isBuildFresh(root: string, dist: string): Promise<boolean> {
  try {
    const stamp = JSON.parse(await readFile(join(dist, STAMP_FILE), 'utf8')) as Stamp;
    return stamp.inputsHash === (await hashDeckInputs(root, stamp.extraInputs));
  } catch {
    return false;
  }
}

/** One vite build of the deck, with the project's own config, into `outDir`. */
export async function buildDeck(root: string, outDir: string): Promise<void> {
  const { build } = await import('vite');
  await build({ configFile: join(root, 'vite.config.ts'), logLevel: 'warn', build: { outDir, emptyOutDir: true } });
}

/**
 * Builds the deck when `dist` is missing or stale. It builds beside `dist` and swaps it in, so a
 * half-written build is never served and two starts at once each end with a whole one.
 */
export async function ensureDeckBuilt(root: string, options: { log?: (line: string) => void } = {}): Promise<string> {
  const dist = resolve(root, 'dist');
  if (await isBuildFresh(root, dist)) return dist;
  options.log?.('Building the deck (its sources changed since the last build)…');
  const staging = resolve(root, `.dist-${process.pid}-${Date.now()}`);
  try {
    await buildDeck(root, staging);
    await rm(dist, { recursive: true, force: true });
    await rename(staging, dist).catch(async (error: unknown) => {
      // Another start swapped its build in first: fine, if it is of the same inputs.
      if (!(await isBuildFresh(root, dist))) throw error;
    });
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
  return dist;
}
