import { createServer as createHttpServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { labs as allLabs } from '../labs/index.ts';
import type { Lab } from '../labs/kit/core/lab.ts';
import { createApi } from './api.ts';
import { deckHost, deckOrigin } from './config.ts';
import { ensureDeckBuilt } from './deck-build.ts';
import { startDevDeck } from './dev-deck.ts';
import { EngineSource } from './engine-source.ts';
import { checkHost } from './guard.ts';
import { setSecurityHeaders } from './headers.ts';
import { KEY_FRAGMENT } from './protocol.ts';
import { RunManager } from './runs.ts';
import { SessionStore } from './session.ts';
import { StaticDeck } from './static-deck.ts';

export const repoRoot = fileURLToPath(new URL('..', import.meta.url)).replace(/\/$/, '');

/** Enough for a deck, its speaker view and a few event streams; a flood of sockets gets no more. */
const MAX_CONNECTIONS = 64;

export interface RunnerOptions {
  /** 0 picks a free port (tests). */
  port: number;
  /**
   * `stage` (npm start): the built deck from a fixed file list, no dev server at all.
   * `dev` (npm run dev): vite with hot reload, behind the same guards, its internal endpoints blocked.
   */
  mode?: 'stage' | 'dev';
  /** Stage mode: serve this built deck as it is; by default dist/, rebuilt first when stale. */
  deckDir?: string;
  /** Progress lines (the build on start); silent by default. */
  log?: (line: string) => void;
  labs?: readonly Lab[];
  maxConcurrent?: number;
  deadlineMs?: number;
  /** Where the runner finds its engine; discovery by default. */
  engine?: EngineSource;
}

export interface Runner {
  /** The deck's canonical URL, `http://127.0.0.1:<port>/`. */
  url: string;
  /** The URL `npm start` prints: the deck plus this start's key in the fragment. Only the presenter sees it. */
  secretUrl: string;
  port: number;
  runs: RunManager;
  engine: EngineSource;
  sessions: SessionStore;
  close(): Promise<void>;
}

type DeckHandler = {
  handle(request: IncomingMessage, response: ServerResponse): void;
  /** A websocket the deck itself needs (vite's hot reload in dev); anything else is refused. */
  upgrade?(request: IncomingMessage, socket: Duplex, head: Buffer): boolean;
  close?(): Promise<void>;
};

function refuseUpgrade(socket: Duplex): void {
  socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
  socket.destroy();
}

/** `localhost` is not the deck's origin; a browser that asked for it is sent to the one that is. */
function redirectLocalhost(request: IncomingMessage, response: ServerResponse, port: number): boolean {
  const method = request.method ?? 'GET';
  if (request.headers.host !== `localhost:${port}` || (method !== 'GET' && method !== 'HEAD')) return false;
  if (request.url?.startsWith('/api/')) return false;
  response.writeHead(307, { location: `${deckOrigin(port)}${request.url ?? '/'}` }).end();
  return true;
}

/**
 * One loopback server for the deck and the lab runner's API, bound to 127.0.0.1 only. Every request
 * passes the Host check and gets the security headers; API requests also need a session.
 */
export async function startRunner(options: RunnerOptions): Promise<Runner> {
  const labs = options.labs ?? allLabs;
  const engine = options.engine ?? new EngineSource();
  const runs = new RunManager({
    engine: () => engine.get(),
    maxConcurrent: options.maxConcurrent,
    deadlineMs: options.deadlineMs,
  });
  const http = createHttpServer({ headersTimeout: 10_000, requestTimeout: 30_000 });
  http.maxConnections = MAX_CONNECTIONS;
  await new Promise<void>((resolve, reject) => {
    http.once('error', reject);
    http.listen(options.port, '127.0.0.1', resolve);
  });
  const port = (http.address() as { port: number }).port;
  const sessions = new SessionStore(port);
  const api = createApi({ port, labs, runs, engine, sessions });

  let deck: DeckHandler;
  try {
    deck =
      options.mode === 'dev'
        ? await startDevDeck(repoRoot, port)
        : await StaticDeck.load(options.deckDir ?? (await ensureDeckBuilt(repoRoot, { log: options.log })));
  } catch (error) {
    await new Promise((resolve) => http.close(resolve));
    throw error;
  }

  http.on('request', (request, response) => {
    setSecurityHeaders(response);
    const refusal = checkHost(request.headers, port);
    if (refusal) {
      if (redirectLocalhost(request, response, port)) return;
      response.writeHead(refusal.status, { 'content-type': 'text/plain; charset=utf-8' }).end(`${refusal.message}\n`);
      return;
    }
    if (request.url?.startsWith('/api/')) {
      api(request, response).catch((error: unknown) => {
        if (!response.headersSent) response.writeHead(500, { 'content-type': 'application/json' });
        response.end(JSON.stringify({ error: error instanceof Error ? error.message : String(error) }));
      });
      return;
    }
    deck.handle(request, response);
  });
  // Stage mode has no websocket at all; dev mode only vite's own, from the deck's origin.
  http.on('upgrade', (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    const fromDeck = request.headers.host === deckHost(port) && request.headers.origin === deckOrigin(port);
    if (!fromDeck || !deck.upgrade?.(request, socket, head)) refuseUpgrade(socket);
  });
  http.on('clientError', (_error, socket) => socket.destroy());

  return {
    url: `${deckOrigin(port)}/`,
    secretUrl: `${deckOrigin(port)}/#${KEY_FRAGMENT}=${sessions.key}`,
    port,
    runs,
    engine,
    sessions,
    async close() {
      await runs.stopAll();
      await deck.close?.();
      http.closeAllConnections();
      await new Promise<void>((resolve) => http.close(() => resolve()));
    },
  };
}
