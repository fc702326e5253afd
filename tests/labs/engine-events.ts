import { buffer } from 'node:stream/consumers';
import type Docker from 'dockerode';

export interface EngineEvent {
  Action: string;
  id: string;
  timeNano: number;
  Actor: { Attributes: Record<string, string> };
}

/** A container's life as the tests ask about it; each engine has its own word for the last one. */
export type ContainerAction = 'create' | 'start' | 'destroy';

/**
 * The engine's word for an action. Podman's Docker API renames only `died` (to `die`) and an image's
 * `remove` (to `delete`); a container's removal stays `remove` where Docker says `destroy`
 * (seen on Podman 5.8.6: create, init, start, die, remove for a `docker run --rm`).
 */
export function actionName(product: string, action: ContainerAction): string {
  return action === 'destroy' && product === 'Podman' ? 'remove' : action;
}

/**
 * The engine's own clock, in seconds since the epoch with a fraction, as its event filters take
 * them: an engine in a VM (or on another host) can be seconds apart from this machine's clock.
 */
export async function engineNow(docker: Docker): Promise<number> {
  const { SystemTime } = (await docker.info()) as { SystemTime: string };
  return Date.parse(SystemTime) / 1000;
}

/** Where an event query should end: the engine's now, and 2 s past it on Podman (see `runEvents`). */
export async function eventsUntil(docker: Docker, product: string): Promise<string> {
  return ((await engineNow(docker)) + (product === 'Podman' ? 2 : 0)).toFixed(3);
}

/**
 * The engine's log of one run's container events since a time (engine clock, seconds), with each
 * event's Action in the tests' words (`destroy` for Podman's `remove`).
 *
 * `until` is a little past the engine's now, so the engine ends the stream only after it has read
 * its log: Podman with its file event log (no systemd journal) cut a stream whose `until` had
 * already passed short, at random — the same query gave 256 events, then 2, 1, 2, 0 — and gave
 * all of them every time when `until` lay 2 s ahead. Docker gives them all with `until` now, and would
 * only wait: the margin is Podman's alone (`eventsUntil`).
 */
export async function runEvents(
  docker: Docker,
  product: string,
  runLabel: string,
  since: number,
  actions: ContainerAction[],
): Promise<EngineEvent[]> {
  const byName = new Map(actions.map((action) => [actionName(product, action), action]));
  const stream = await docker.getEvents({
    since: since.toFixed(3),
    until: await eventsUntil(docker, product),
    filters: { type: ['container'], event: [...byName.keys()], label: [`wharf.run=${runLabel}`] },
  } as unknown as Docker.GetEventsOptions);
  return (await buffer(stream))
    .toString('utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as EngineEvent)
    .filter((e) => byName.has(e.Action))
    .map((e) => ({ ...e, Action: byName.get(e.Action) as string }));
}
