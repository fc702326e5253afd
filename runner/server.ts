import { randomBytes } from 'node:crypto';
import { createServer as createHttpServer, type Server } from 'node:http';
import { fileURLToPath } from 'node:url';
import { createServer as createViteServer, type Plugin } from 'vite';
import { labs as allLabs } from '../labs/index.ts';
import type { Lab } from '../labs/kit/core/lab.ts';
import { handleApi } from './api.ts';
import { EngineSource } from './engine-source.ts';
import { checkHost } from './guard.ts';
import { RunManager } from './runs.ts';

export interface RunnerOptions {
  /** 0 picks a free port (tests). */
  port: number;
  /** Vite's own logging; tests keep it to warnings. */
  logLevel?: 'info' | 'warn' | 'error' | 'silent';
  labs?: readonly Lab[];
  maxConcurrent?: number;
  deadlineMs?: number;
  /** Where the runner finds its engine; discovery by default. */
  engine?: EngineSource;
}

export interface Runner {
  url: string;
  port: number;
  token: string;
  runs: RunManager;
  engine: EngineSource;
  close(): Promise<void>;
}

/** Puts this start's token into the deck the runner serves; only same-origin pages can read it. */
function tokenPlugin(token: string): Plugin {
  return {
    name: 'wharf-runner-token',
    transformIndexHtml: () => [{ tag: 'meta', attrs: { name: 'wharf-runner-token', content: token }, injectTo: 'head' }],
  };
}

/**
 * One loopback server for the deck (vite, in middleware mode) and the lab runner's API.
 * Bound to 127.0.0.1 only; every request passes the Host check, API requests the full guard.
 */
export async function startRunner(options: RunnerOptions): Promise<Runner> {
  const token = randomBytes(24).toString('base64url');
  const labs = options.labs ?? allLabs;
  const engine = options.engine ?? new EngineSource();
  const runs = new RunManager({ labs, engine: () => engine.get(), maxConcurrent: options.maxConcurrent, deadlineMs: options.deadlineMs });
  const http: Server = createHttpServer();
  await new Promise<void>((resolve, reject) => {
    http.once('error', reject);
    http.listen(options.port, '127.0.0.1', resolve);
  });
  const port = (http.address() as { port: number }).port;

  const vite = await createViteServer({
    configFile: fileURLToPath(new URL('../vite.config.ts', import.meta.url)),
    plugins: [tokenPlugin(token)],
    server: { middlewareMode: true, ws: { server: http } },
    appType: 'mpa',
    logLevel: options.logLevel ?? 'info',
    clearScreen: false,
  });

  http.on('request', (request, response) => {
    const refusal = checkHost(request.headers, { port });
    if (refusal) {
      response.writeHead(refusal.status, { 'content-type': 'text/plain; charset=utf-8' }).end(refusal.message);
      return;
    }
    if (request.url?.startsWith('/api/')) {
      handleApi(request, response, { port, token, labs, runs, engine }).catch((error: unknown) => {
        if (!response.headersSent) response.writeHead(500, { 'content-type': 'application/json' });
        response.end(JSON.stringify({ error: error instanceof Error ? error.message : String(error) }));
      });
      return;
    }
    vite.middlewares(request, response);
  });

  return {
    url: `http://127.0.0.1:${port}/`,
    port,
    token,
    runs,
    engine,
    async close() {
      await runs.stopAll();
      await vite.close();
      http.closeAllConnections();
      await new Promise<void>((resolve) => http.close(() => resolve()));
    },
  };
}
