import { PassThrough, Readable } from 'node:stream';
import type Docker from 'dockerode';

export interface Captured {
  stdout: string;
  stderr: string;
}

/**
 * Splits a non-TTY engine stream (8-byte frame headers) into stdout and stderr, resolving when the
 * stream ends. A Buffer, as `logs({follow:false})` returns, is demultiplexed the same way.
 */
export function demux(docker: Docker, source: NodeJS.ReadableStream | Buffer, signal?: AbortSignal): Promise<Captured> {
  const stream = Buffer.isBuffer(source) ? Readable.from([source]) : source;
  const out = new PassThrough();
  const err = new PassThrough();
  const chunks = { stdout: [] as Buffer[], stderr: [] as Buffer[] };
  out.on('data', (chunk: Buffer) => chunks.stdout.push(chunk));
  err.on('data', (chunk: Buffer) => chunks.stderr.push(chunk));
  docker.modem.demuxStream(stream, out, err);
  return new Promise((resolve, reject) => {
    const onAbort = () => {
      (stream as Readable).destroy?.();
      reject(signal?.reason ?? new Error('aborted'));
    };
    signal?.addEventListener('abort', onAbort, { once: true });
    const finish = () => {
      signal?.removeEventListener('abort', onAbort);
      resolve({
        stdout: Buffer.concat(chunks.stdout).toString('utf8'),
        stderr: Buffer.concat(chunks.stderr).toString('utf8'),
      });
    };
    stream.on('end', finish);
    stream.on('close', finish);
    stream.on('error', reject);
  });
}
