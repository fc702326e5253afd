import type { RevealApi } from 'reveal.js';

/** Same test reveal applies to decide on print view; usable before the deck starts. */
export function printRequested(search: string = window.location.search): boolean {
  return /print-pdf/i.test(search);
}

/**
 * reveal 6 types `isPrintingPDF()` but only implements `isPrintView()` at run time.
 */
export function isPrintView(deck: RevealApi): boolean {
  const api = deck as RevealApi & { isPrintView?: () => boolean };
  return typeof api.isPrintView === 'function' ? api.isPrintView() : false;
}
