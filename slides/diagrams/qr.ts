import type { QrSymbol } from './qr-symbol.ts';
import { esc } from './svg.ts';

/** The standard's minimum margin, in modules. */
export const QUIET_ZONE = 4;

/**
 * A QR code as an SVG string from a symbol encoded at build time (no network, no image file, no
 * encoder in the page): one path of unit squares in a viewBox of modules, scaled to `size` pixels.
 */
export function qrSvg(symbol: QrSymbol, { size, title, uid }: { size: number; title: string; uid: string }): string {
  const view = symbol.size + 2 * QUIET_ZONE;
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" class="dg dg-qr" role="img" width="${size}" height="${size}"` +
    ` viewBox="0 0 ${view} ${view}" shape-rendering="crispEdges" aria-labelledby="${uid}-qr-title">` +
    `<title id="${uid}-qr-title">${esc(title)}</title>` +
    `<rect width="${view}" height="${view}" fill="#fff"/>` +
    `<path fill="#111418" d="${symbol.path}"/></svg>`
  );
}
