// npm run pack-offline [-- --platform linux-x64 ...]: one archive per platform that installs and runs
// with no network. Each carries Wharf's files and an npm cache holding exactly the run-time packages
// that platform needs (its own esbuild, rolldown and lightningcss binaries); no test-only tools.
// Unpacked, `npm run install-offline` is `npm ci --offline` from that cache.
import { cp, mkdir, mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { $, chalk } from 'zx';
import { printFatal } from '../labs/kit/core/cli.ts';
import { WharfError } from '../labs/kit/core/errors.ts';
import { scriptArgs } from './args.ts';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
export const PLATFORMS = [
  'linux-x64',
  'linux-arm64',
  'darwin-x64',
  'darwin-arm64',
  'win32-x64',
  'win32-arm64',
] as const;
/** What the archive leaves out: tests and CI are for developing Wharf, not for running it. */
const LEFT_OUT = [/^tests\//, /^\.ci\//, /^\.github\//];
const MAX_BYTES = 60 * 2 ** 20;

export const archiveName = (version: string, platform: string) => `wharf-${version}-offline-${platform}.tar.gz`;

/** Fills `cache` with the tarballs a production install needs on `platform`, by doing one there. */
async function fillCache(platform: string, cache: string): Promise<void> {
  const [os, cpu] = platform.split('-') as [string, string];
  const scratch = await mkdtemp(join(tmpdir(), 'wharf-pack-'));
  try {
    await cp(join(ROOT, 'package.json'), join(scratch, 'package.json'));
    await cp(join(ROOT, 'package-lock.json'), join(scratch, 'package-lock.json'));
    const libc = os === 'linux' ? ['--libc', 'glibc'] : [];
    await $({
      cwd: scratch,
      quiet: true,
    })`npm ci --omit=dev --os ${os} --cpu ${cpu} ${libc} --ignore-scripts --no-audit --no-fund --cache ${cache}`;
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
  // Only the content-addressed store and its index: no logs, no temporary files.
  for (const extra of ['_logs', '_update-notifier-last-checked', 'tmp', '_npx'])
    await rm(join(cache, extra), { recursive: true, force: true });
}

export async function packOffline(platform: string, outDir: string): Promise<{ file: string; bytes: number }> {
  const { version } = JSON.parse(await readFile(join(ROOT, 'package.json'), 'utf8')) as { version: string };
  const top = archiveName(version, platform).replace(/\.tar\.gz$/, '');
  const stage = await mkdtemp(join(tmpdir(), 'wharf-stage-'));
  try {
    const files = (await $({ cwd: ROOT, quiet: true })`git ls-files -z`).stdout
      .split('\0')
      .filter((f) => f && !LEFT_OUT.some((re) => re.test(f)));
    for (const file of files) {
      // A file deleted in the work tree but still in the index is not part of what we ship.
      if (
        await stat(join(ROOT, file)).then(
          () => true,
          () => false,
        )
      ) {
        await mkdir(dirname(join(stage, top, file)), { recursive: true });
        await cp(join(ROOT, file), join(stage, top, file));
      }
    }
    await fillCache(platform, join(stage, top, 'npm-cache'));
    await mkdir(outDir, { recursive: true });
    const file = join(outDir, `${top}.tar.gz`);
    await $({ cwd: stage, quiet: true })`tar -czf ${file} ${top}`;
    return { file, bytes: (await stat(file)).size };
  } finally {
    await rm(stage, { recursive: true, force: true });
  }
}

async function main(): Promise<number> {
  const parsed = scriptArgs('usage: npm run pack-offline [-- --platform <name,...>] [--out <folder>]', {
    platform: { type: 'string', multiple: true },
    out: { type: 'string' },
  });
  if (!parsed) return 2;
  const args = parsed.values;
  const wanted = (args.platform ?? []).flatMap((p) => p.split(','));
  const unknown = wanted.filter((p) => !(PLATFORMS as readonly string[]).includes(p));
  if (unknown.length)
    throw new WharfError(`Unknown platform ${unknown.join(', ')}.`, `Platforms: ${PLATFORMS.join(', ')}`);
  const outDir = args.out ?? join(ROOT, 'offline');
  let tooBig = 0;
  for (const platform of wanted.length ? wanted : PLATFORMS) {
    const started = performance.now();
    const { file, bytes } = await packOffline(platform, outDir);
    const size = `${(bytes / 2 ** 20).toFixed(1)} MB`;
    if (bytes > MAX_BYTES) tooBig += 1;
    console.log(
      `${bytes > MAX_BYTES ? chalk.red('✘') : chalk.green('✔')} ${file}  ${size}  (${((performance.now() - started) / 1000).toFixed(0)} s)`,
    );
  }
  console.log(chalk.dim('On the laptop: unpack, cd into the folder, npm run install-offline, npm run doctor.'));
  return tooBig ? 1 : 0;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  process.exitCode = await main().catch((error: unknown) => {
    printFatal(error);
    return 1;
  });
}
