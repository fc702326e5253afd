import { spawn } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { WharfError } from '../../labs/kit/core/errors.ts';
import { imageCacheRoot, RECIPE_DIR, recipeHash } from './recipe.ts';

export interface VmImage {
  dir: string;
  disk: string;
  kernel: string;
  initrd: string;
  /** The Debian suite it was built from: sid, or trixie when sid could not be installed. */
  suite: string;
  /** Installed package → version, as dpkg reported it inside the image. */
  packages: Map<string, string>;
}

/** Suites to try in order: sid moves daily and is sometimes uninstallable for a while. */
export const SUITES = ['sid', 'trixie'];

function readImage(dir: string): VmImage {
  const packages = new Map(
    readFileSync(join(dir, 'manifest.txt'), 'utf8')
      .trim()
      .split('\n')
      .map((line) => line.split(' ') as [string, string]),
  );
  return {
    dir,
    disk: join(dir, 'root.img'),
    kernel: join(dir, 'vmlinuz'),
    initrd: join(dir, 'initrd.img'),
    suite: readFileSync(join(dir, 'suite'), 'utf8').trim(),
    packages,
  };
}

function runBuild(outDir: string, suite: string, logPath: string, onLine: (line: string) => void): Promise<number> {
  return new Promise((resolve, reject) => {
    const log = createWriteStream(logPath, { flags: 'a' });
    const child = spawn('bash', [join(RECIPE_DIR, 'build-image.sh'), outDir, suite], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let pending = '';
    const onData = (chunk: Buffer) => {
      log.write(chunk);
      pending += chunk.toString();
      const lines = pending.split('\n');
      pending = lines.pop() ?? '';
      lines.forEach(onLine);
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('error', reject);
    child.on('close', (code) => log.end(() => resolve(code ?? 1)));
  });
}

/** Reuses the cached image for this recipe, or builds it (sid, else trixie) and drops older ones. */
export async function ensureImage(
  onLine: (line: string) => void,
  beforeBuild: () => void = () => {},
): Promise<{ image: VmImage; builtMs?: number }> {
  const root = imageCacheRoot();
  const dir = join(root, recipeHash());
  if (existsSync(join(dir, 'root.img'))) return { image: readImage(dir) };

  beforeBuild();
  // A new machine has no cache folder yet: the build log and the image go there.
  mkdirSync(root, { recursive: true });
  const started = performance.now();
  const partial = `${dir}.partial-${process.pid}`;
  const logPath = `${dir}.build.log`;
  rmSync(logPath, { force: true });
  const failures: string[] = [];
  for (const suite of SUITES) {
    rmSync(partial, { recursive: true, force: true });
    onLine(`building the VM image from Debian ${suite} (log: ${logPath})`);
    const code = await runBuild(partial, suite, logPath, onLine);
    if (code === 0) {
      renameSync(partial, dir);
      for (const other of readdirSync(root))
        if (join(root, other) !== dir && !other.endsWith('.build.log'))
          rmSync(join(root, other), { recursive: true, force: true });
      return { image: readImage(dir), builtMs: performance.now() - started };
    }
    failures.push(`${suite}: build-image.sh exited with ${code}`);
    onLine(`Debian ${suite} could not be installed (exit ${code})${suite === 'sid' ? '; trying trixie' : ''}`);
  }
  rmSync(partial, { recursive: true, force: true });
  const tail = readFileSync(logPath, 'utf8').trim().split('\n').slice(-15).join('\n');
  throw new WharfError(
    `Could not build the engine VM image (${failures.join('; ')}).`,
    `The build log (${logPath}) ends with:\n${tail}`,
  );
}
