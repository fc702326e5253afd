import type { Recording } from './types.ts';

// Bundled into the deck, so the static build and the PDF carry them with no server at all.
const files = import.meta.glob<Recording>('../../../recordings/*.json', { eager: true, import: 'default' });

export function recordingFor(lab: string): Recording | undefined {
  return Object.values(files).find((recording) => recording.lab === lab);
}
