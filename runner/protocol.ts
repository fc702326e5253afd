// What the runner streams to the deck and what recordings store. Types only: the deck bundles it.
import type { EngineSummary, LabEvent } from '../labs/kit/core/events.ts';

/** One event as the runner streams it: the lab's event, and the terminal text the CLI prints for it. */
export interface StreamedEvent {
  event: LabEvent;
  ansi?: string;
}

/** A lab's last recorded run (recordings/<lab>.json, written by `npm run record`). */
export interface Recording {
  lab: string;
  recordedAt: string;
  engine: EngineSummary & { os: string; kernel: string };
  events: StreamedEvent[];
}
