import { type ChildProcessByStdio, spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';

/**
 * The lab CLI as a single process: node with tsx's loader, not the tsx wrapper, which would relay a
 * signal to a child of its own. SIGKILL then ends the very process whose pid the lab's labels carry.
 */
export interface LabProcess {
  child: ChildProcessByStdio<null, Readable, Readable>;
  /** Every stdout line so far. */
  lines: string[];
  /** Resolves with the first stdout line that `until` accepts; rejects if the process ends first. */
  waitFor(until: (line: string) => boolean): Promise<string>;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }>;
}

export function startLabProcess(args: string[], env: NodeJS.ProcessEnv = process.env): LabProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/lab.ts', ...args], {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: string[] = [];
  const waiters: { until: (line: string) => boolean; resolve: (line: string) => void }[] = [];
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }>((resolve) => {
    child.on('close', (code, signal) => resolve({ code, signal, stderr }));
  });
  createInterface({ input: child.stdout }).on('line', (line) => {
    lines.push(line);
    for (const waiter of [...waiters]) {
      if (waiter.until(line)) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve(line);
      }
    }
  });
  return {
    child,
    lines,
    exited,
    waitFor: (until) =>
      new Promise((resolve, reject) => {
        const seen = lines.find(until);
        if (seen !== undefined) return resolve(seen);
        waiters.push({ until, resolve });
        void exited.then(({ code, signal, stderr: err }) =>
          reject(new Error(`the lab ended (${code ?? signal}) before the line awaited:\n${lines.join('\n')}\n${err}`)),
        );
      }),
  };
}
