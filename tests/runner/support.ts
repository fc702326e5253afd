import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineLab, fact } from '../../labs/kit/core/lab.ts';
import { defineText } from '../../labs/kit/core/text.ts';
import { EngineSource } from '../../runner/engine-source.ts';
import { API, CSRF_HEADER, type SessionReply } from '../../runner/protocol.ts';
import type { Runner } from '../../runner/server.ts';
import { connectNowhere } from '../labs/support.ts';

export interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** A raw HTTP request, so tests can send any Host, Origin or cookie a hostile page or user could. */
export function send(
  port: number,
  method: string,
  path: string,
  headers: Record<string, string> = {},
  body?: string,
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        method,
        path,
        headers: { host: `127.0.0.1:${port}`, ...headers },
        signal: AbortSignal.timeout(10_000),
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString() }),
        );
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

/** What the deck sends once it has a session: its Origin, the session cookie and the CSRF header. */
export type SessionHeaders = Record<string, string>;

/** Opens a session the way the deck does with the printed key, and returns the headers it then sends. */
export async function openSession(runner: Runner): Promise<SessionHeaders> {
  const origin = `http://127.0.0.1:${runner.port}`;
  const reply = await send(
    runner.port,
    'POST',
    API.session,
    { origin, 'content-type': 'application/json' },
    JSON.stringify({ key: runner.sessions.key }),
  );
  if (reply.status !== 201) throw new Error(`session refused: ${reply.status} ${reply.body}`);
  const cookie = String(reply.headers['set-cookie']).split(';')[0]!;
  const { csrf } = JSON.parse(reply.body) as SessionReply;
  return { origin, cookie, [CSRF_HEADER]: csrf, 'content-type': 'application/json' };
}

/** A built deck of two files, for runner tests that are about the server, not the slides. */
export async function tinyDeck(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'wharf-tiny-deck-'));
  await mkdir(join(dir, 'assets'));
  await writeFile(
    join(dir, 'index.html'),
    '<!doctype html><html><head><title>deck</title></head><body><script type="module" src="./assets/app-abc123.js"></script></body></html>',
  );
  await writeFile(join(dir, 'assets', 'app-abc123.js'), 'console.log("deck");\n');
  await writeFile(join(dir, '.wharf-build.json'), '{}');
  return dir;
}

/** A lab that starts a container and then waits until it is stopped: for limits and deadlines. */
const idleWords = {
  title: 'Waits until stopped',
  shows: 'Nothing; it holds a container until it is stopped.',
  lines: { hold: 'Hold a container' },
  facts: { containerId: 'Container id' },
};
export const idleLab = defineLab({
  id: 'idle',
  text: defineText({ en: idleWords, zh: idleWords }),
  facts: { containerId: fact<string>() },
  async run(ctx) {
    ctx.step('hold');
    const container = await ctx.start({ name: 'idle', cmd: ['sleep', '600'] });
    ctx.fact('containerId', container.id.slice(0, 12));
    await new Promise((_, reject) =>
      ctx.signal.addEventListener('abort', () => reject(ctx.signal.reason), { once: true }),
    );
  },
});

/** The runner as it is with no engine. */
export const noEngine = () => new EngineSource(connectNowhere);

export interface Handshake {
  /** The status line the server answered (empty when it closed without a word). */
  status: string;
  /** Whether the server closed the socket itself, and when. */
  closedAfterMs?: number;
}

/**
 * A raw websocket upgrade request, as any local process could send it. Resolves when the server
 * closes the socket, or once it has answered a 101 (then the test closes it), or after 5 s.
 */
export function upgrade(port: number, path: string, headers: Record<string, string> = {}): Promise<Handshake> {
  return new Promise((resolve) => {
    const started = performance.now();
    const socket = connect(port, '127.0.0.1');
    let answer = '';
    let closedByUs = false;
    const closeOurselves = () => {
      closedByUs = true;
      socket.destroy();
    };
    const timer = setTimeout(closeOurselves, 5000);
    socket.on('data', (chunk) => {
      answer += chunk.toString();
      if (/^HTTP\/1.1 101/.test(answer) && answer.includes('\r\n\r\n')) closeOurselves();
    });
    socket.on('close', () => {
      clearTimeout(timer);
      const status = answer.split('\r\n')[0] ?? '';
      resolve(closedByUs ? { status } : { status, closedAfterMs: performance.now() - started });
    });
    socket.on('error', () => {});
    const all = {
      host: `127.0.0.1:${port}`,
      connection: 'Upgrade',
      upgrade: 'websocket',
      'sec-websocket-version': '13',
      'sec-websocket-key': 'dGhlIHNhbXBsZSBub25jZQ==',
      ...headers,
    };
    const lines = Object.entries(all).map(([name, value]) => `${name}: ${value}`);
    socket.write(`GET ${path} HTTP/1.1\r\n${lines.join('\r\n')}\r\n\r\n`);
  });
}
