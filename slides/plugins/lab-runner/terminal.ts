import type { Terminal } from '@xterm/xterm';

// Sized for the lower half of a 1280×720 slide; lines longer than this wrap, as in a real terminal.
const COLUMNS = 96;
const ROWS = 15;

/** xterm.js is loaded only when a lab pane first needs a terminal, so it never delays the deck. */
export async function createTerminal(host: HTMLElement): Promise<Terminal> {
  const [{ Terminal }] = await Promise.all([import('@xterm/xterm'), import('@xterm/xterm/css/xterm.css')]);
  const terminal = new Terminal({
    cols: COLUMNS,
    rows: ROWS,
    convertEol: true,
    disableStdin: true,
    cursorStyle: 'underline',
    cursorInactiveStyle: 'none',
    fontSize: 13,
    fontFamily: '"JetBrains Mono", "Noto Sans SC", Menlo, Consolas, monospace',
    scrollback: 2000,
    theme: { background: '#10141c', foreground: '#e6e6e6' },
  });
  terminal.open(host);
  return terminal;
}

/** Writes text and resolves once xterm has parsed it. */
export const write = (terminal: Terminal, text: string) => new Promise<void>((resolve) => terminal.write(text, resolve));
