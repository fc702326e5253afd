// A hostile site on another loopback port: it serves whatever page a test gives it.
import { createServer } from 'node:http';

export interface AttackerSite {
  /** Base URL, `http://127.0.0.1:<its own port>/`. */
  url: string;
  /** Serves `html` at `path` from now on. */
  page(path: string, html: string): string;
  close(): Promise<void>;
}

export async function startAttackerSite(): Promise<AttackerSite> {
  const pages = new Map<string, string>();
  const server = createServer((request, response) => {
    const html = pages.get(new URL(request.url ?? '/', 'http://attacker').pathname);
    response.writeHead(html ? 200 : 404, { 'content-type': 'text/html; charset=utf-8' }).end(html ?? 'no such page');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as { port: number }).port}/`;
  return {
    url,
    page(path, html) {
      pages.set(path, html);
      return new URL(path, url).href;
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
