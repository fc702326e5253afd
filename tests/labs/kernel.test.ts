import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { lab } from '../../labs/14-kernel.ts';
import { expectCleanRun, observe, sharedEngine } from './support.ts';
import { bzImageRelease, vmKernelPath, vmPossible } from './vm-kernel.ts';

describe('lab: kernel', () => {
  it('finds the host kernel inside a container, and another kernel inside a VM', async () => {
    const run = await observe(lab);
    await expectCleanRun(run);
    const { facts } = run;
    const { info } = await sharedEngine();

    // The engine reports its kernel itself (KernelVersion): the container's uname -r is that.
    expect(facts.containerRelease).toBe(info.kernel);
    expect(facts.hostRelease).toBe(info.kernel);
    expect(facts.containerBootId).toMatch(/^[0-9a-f-]{36}$/);
    expect(facts.containerBootId).toBe(facts.hostBootId);
    // An engine on this very machine: its host's boot id is ours.
    if (info.endpoint.host.startsWith('unix://') && process.platform === 'linux')
      expect(facts.hostBootId).toBe(readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim());
    expect(facts.containerSharesHostKernel).toBe(true);

    if (!vmPossible()) {
      expect(facts.vmSkipped).toBeTruthy();
      return;
    }
    // The VM ran the kernel file QEMU was given, whatever the host runs, and booted on its own.
    expect(facts.vmRelease).toBe(bzImageRelease(vmKernelPath()));
    expect(facts.vmBootId).toMatch(/^[0-9a-f-]{36}$/);
    expect(facts.vmBootId).not.toBe(facts.hostBootId);
    expect(facts.vmHasOwnKernel).toBe(true);
  });
});
