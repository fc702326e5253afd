import { request } from 'node:http';
import { EngineSource } from '../../runner/engine-source.ts';
import { connectNowhere } from '../labs/support.ts';
import { defineLab, fact } from '../../labs/kit/core/lab.ts';

export interface Reply {
  status: number;
  body: string;
}

/** A raw HTTP request, so tests can send any Host and Origin a hostile page could. */
export function send(port: number, method: string, path: string, headers: Record<string, string> = {}, body?: string): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, method, path, headers: { host: `127.0.0.1:${port}`, ...headers }, signal: AbortSignal.timeout(10_000) }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString() }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

/** A lab that starts a container and then waits until it is stopped: for limits and deadlines. */
export const idleLab = defineLab({
  id: 'idle',
  title: 'Waits until stopped',
  shows: 'Nothing; it holds a container until it is stopped.',
  facts: { containerId: fact<string>('Container id') },
  async run(ctx) {
    ctx.step('Hold a container');
    const container = await ctx.start({ name: 'idle', cmd: ['sleep', '600'] });
    ctx.fact('containerId', container.id.slice(0, 12));
    await new Promise((_, reject) => ctx.signal.addEventListener('abort', () => reject(ctx.signal.reason), { once: true }));
  },
});

/** The runner as it is with no engine. */
export const noEngine = () => new EngineSource(connectNowhere);
