// The offline archive for this machine's platform, installed the way a room with no Wi-Fi would:
// the registry pointed at a closed loopback port, npm told to stay offline and, where this runs as
// root on Linux, inside a network namespace with no network at all. Then doctor and a lab run from it.
import { mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { $ } from 'zx';
import { packOffline } from '../../scripts/pack-offline.ts';

const platform = `${process.platform}-${process.arch}`;
const CLOSED_REGISTRY = 'http://127.0.0.1:9'; // port 9 (discard): nothing listens there
let work: string;
let folder: string;
let archiveBytes: number;

/** No network at all when we can have it (root on Linux), else only the closed registry and --offline. */
async function withoutNetwork(): Promise<string[]> {
  const canUnshare =
    process.platform === 'linux' &&
    process.getuid?.() === 0 &&
    (await $({ nothrow: true, quiet: true })`unshare --net true`).exitCode === 0;
  return canUnshare ? ['unshare', '--net', 'sh', '-c', 'ip link set lo up 2>/dev/null; exec "$@"', 'sh'] : [];
}

const offlineEnv = () => ({ ...process.env, npm_config_registry: CLOSED_REGISTRY, npm_config_offline: 'true' });

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'wharf-offline-'));
  const { file, bytes } = await packOffline(platform, work);
  archiveBytes = bytes;
  expect(file.endsWith(`-offline-${platform}.tar.gz`)).toBe(true);
  await $({ cwd: work, quiet: true })`tar -xzf ${file}`;
  const [top] = (await readdir(work)).filter((name) => !name.endsWith('.tar.gz'));
  folder = join(work, top!);
}, 600_000);

afterAll(async () => {
  if (work) await rm(work, { recursive: true, force: true });
});

describe(`offline archive for ${platform}`, () => {
  it('is named for its platform and stays within 60 MB', () => {
    expect(folder).toMatch(new RegExp(`wharf-.+-offline-${platform}$`));
    expect(archiveBytes).toBeLessThanOrEqual(60 * 2 ** 20);
    console.log(`archive ${(archiveBytes / 2 ** 20).toFixed(1)} MB`);
  });

  it('installs with no registry reachable, without the test-only tools, with its own native binaries', async () => {
    const jail = await withoutNetwork();
    const started = performance.now();
    const result = await $({
      cwd: folder,
      env: offlineEnv(),
      nothrow: true,
      quiet: true,
    })`${jail} npm run install-offline`;
    console.log(
      `offline install ${((performance.now() - started) / 1000).toFixed(1)} s${jail.length ? ' (in a network namespace with no network)' : ' (registry closed, --offline)'}`,
    );
    expect(result.exitCode, result.stderr).toBe(0);
    const installed = await readdir(join(folder, 'node_modules'));
    for (const devOnly of ['vitest', 'playwright-core', 'typescript']) expect(installed).not.toContain(devOnly);
    await stat(join(folder, 'node_modules', '@esbuild', platform));
    expect(
      (await readdir(join(folder, 'node_modules', '@rolldown'))).some((name) => name.startsWith(`binding-${platform}`)),
    ).toBe(true);
  }, 300_000);

  it('runs npm run doctor, a lab and a challenge from the unpacked folder', async () => {
    const jail = await withoutNetwork();
    const env = offlineEnv();
    const doctor = await $({ cwd: folder, env, nothrow: true, quiet: true })`${jail} npm run -s doctor`;
    expect(doctor.exitCode, doctor.stdout + doctor.stderr).toBe(0);
    expect(doctor.stdout).toContain('Ready for the workshop.');
    const lab = await $({ cwd: folder, env, nothrow: true, quiet: true })`${jail} npm run -s lab -- processes`;
    expect(lab.exitCode, lab.stdout + lab.stderr).toBe(0);
    const list = await $({ cwd: folder, env, nothrow: true, quiet: true })`${jail} npm run -s challenge -- --list`;
    expect(list.stdout).toContain('pid-on-host');
  }, 300_000);
});
