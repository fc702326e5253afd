import type { RevealPlugin } from 'reveal.js';

/**
 * reveal's highlight plugin bundles all of highlight.js (about 1 MB raw, several times the rest of
 * the deck), so it lives in its own chunk: the deck fetches it after the first paint and registers
 * it on the running deck (registering after `ready` runs its init at once). Print view, which has
 * no first paint to protect, loads it before start-up instead.
 */
export async function highlightPlugin(): Promise<RevealPlugin> {
  const { default: Highlight } = await import('reveal.js/plugin/highlight');
  return Highlight();
}
