import { createServer } from 'node:net';

/** Whether 127.0.0.1:port can be bound right now. */
export function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

/** A port the kernel picks as free on 127.0.0.1. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/**
 * A block of consecutive free ports for the desktop-like engine's published ports: the same
 * numbers on the client and in the guest, so the port the engine reports is the one that answers.
 * Blocks start on a multiple of their size inside 20000-32767, below Linux's default ephemeral
 * range (32768-60999), so the client's own outgoing connections do not take them meanwhile.
 */
export async function freePortBlock(size: number, random = Math.random): Promise<{ first: number; last: number }> {
  const blocks = Math.floor((32768 - 20000) / size);
  for (let attempt = 0; attempt < 20; attempt++) {
    const first = 20000 + Math.floor(random() * blocks) * size;
    const ports = Array.from({ length: size }, (_, i) => first + i);
    if ((await Promise.all(ports.map(portIsFree))).every(Boolean)) return { first, last: first + size - 1 };
  }
  throw new Error(`no block of ${size} free ports on 127.0.0.1 found in 20 tries`);
}
