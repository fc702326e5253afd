import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';
import type { Cli } from './challenge.ts';

/** `which`, without loading a library for it: `npm run check` starts faster without. */
export function onPath(name: string, env: NodeJS.ProcessEnv = process.env, platform = process.platform): boolean {
  const extensions = platform === 'win32' ? (env.PATHEXT ?? '.EXE;.CMD;.BAT').split(';') : [''];
  return (env.PATH ?? '')
    .split(delimiter)
    .filter(Boolean)
    .some((dir) =>
      extensions.some((ext) => {
        try {
          accessSync(join(dir, name + ext), platform === 'win32' ? constants.F_OK : constants.X_OK);
          return true;
        } catch {
          return false;
        }
      }),
    );
}

/**
 * The CLI the attendee types: WHARF_CLI if set; `podman` when the engine that answered is Podman and
 * its CLI is installed; else `docker` if installed, else `podman` if installed, else `docker`.
 */
export function detectCli(
  product: string | undefined,
  env: NodeJS.ProcessEnv = process.env,
  has = (name: string) => onPath(name, env),
): Cli {
  if (env.WHARF_CLI === 'docker' || env.WHARF_CLI === 'podman') return env.WHARF_CLI;
  if (product === 'Podman' && has('podman')) return 'podman';
  if (has('docker')) return 'docker';
  if (has('podman')) return 'podman';
  return 'docker';
}
