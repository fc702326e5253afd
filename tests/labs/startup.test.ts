import { existsSync, statSync } from 'node:fs';
import { buffer } from 'node:stream/consumers';
import type Docker from 'dockerode';
import { describe, expect, it } from 'vitest';
import { lab } from '../../labs/10-startup.ts';
import { median } from '../../labs/kit/parse/clock.ts';
import { expectCleanRun, observe, sharedEngine } from './support.ts';
import { bzImageRelease, strayVms, vmKernelPath, vmPossible } from './vm-kernel.ts';

interface EngineEvent {
  Action: string;
  id: string;
  timeNano: number;
  Actor: { Attributes: Record<string, string> };
}

/** The engine's own log of this run's containers: created and destroyed, with its timestamps. */
async function containerEvents(docker: Docker, runLabel: string, since: number): Promise<EngineEvent[]> {
  const stream = await docker.getEvents({
    since: (since / 1000).toFixed(3),
    until: (Date.now() / 1000).toFixed(3),
    filters: { type: ['container'], event: ['create', 'destroy'], label: [`wharf.run=${runLabel}`] },
  } as unknown as Docker.GetEventsOptions);
  return (await buffer(stream))
    .toString('utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as EngineEvent);
}

describe('lab: startup', () => {
  it('times fork+exec, container runs and a VM boot in one run, and the engine saw each container', async () => {
    const since = Date.now() - 2000;
    const run = await observe(lab);
    await expectCleanRun(run);
    const { facts } = run;

    // The engine created exactly the containers the lab timed (besides its host-view helper), and each
    // lived, by the engine's own clock, no longer than the lab's client-side measurement of a whole run.
    const events = await containerEvents((await sharedEngine()).docker, run.runLabel, since);
    const timed = events.filter((e) => e.Actor.Attributes['wharf.role'] === undefined);
    const created = timed.filter((e) => e.Action === 'create');
    expect(created.length).toBe(facts.containerRuns);
    const lifetimes = created.map((c) => {
      const destroyed = timed.find((e) => e.id === c.id && e.Action === 'destroy');
      return ((destroyed?.timeNano ?? Number.NaN) - c.timeNano) / 1e6;
    });
    expect(lifetimes.every(Number.isFinite)).toBe(true);
    expect(median(lifetimes)).toBeLessThanOrEqual(facts.containerP50Ms + 5);

    // A container run includes at least one fork+exec of the same binary, and much more.
    expect(facts.processMs).toBeGreaterThan(0);
    expect(facts.containerP50Ms).toBeGreaterThan(facts.processMs);
    expect(facts.containerP95Ms).toBeGreaterThanOrEqual(facts.containerP50Ms);
    expect(facts.containerOverProcess).toBeCloseTo(facts.containerP50Ms / facts.processMs, -1);

    if (!vmPossible()) {
      // One of the kit's reasons: no QEMU, no kernel, or not an x86-64 machine.
      expect(facts.vmSkipped).toMatchObject({ key: expect.stringMatching(/^kit\.vm(NoQemu|NoKernel|WrongArch)$/) });
      return;
    }
    expect(facts.vmSkipped).toBeUndefined();
    // The guest ran the kernel file we gave QEMU: the release its own boot header names.
    expect(facts.vmKernel).toBe(bzImageRelease(vmKernelPath()));
    if (!existsSync('/dev/kvm')) expect(facts.vmAccel).toBe('tcg');
    // QEMU holds at least the kernel it loaded into guest memory.
    expect(facts.vmMemoryBytes as number).toBeGreaterThan(statSync(vmKernelPath()).size);
    // Emulating a whole kernel's boot costs more than starting one process in namespaces.
    if (facts.vmAccel === 'tcg') expect(facts.vmBootMs as number).toBeGreaterThan(facts.containerP50Ms);
    expect(facts.vmOverContainer).toBeCloseTo((facts.vmBootMs as number) / facts.containerP50Ms, 0);
    expect(strayVms()).toEqual([]);
  });

  it('stops a VM boot mid-way and leaves no QEMU behind', async () => {
    if (!vmPossible()) return;
    const controller = new AbortController();
    const run = await observe(lab, {
      signal: controller.signal,
      onEvent: (e) => e.type === 'wait' && e.key === 'booting' && setTimeout(() => controller.abort(), 1000),
    });
    expect(run.ok).toBe(false);
    expect(run.error?.message).toMatch(/^Stopped/);
    expect(strayVms()).toEqual([]);
  });
});
