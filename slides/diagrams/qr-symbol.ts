// Runs at build time (and in tests), never in the page: the QR encoder stays out of the deck's script.
import { readFileSync } from 'node:fs';
import { create } from 'qrcode';
import type { Plugin } from 'vite';
import { QUIET_ZONE } from './qr.ts';

/** A QR symbol as the deck draws it: its size in modules and one SVG path of its dark modules. */
export interface QrSymbol {
  text: string;
  size: number;
  /** Dark modules as unit squares, offset by the quiet zone: `M<col> <row>h1v1h-1z` each. */
  path: string;
}

export function qrSymbol(text: string): QrSymbol {
  // M is the usual level for a projected code: readable from a phone at the back with 15 % damage.
  const { modules } = create(text, { errorCorrectionLevel: 'M' });
  const dark: string[] = [];
  for (let row = 0; row < modules.size; row++) {
    for (let col = 0; col < modules.size; col++) {
      if (modules.get(row, col)) dark.push(`M${col + QUIET_ZONE} ${row + QUIET_ZONE}h1v1h-1z`);
    }
  }
  return { text, size: modules.size, path: dark.join('') };
}

const ID = 'virtual:wharf-qr';

/** Vite plugin: `import symbol from 'virtual:wharf-qr'` is the QR symbol of slides/event.json's repository. */
export function qrPlugin(eventFile: string): Plugin {
  return {
    name: 'wharf-qr',
    resolveId: (id) => (id === ID ? `\0${ID}` : undefined),
    load(id) {
      if (id !== `\0${ID}`) return undefined;
      this.addWatchFile(eventFile);
      const { repository } = JSON.parse(readFileSync(eventFile, 'utf8')) as { repository: string };
      return `export default ${JSON.stringify(qrSymbol(repository))};`;
    },
  };
}
