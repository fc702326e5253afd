import { runToCompletion, type Completed } from './containers.ts';
import type { LabContext } from './lab.ts';

export const ENGINE_DIR = '/engine';

/**
 * Runs a shell script in a short-lived helper container with `enginePath` mounted read-only at
 * /engine. The path is one the engine reported (a layer directory, a volume's mountpoint): it names a
 * place on the ENGINE's host, which the engine resolves itself, so this works where the engine lives
 * in a VM and the path means nothing on this machine. It needs no privilege, unlike reaching the
 * same files through /proc/1/root from a --pid=host helper.
 */
export function inEngineDirectory(ctx: LabContext, enginePath: string, script: string): Promise<Completed> {
  return runToCompletion(ctx.docker, {
    image: ctx.baseImage,
    cmd: ['sh', '-c', script],
    labels: { ...ctx.labels, 'wharf.role': 'engine-files' },
    hostConfig: { Mounts: [{ Type: 'bind', Source: enginePath, Target: ENGINE_DIR, ReadOnly: true }] },
    signal: ctx.signal,
  });
}
