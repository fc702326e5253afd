import type { Recording } from './types.ts';

// Bundled with the deck, so the static build and the PDF carry them with no server at all; each
// is its own chunk, fetched only when its lab slide shows it.
const files = import.meta.glob<Recording>('../../../recordings/*.json', { import: 'default' });

export async function recordingFor(lab: string): Promise<Recording | undefined> {
  const load = Object.entries(files).find(([path]) => path.endsWith(`/${lab}.json`))?.[1];
  return load?.();
}
