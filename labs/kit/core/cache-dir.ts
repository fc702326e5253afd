import { homedir } from 'node:os';
import { join } from 'node:path';

/**
 * Wharf's per-user folder, outside the repo: the platform's cache directory (XDG on Linux,
 * ~/Library/Caches on macOS, %LOCALAPPDATA% on Windows), or WHARF_CACHE_DIR. It lives under the
 * home folder on every platform, which Docker Desktop, Colima and Podman machine share with their VM,
 * so a bind mount of a folder in it works wherever the engine runs.
 */
export function cacheDir(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
  home = homedir(),
): string {
  if (env.WHARF_CACHE_DIR) return env.WHARF_CACHE_DIR;
  if (platform === 'darwin') return join(home, 'Library', 'Caches', 'wharf');
  if (platform === 'win32') return join(env.LOCALAPPDATA || join(home, 'AppData', 'Local'), 'wharf');
  return join(env.XDG_CACHE_HOME || join(home, '.cache'), 'wharf');
}

/**
 * Where the VM tools keep what they download or build: a Debian kernel (vm/), the engine matrix's disk
 * images (engines/). Large and shared by every run on this machine, so apart from the state above: tests
 * that move that state (WHARF_CACHE_DIR) still find them. WHARF_CACHE moves it. Linux only, like QEMU here.
 */
export function vmToolsCacheDir(env: NodeJS.ProcessEnv = process.env, home = homedir()): string {
  return env.WHARF_CACHE || join(env.XDG_CACHE_HOME || join(home, '.cache'), 'wharf');
}
