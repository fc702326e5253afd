import { existsSync, statSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { lab } from '../../labs/10-startup.ts';
import { engineNow, runEvents } from './engine-events.ts';
import { engineIsHere, expectCleanRun, observe, sharedEngine } from './support.ts';
import { bzImageRelease, strayVms, vmKernelPath, vmPossible } from './vm-kernel.ts';

describe('lab: startup', () => {
  it('times fork+exec, container runs and a VM boot in one run, and the engine saw each container', async () => {
    const { docker, info } = await sharedEngine();
    const since = (await engineNow(docker)) - 2;
    const firstRead = performance.now();
    const run = await observe(lab);
    const lastAsked = performance.now();
    const engineSpan = (await engineNow(docker)) - since - 2;
    await expectCleanRun(run);
    const { facts } = run;

    // The engine created exactly the containers the lab timed (besides its host-view helper), and each
    // lived, by the engine's own clock, no longer than the lab's client-side measurement of a whole run.
    // (Podman logs the removal as `remove`, Docker as `destroy`: runEvents reads either as `destroy`.)
    const events = await runEvents(docker, info.product, run.runLabel, since, ['create', 'destroy']);
    const timed = events.filter((e) => e.Actor.Attributes['wharf.role'] === undefined);
    const created = timed.filter((e) => e.Action === 'create');
    expect(created.length).toBe(facts.containerRuns);
    const lifetimes = created.map((c) => {
      const destroyed = timed.find((e) => e.id === c.id && e.Action === 'destroy');
      return ((destroyed?.timeNano ?? Number.NaN) - c.timeNano) / 1e6;
    });
    expect(lifetimes.every(Number.isFinite)).toBe(true);
    // Two clocks: an engine in a VM under emulation keeps time a little apart from this machine. Its
    // clock ran at most this much faster over the run (its two readings were taken no closer together,
    // by this machine's clock, than from the first reply to the last request).
    const engineRate = Math.max(1, (engineSpan * 1000) / (lastAsked - firstRead));
    // Each lifetime lies inside its own client-side span, so the same order statistic (the lab's p50 is
    // nearest-rank: no averaging of two samples) of the lifetimes is no larger.
    const nearestRankP50 = [...lifetimes].sort((a, b) => a - b)[Math.ceil(lifetimes.length / 2) - 1]!;
    expect(nearestRankP50).toBeLessThanOrEqual((facts.containerP50Ms + 5) * engineRate);

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
    // Emulating a whole kernel's boot costs more than starting one process in namespaces, on the same
    // machine. The VM boots where the lab runs and the containers start where the engine runs: when the
    // engine is in a VM of its own under emulation (the engine matrix), its runs are slowed down too.
    if (facts.vmAccel === 'tcg' && (await engineIsHere()))
      expect(facts.vmBootMs as number).toBeGreaterThan(facts.containerP50Ms);
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
