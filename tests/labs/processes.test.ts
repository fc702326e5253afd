import { spawn } from 'node:child_process';
import { constants } from 'node:os';
import { createInterface } from 'node:readline';
import { describe, expect, it } from 'vitest';
import { lab } from '../../labs/01-processes.ts';
import type { LabEvent } from '../../labs/kit/core/events.ts';
import { observe, runObjects, sharedEngine, wharfObjects } from './support.ts';

const tsx = ['node_modules/.bin/tsx'];

/** Starts the lab CLI with --json and resolves once the container exists, handing back the process. */
function startCliUntilContainerExists() {
  const child = spawn(tsx[0]!, ['scripts/lab.ts', 'processes', '--json'], { stdio: ['ignore', 'pipe', 'pipe'] });
  const events: LabEvent[] = [];
  const ready = new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout }).on('line', (line) => {
      const event = JSON.parse(line) as LabEvent;
      events.push(event);
      if (event.type === 'fact' && event.key === 'containerId') {
        const start = events.find((e) => e.type === 'start');
        resolve(start && start.type === 'start' ? start.runLabel : '');
      }
    });
    child.on('exit', (code) => reject(new Error(`lab exited early with ${code}`)));
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, ready, exited, events };
}

describe('lab: processes', () => {
  it('observes one process as PID 1 inside and as an ordinary host process outside', async () => {
    const { ok, facts, events, runLabel, error } = await observe(lab);
    expect(error).toBeUndefined();
    expect(ok).toBe(true);

    expect(facts.pidInside).toBe(1);
    expect(facts.hostPid).toEqual(expect.any(Number));
    expect(facts.hostPid as number).toBeGreaterThan(1);
    expect(facts.hostProcessListed).toBe(true);
    expect(facts.hostCommand).toBe('sleep 3600');

    expect(facts.pidNamespaceContainer).toMatch(/^pid:\[\d+\]$/);
    expect(facts.pidNamespaceHost).toMatch(/^pid:\[\d+\]$/);
    expect(facts.pidNamespaceContainer).not.toBe(facts.pidNamespaceHost);
    expect(facts.pidNamespaceShared).toBe(false);

    const chain = facts.parentChain as { pid: number; comm: string }[];
    expect(chain[0]).toEqual({ pid: facts.hostPid, comm: 'sleep' });
    expect(chain.length).toBeGreaterThan(1);
    expect(facts.keeperProcess).toMatch(/shim|conmon/);

    // sleep as PID 1 has no SIGTERM handler, so `stop` must have ended it with SIGKILL.
    expect(facts.exitCode).toBe(128 + constants.signals.SIGKILL);

    const cleanup = events.find((e) => e.type === 'cleanup');
    expect(cleanup).toMatchObject({ leftovers: [] });
    expect(await runObjects((await sharedEngine()).docker, runLabel)).toEqual([]);
  });

  it('cleans up when stopped mid-run', async () => {
    const controller = new AbortController();
    const { ok, error, runLabel } = await observe(lab, {
      signal: controller.signal,
      onEvent: (e) => e.type === 'fact' && e.key === 'hostPid' && controller.abort(),
    });
    expect(ok).toBe(false);
    expect(error?.message).toMatch(/^Stopped/);
    expect(await runObjects((await sharedEngine()).docker, runLabel)).toEqual([]);
  });

  it('cleans up after SIGTERM to the CLI, and exits non-zero', async () => {
    const run = startCliUntilContainerExists();
    const runLabel = await run.ready;
    run.child.kill('SIGTERM');
    expect(await run.exited).toBe(130);
    expect(run.events.at(-1)).toMatchObject({ type: 'result', ok: false });
    expect(await runObjects((await sharedEngine()).docker, runLabel)).toEqual([]);
  });

  it('leaves its container after SIGKILL, and `npm run clean` removes it', async () => {
    const run = startCliUntilContainerExists();
    const runLabel = await run.ready;
    run.child.kill('SIGKILL');
    await run.exited;
    const { docker } = await sharedEngine();
    expect(await runObjects(docker, runLabel)).not.toEqual([]);

    const clean = spawn(tsx[0]!, ['scripts/clean.ts'], { stdio: 'ignore' });
    expect(await new Promise((resolve) => clean.on('exit', resolve))).toBe(0);
    expect(await wharfObjects(docker)).toEqual([]);
  });
});
