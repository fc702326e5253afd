import { create } from 'qrcode';
import { esc } from './svg.ts';

/**
 * A QR code as an SVG string, computed in the page from the text itself (no network, no image
 * file): one path of unit squares in a viewBox of modules, scaled to `size` slide pixels.
 */
export function qrSvg(text: string, { size, title, uid }: { size: number; title: string; uid: string }): string {
  // M is the usual level for a projected code: readable from a phone at the back with 15 % damage.
  const { modules } = create(text, { errorCorrectionLevel: 'M' });
  const quiet = 4; // the standard's minimum margin, in modules
  const dark: string[] = [];
  for (let row = 0; row < modules.size; row++) {
    for (let col = 0; col < modules.size; col++) {
      if (modules.get(row, col)) dark.push(`M${col + quiet} ${row + quiet}h1v1h-1z`);
    }
  }
  const view = modules.size + 2 * quiet;
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" class="dg dg-qr" role="img" width="${size}" height="${size}"` +
    ` viewBox="0 0 ${view} ${view}" shape-rendering="crispEdges" aria-labelledby="${uid}-qr-title">` +
    `<title id="${uid}-qr-title">${esc(title)}</title>` +
    `<rect width="${view}" height="${view}" fill="#fff"/>` +
    `<path fill="#111418" d="${dark.join('')}"/></svg>`
  );
}
