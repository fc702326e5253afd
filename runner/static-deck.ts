import { readdir, readFile } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, relative, sep } from 'node:path';
import { RUNNER_META } from './protocol.ts';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
};

interface DeckFile {
  body: Buffer;
  type: string;
  /** Vite names built assets by content hash, so they never change under the same URL. */
  immutable: boolean;
}

/** Marks the page as served by a runner. Not a secret: it only tells the deck to look for a session. */
export function markServedByRunner(html: string): string {
  return html.replace('</head>', `  <meta name="${RUNNER_META}" content="1" />\n  </head>`);
}

async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((entry) => entry.isFile()).map((entry) => join(entry.parentPath, entry.name));
}

/**
 * The built deck, read once into memory: exactly the files the build wrote and nothing else, so no
 * request path can reach outside it (no `..`, no /@fs/, no node_modules). GET and HEAD only.
 */
export class StaticDeck {
  private constructor(private readonly files: ReadonlyMap<string, DeckFile>) {}

  static async load(dir: string): Promise<StaticDeck> {
    const files = new Map<string, DeckFile>();
    for (const file of await listFiles(dir)) {
      const urlPath = `/${relative(dir, file).split(sep).join('/')}`;
      const type = CONTENT_TYPES[extname(file)];
      if (!type || urlPath.startsWith('/.')) continue; // dot files (the build stamp) are not the deck's
      let body = await readFile(file);
      if (urlPath === '/index.html') body = Buffer.from(markServedByRunner(body.toString('utf8')));
      files.set(urlPath, { body, type, immutable: urlPath.startsWith('/assets/') });
    }
    if (!files.has('/index.html')) throw new Error(`${dir} holds no index.html: is it a built deck?`);
    return new StaticDeck(files);
  }

  get paths(): string[] {
    return [...this.files.keys()];
  }

  handle(request: IncomingMessage, response: ServerResponse): void {
    const method = request.method ?? 'GET';
    if (method !== 'GET' && method !== 'HEAD') {
      response
        .writeHead(405, { allow: 'GET, HEAD', 'content-type': 'text/plain; charset=utf-8' })
        .end('method not allowed\n');
      return;
    }
    const path = new URL(request.url ?? '/', 'http://deck').pathname;
    const file = this.files.get(path === '/' ? '/index.html' : path);
    if (!file) {
      response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('not found\n');
      return;
    }
    response.writeHead(200, {
      'content-type': file.type,
      'content-length': file.body.length,
      'cache-control': file.immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
    });
    response.end(method === 'HEAD' ? undefined : file.body);
  }
}
