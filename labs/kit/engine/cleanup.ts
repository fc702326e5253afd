import { setMaxListeners } from 'node:events';
import type Docker from 'dockerode';
import { retry } from 'zx';
import { withDeadline } from '../core/deadline.ts';
import { isBaseImage } from './base-image.ts';

export interface CleanupReport {
  removed: string[];
  /** Objects that matched but could not be removed, with the reason. */
  leftovers: string[];
}

export interface CleanupOptions {
  /** Keep the shared base image: rebuilding it is cheap but pointless between labs. */
  keepBase?: boolean;
  deadlineMs?: number;
  /** Of the objects carrying the label, only those whose labels pass (the sweep of ended runs). */
  select?: (labels: Record<string, string> | undefined) => boolean;
}

interface Removal {
  what: string;
  remove: () => Promise<unknown>;
}

/** Already gone counts as removed: someone else cleaned it, which is what we wanted. */
function isGone(error: unknown): boolean {
  return (error as { statusCode?: number }).statusCode === 404 || /no such|not known/i.test((error as Error).message);
}

/**
 * Removes each object, then tries the failures once more, one at a time: a failure is often an
 * object that depended on another removed meanwhile (Podman refuses to remove a container whose
 * network namespace another container shares; image parents and children race).
 */
async function removeAll(report: CleanupReport, removals: Removal[], { parallel = true } = {}): Promise<void> {
  const failed: Removal[] = [];
  const once = async (removal: Removal, onError: (error: unknown) => void) => {
    try {
      await removal.remove();
      report.removed.push(removal.what);
    } catch (error) {
      if (!isGone(error)) onError(error);
    }
  };
  if (parallel) await Promise.all(removals.map((r) => once(r, () => failed.push(r))));
  else for (const r of removals) await once(r, () => failed.push(r));
  for (const r of failed) await once(r, (error) => report.leftovers.push(`${r.what}: ${(error as Error).message}`));
}

/**
 * Removes every container, network, volume and image carrying `label` (a Docker label filter such as
 * `wharf.run=abc` or `wharf.lab`). Containers go first, since they hold the others.
 */
export async function removeByLabel(
  docker: Docker,
  label: string,
  options: CleanupOptions = {},
): Promise<CleanupReport> {
  const abortSignal = withDeadline(undefined, options.deadlineMs ?? 20_000);
  // Every removal in flight listens on it: a sweep after a 50-container lab is not a leak.
  setMaxListeners(0, abortSignal);
  const filters = JSON.stringify({ label: [label] });
  const report: CleanupReport = { removed: [], leftovers: [] };
  const chosen = <T extends { Labels?: Record<string, string> | null }>(objects: T[]) =>
    options.select ? objects.filter((o) => options.select?.(o.Labels ?? undefined)) : objects;
  const containers = chosen(await docker.listContainers({ all: true, filters, abortSignal }));
  await removeAll(
    report,
    containers.map((c) => ({
      what: `container ${c.Names[0] ?? c.Id}`,
      remove: () => docker.getContainer(c.Id).remove({ force: true, v: true, abortSignal }),
    })),
  );
  const networks = chosen(await docker.listNetworks({ filters, abortSignal }));
  await removeAll(
    report,
    networks.map((n) => ({ what: `network ${n.Name}`, remove: () => docker.getNetwork(n.Id).remove({ abortSignal }) })),
  );
  const { Volumes: volumes } = await docker.listVolumes({ filters, abortSignal });
  await removeAll(
    report,
    chosen(volumes ?? []).map((v) => ({
      what: `volume ${v.Name}`,
      remove: () => docker.getVolume(v.Name).remove({ abortSignal }),
    })),
  );
  // Podman 4 can fail a listing while another run removes images it would have listed: ask again.
  const images = chosen(await retry(3, '200ms', () => docker.listImages({ all: true, filters, abortSignal })));
  // Newest first and one at a time, so a child image goes before the parent it was built on.
  images.sort((a, b) => b.Created - a.Created);
  const removable = images.filter((image) => !(options.keepBase && isBaseImage(image.RepoTags)));
  await removeAll(
    report,
    removable.map((image) => ({
      what: `image ${image.RepoTags?.[0] ?? image.Id.slice(7, 19)}`,
      remove: () => docker.getImage(image.Id).remove({ force: true, abortSignal }),
    })),
    { parallel: false },
  );
  return report;
}
