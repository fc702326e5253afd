import type Docker from 'dockerode';
import { withDeadline } from './deadline.ts';
import { BASE_IMAGE } from './base-image.ts';

export interface CleanupReport {
  removed: string[];
  /** Objects that matched but could not be removed, with the reason. */
  leftovers: string[];
}

export interface CleanupOptions {
  /** Keep the shared base image: rebuilding it is cheap but pointless between labs. */
  keepBase?: boolean;
  deadlineMs?: number;
}

/**
 * Removes every container, network, volume and image carrying `label` (a Docker label filter such as
 * `wharf.run=abc` or `wharf.lab`). Containers go first, since they hold the others.
 */
export async function removeByLabel(docker: Docker, label: string, options: CleanupOptions = {}): Promise<CleanupReport> {
  const abortSignal = withDeadline(undefined, options.deadlineMs ?? 20_000);
  const filters = JSON.stringify({ label: [label] });
  const report: CleanupReport = { removed: [], leftovers: [] };
  const attempt = async (what: string, remove: () => Promise<unknown>) => {
    try {
      await remove();
      report.removed.push(what);
    } catch (error) {
      const status = (error as { statusCode?: number }).statusCode;
      if (status === 404) return; // already gone: someone else cleaned it, which is what we wanted
      report.leftovers.push(`${what}: ${(error as Error).message}`);
    }
  };

  const containers = await docker.listContainers({ all: true, filters, abortSignal });
  await Promise.all(
    containers.map((c) =>
      attempt(`container ${c.Names[0] ?? c.Id}`, () => docker.getContainer(c.Id).remove({ force: true, v: true, abortSignal })),
    ),
  );
  const networks = await docker.listNetworks({ filters, abortSignal });
  await Promise.all(networks.map((n) => attempt(`network ${n.Name}`, () => docker.getNetwork(n.Id).remove({ abortSignal }))));
  const { Volumes: volumes } = await docker.listVolumes({ filters, abortSignal });
  await Promise.all(
    (volumes ?? []).map((v) => attempt(`volume ${v.Name}`, () => docker.getVolume(v.Name).remove({ abortSignal }))),
  );
  const images = await docker.listImages({ all: true, filters, abortSignal });
  // Newest first, so a child image goes before the parent it was built on.
  images.sort((a, b) => b.Created - a.Created);
  for (const image of images) {
    // Only the tagged base itself: untagged images that inherited its labels are leftovers.
    if (options.keepBase && image.RepoTags?.includes(BASE_IMAGE)) continue;
    await attempt(`image ${image.RepoTags?.[0] ?? image.Id.slice(7, 19)}`, () =>
      docker.getImage(image.Id).remove({ force: true, abortSignal }),
    );
  }
  return report;
}
