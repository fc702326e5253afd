import type Docker from 'dockerode';
import type { Names } from './challenge.ts';
import { withDeadline } from './kit.ts';

export interface ResetReport {
  removed: string[];
  failed: string[];
}

const gone = (error: unknown) => (error as { statusCode?: number }).statusCode === 404;

/**
 * Removes exactly the objects a challenge named, in the order it names them (dependants first),
 * and nothing else: the attendee's other containers, volumes and images are theirs.
 */
export async function removeNamed(docker: Docker, names: Names, signal?: AbortSignal): Promise<ResetReport> {
  const report: ResetReport = { removed: [], failed: [] };
  const abortSignal = withDeadline(signal, 20_000);
  const attempt = async (what: string, remove: () => Promise<unknown>) => {
    try {
      await remove();
      report.removed.push(what);
    } catch (error) {
      if (!gone(error)) report.failed.push(`${what}: ${(error as Error).message}`);
    }
  };
  // One at a time: a container whose network namespace another one joined goes after that one.
  for (const name of names.containers ?? []) {
    await attempt(`container ${name}`, () => docker.getContainer(name).remove({ force: true, v: true, abortSignal }));
  }
  for (const name of names.volumes ?? [])
    await attempt(`volume ${name}`, () => docker.getVolume(name).remove({ abortSignal }));
  for (const name of names.images ?? [])
    await attempt(`image ${name}`, () => docker.getImage(name).remove({ abortSignal }));
  return report;
}
