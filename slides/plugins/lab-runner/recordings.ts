import type { Recording } from './types.ts';

// Bundled with the deck, so the static build and the PDF carry them with no server at all; each
// is its own chunk, fetched only when its lab slide shows it. recordings/<lab>.json is the default
// set; recordings/<set>/<lab>.json are other engines' recordings (docker-20.10-cgroup-v1).
const files = import.meta.glob<Recording>('../../../recordings/**/*.json', { import: 'default' });

const SET_NAME = /^[a-z0-9][a-z0-9.-]*$/;

/** The set of a recording's path: '' for the default set, else its folder. */
function setOf(path: string): string {
  const [, set = ''] = /recordings\/(?:([^/]+)\/)?[^/]+\.json$/.exec(path) ?? [];
  return set;
}

const labOf = (path: string) => path.replace(/^.*\//, '').replace(/\.json$/, '');

/** The set this page asks for (`?recordings=docker-20.10-cgroup-v1`), or the default one. */
export function chosenSet(search = globalThis.location?.search ?? ''): string {
  const asked = new URLSearchParams(search).get('recordings') ?? '';
  return SET_NAME.test(asked) ? asked : '';
}

/** Every set that has a recording of this lab, the default one ('') first. */
export function setsFor(lab: string): string[] {
  const sets = Object.keys(files)
    .filter((path) => labOf(path) === lab)
    .map(setOf);
  return [...new Set(sets)].sort((a, b) => (a === '' ? -1 : b === '' ? 1 : a.localeCompare(b)));
}

/** The lab's recording in the chosen set, else in the default set. */
export async function recordingFor(lab: string, set = chosenSet()): Promise<Recording | undefined> {
  const find = (wanted: string) =>
    Object.entries(files).find(([path]) => labOf(path) === lab && setOf(path) === wanted)?.[1];
  return (find(set) ?? find(''))?.();
}

/** This page's address with another set chosen ('' for the default), keeping the slide. */
export function addressFor(set: string, location: Pick<Location, 'search' | 'hash' | 'pathname'>): string {
  const params = new URLSearchParams(location.search);
  if (set) params.set('recordings', set);
  else params.delete('recordings');
  const query = params.toString();
  return `${location.pathname}${query ? `?${query}` : ''}${location.hash}`;
}
