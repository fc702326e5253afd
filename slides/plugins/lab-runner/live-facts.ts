import type { EngineSummary, Facts } from './types.ts';

/** The facts of a lab's last live run in this tab, and the engine it ran on. */
export interface LiveRun {
  lab: string;
  facts: Facts;
  engine: EngineSummary;
}

const EVENT = 'wharf-live-facts';
const storageKey = (lab: string) => `wharf-live-facts:${lab}`;

/**
 * Kept in sessionStorage, so a language switch (a reload of the same tab) still shows the room's
 * own figures; facts are what the screen already showed, nothing secret.
 */
export function saveLiveRun(run: LiveRun): void {
  try {
    sessionStorage.setItem(storageKey(run.lab), JSON.stringify(run));
  } catch {
    // storage full or disabled: the charts still update for this page
  }
  window.dispatchEvent(new CustomEvent<LiveRun>(EVENT, { detail: run }));
}

export function liveRunOf(lab: string): LiveRun | undefined {
  try {
    const stored = sessionStorage.getItem(storageKey(lab));
    return stored ? (JSON.parse(stored) as LiveRun) : undefined;
  } catch {
    return undefined;
  }
}

export function onLiveRun(listener: (run: LiveRun) => void): void {
  window.addEventListener(EVENT, (event) => listener((event as CustomEvent<LiveRun>).detail));
}
