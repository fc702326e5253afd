import { constants } from 'node:os';
import { describe, expect, it } from 'vitest';
import { lab } from '../../labs/04-cgroups.ts';
import type { Throttling } from '../../labs/kit/parse/cgroup.ts';
import { expectCleanRun, observe, runObjects, sharedEngine } from './support.ts';

// What the lab asks the engine for (docker run --memory 48m --cpus 0.5 --pids-limit 16).
const MEMORY_BYTES = 48 * 1024 * 1024;
const CPUS = 0.5e9 / 1e9;
const PIDS = 16;

describe('lab: cgroups', () => {
  it('sees each limit from inside and watches it bite: OOM kill, throttling, failed fork', async () => {
    const { ok, facts, runLabel, error } = await observe(lab);
    expect(error).toBeUndefined();
    expect(ok).toBe(true);

    // Memory: the kernel killed the hog, with SIGKILL, and the container read the exact limit asked for.
    // Docker sets State.OOMKilled from the kernel's event; Podman 4 over the compat API does not.
    if ((await sharedEngine()).info.product !== 'Podman') expect(facts.oomKilled).toBe(true);
    expect(facts.oomKillsCounted as number).toBeGreaterThanOrEqual(1); // the kernel's own count, read inside
    expect(facts.memoryExitCode).toBe(128 + constants.signals.SIGKILL);
    expect(facts.memoryLimitInside).toBe(MEMORY_BYTES);

    // CPU: quota / period read inside is what --cpus asked for, and the loop got about that much.
    const { quotaUs, periodUs } = facts.cpuMaxInside as { quotaUs: number; periodUs: number };
    expect(quotaUs / periodUs).toBeCloseTo(CPUS, 6);
    expect(facts.cpusAllowedInside).toBeCloseTo(CPUS, 6);
    expect(facts.cpuMeasuredOverMs as number).toBeGreaterThanOrEqual(2000);
    // Upper bound: the quota plus slack for accounting granularity; lower bound: a busy 2-core
    // machine may not even grant the quota.
    expect(facts.cpuShareMeasured as number).toBeLessThanOrEqual(CPUS * 1.25);
    expect(facts.cpuShareMeasured as number).toBeGreaterThanOrEqual(CPUS * 0.5);
    const before = facts.throttlingBefore as unknown as Throttling;
    const after = facts.throttlingAfter as unknown as Throttling;
    expect(after.throttled).toBeGreaterThan(before.throttled);
    expect(after.throttledUs).toBeGreaterThan(before.throttledUs);
    expect(after.periods).toBeGreaterThan(before.periods);

    // Processes: the limit read inside is 16; the shell plus what it started never exceed it.
    expect(facts.pidsLimitInside).toBe(PIDS);
    const started = facts.forkLoopStarted as number;
    expect(started).toBeGreaterThan(0);
    expect(started).toBeLessThanOrEqual(PIDS);
    expect(started + 1).toBe(PIDS); // nothing else runs in that container's cgroup
    expect(facts.forkError).toMatch(/can't fork/);
    expect(facts.hostProcessesStarted as number).toBeGreaterThan(PIDS);

    expect(await runObjects((await sharedEngine()).docker, runLabel)).toEqual([]);
  });

  it('runs twice at once, each run bounded and clean', async () => {
    const runs = await Promise.all([observe(lab), observe(lab)]);
    for (const run of runs) {
      await expectCleanRun(run);
      expect(run.facts.oomKillsCounted as number).toBeGreaterThanOrEqual(1);
      expect(run.facts.pidsLimitInside).toBe(PIDS);
      // Two busy loops on two cores: each is still held to its own quota.
      expect(run.facts.cpuShareMeasured as number).toBeLessThanOrEqual(CPUS * 1.25);
    }
  });
});
