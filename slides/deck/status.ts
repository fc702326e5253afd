import type { RevealApi } from 'reveal.js';
import type { Lang } from './lang.ts';

/**
 * What the deck reports about itself on `window.wharfDeck`: the browser tests and the PDF export
 * wait on these flags instead of guessing with timeouts.
 */
export interface DeckStatus {
  lang: Lang;
  /** Reveal fired `ready`. */
  ready: boolean;
  /** ms from navigation start to Reveal's `ready`. */
  readyMs?: number;
  /** Syntax highlighting applied (it loads after first paint). */
  highlighted: boolean;
  /** Lab panes and myth charts in place, each showing its recording (they load after first paint). */
  labs: boolean;
  /** Print view laid out every PDF page (only in `?print-pdf`). */
  printReady: boolean;
  /** Fatal start-up error, if any. */
  error?: string;
  reveal?: RevealApi;
}

declare global {
  interface Window {
    wharfDeck?: DeckStatus;
  }
}

export function createStatus(lang: Lang): DeckStatus {
  const status: DeckStatus = { lang, ready: false, highlighted: false, labs: false, printReady: false };
  window.wharfDeck = status;
  return status;
}
