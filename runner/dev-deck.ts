import { createServer as createHttpServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { join } from 'node:path';
import type { Duplex } from 'node:stream';
import { createServer as createViteServer, type Plugin } from 'vite';
import { markServedByRunner } from './static-deck.ts';

/** The only documents a browser may open: the deck itself. */
const DECK_DOCUMENTS = new Set(['/', '/index.html']);

function markPage(): Plugin {
  return { name: 'wharf-runner-marker', transformIndexHtml: (html) => markServedByRunner(html) };
}

/**
 * What vite's dev server offers that a deck never needs, and that other pages could abuse:
 * `/__open-in-editor` (opens any file in the presenter's editor), other `/__*` tools, and
 * documents other than the deck (HTML apps in node_modules would run on the deck's origin).
 */
export function blockedInDev(request: IncomingMessage): boolean {
  const path = new URL(request.url ?? '/', 'http://deck').pathname;
  if (path.startsWith('/__')) return true;
  if (path.endsWith('.html') && !DECK_DOCUMENTS.has(path)) return true;
  const navigating =
    request.headers['sec-fetch-mode'] === 'navigate' ||
    /^(document|iframe|frame|embed|object)$/.test(request.headers['sec-fetch-dest'] ?? '');
  return navigating && !DECK_DOCUMENTS.has(path);
}

/** `npm run dev`: vite in middleware mode, its hot-reload socket reached only through the runner's checks. */
export async function startDevDeck(root: string, port: number) {
  // vite's websocket listens on a server of its own that never binds a port: the runner hands it
  // only upgrades that passed its checks.
  const hmrServer = createHttpServer();
  const vite = await createViteServer({
    configFile: join(root, 'vite.config.ts'),
    plugins: [markPage()],
    appType: 'mpa',
    logLevel: 'warn',
    clearScreen: false,
    server: {
      middlewareMode: true,
      hmr: { server: hmrServer, clientPort: port, host: '127.0.0.1', protocol: 'ws' },
      cors: false,
      fs: {
        strict: true,
        allow: [
          join(root, 'slides'),
          join(root, 'recordings'),
          join(root, 'node_modules'),
          join(root, 'labs'),
          join(root, 'runner'),
        ],
      },
    },
  });
  return {
    handle(request: IncomingMessage, response: ServerResponse) {
      if (blockedInDev(request)) {
        response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('not found\n');
        return;
      }
      vite.middlewares(request, response);
    },
    upgrade(request: IncomingMessage, socket: Duplex, head: Buffer): boolean {
      if (
        !(request.headers['sec-websocket-protocol'] ?? '')
          .split(',')
          .map((p) => p.trim())
          .includes('vite-hmr')
      )
        return false;
      hmrServer.emit('upgrade', request, socket, head);
      return true;
    },
    close: () => vite.close(),
  };
}
