// The whole wire contract between the deck and the runner, and what recordings store. The deck
// bundles this file, so it holds constants and types only: nothing that needs Node.
import type { EngineSummary, LabEvent } from '../labs/kit/core/events.ts';

/** Every route the runner answers under /api/. */
export const API = {
  labs: '/api/labs',
  engine: '/api/engine',
  session: '/api/session',
  runs: '/api/runs',
  runEvents: (runnerRunId: string) => `/api/runs/${runnerRunId}/events`,
  stopRun: (runnerRunId: string) => `/api/runs/${runnerRunId}/stop`,
} as const;

/** The per-session value every API request repeats in this header (a page of another origin cannot read it). */
export const CSRF_HEADER = 'x-wharf-csrf';

/** Put into the deck's <head> by `npm start` and `npm run dev`: "a runner serves this page". It is not a secret. */
export const RUNNER_META = 'wharf-runner';

/** `npm start` prints the deck's URL with `#<KEY_FRAGMENT>=<key>`: the fragment never reaches a server log or a Referer. */
export const KEY_FRAGMENT = 'wharf-key';

/** POST /api/session: the key from the printed URL, exchanged for an HttpOnly cookie and a CSRF value. */
export interface SessionRequest {
  key: string;
}
export interface SessionReply {
  csrf: string;
}

/** POST /api/runs */
export interface StartRunRequest {
  lab: string;
}
export interface StartRunReply {
  /** The runner's id for this run (routes above); distinct from the lab's own `labelRunId` in its labels. */
  runnerRunId: string;
  lab: string;
}

/** GET /api/labs */
export interface LabListing {
  id: string;
  title: string;
  shows: string;
}

/** GET /api/engine */
export type EngineStatus =
  | { ok: true; product: string; version: string; arch: string; host: string; passedOver: string[] }
  | { ok: false; error: string; hint?: string };

/** Any refusal or failure. */
export interface ErrorReply {
  error: string;
}

/**
 * One event as the runner streams it (SSE `data:`) and a recording keeps it: keys and values, no
 * rendered text, so the deck tells it in the language on screen.
 */
export interface StreamedEvent {
  event: LabEvent;
}

/** Where a recording was made, when that changes how to read it (the deck words each). */
export const RECORDING_SETTINGS = ['emulated-vm'] as const;
export type RecordingSetting = (typeof RECORDING_SETTINGS)[number];

/** A lab's last recorded run (recordings/<lab>.json, written by `npm run record`). */
export interface Recording {
  lab: string;
  recordedAt: string;
  engine: EngineSummary & { os: string; kernel: string };
  /** What a viewer must know about where it was made: `emulated-vm`, a VM under software emulation. */
  setting?: RecordingSetting;
  events: StreamedEvent[];
}
