import { describe, expect, it } from 'vitest';
import { lab } from '../../labs/12-overhead.ts';
import { lastVmBootRecord } from '../../labs/kit/vm/minimal-vm.ts';
import { expectCleanRun, observe, sharedEngine } from './support.ts';

describe('lab: overhead', () => {
  it('measures CPU, file writes and HTTP paths as ratios that have the expected shape', async () => {
    const { docker, info } = await sharedEngine();
    let runLabel = '';
    let engineNetworks: Promise<[string, string | undefined][]> | undefined;
    const run = await observe(lab, {
      onEvent: (e) => {
        if (e.type === 'start') runLabel = e.runLabel;
        // The container's networks as the engine records them, while it still runs. Not `.bridge`:
        // Podman records its default network as `podman` even when asked for `--network bridge`.
        if (e.type === 'fact' && e.key === 'containerIp')
          engineNetworks = docker
            .getContainer(`wharf-overhead-web-${runLabel}`)
            .inspect()
            .then((c) => Object.entries(c.NetworkSettings.Networks).map(([name, net]) => [name, net.IPAddress]));
      },
    });
    await expectCleanRun(run);
    const { facts } = run;

    // The same busybox loop on the same kernel: a container adds nothing to it (noise aside).
    if (facts.cpuOutsideSkipped === undefined) {
      expect(facts.cpuInsideOverOutside as number).toBeGreaterThan(0.5);
      expect(facts.cpuInsideOverOutside as number).toBeLessThan(2);
    }
    // Both write new files to the same host filesystem: the same order of magnitude.
    expect(facts.writeLayerOverVolume).toBeGreaterThan(0.25);
    expect(facts.writeLayerOverVolume).toBeLessThan(4);

    // Every request on every path was answered, and the container IP is the one the engine gave it.
    expect(facts.httpOk).toEqual({
      published: facts.httpRequests,
      host: facts.httpRequests,
      containerIp: facts.httpRequests,
    });
    // It is on one network, the engine's default (whatever its name), and the lab read that one.
    expect(await engineNetworks).toEqual([[facts.containerNetwork, facts.containerIp]]);
    if (info.product !== 'Podman') expect(facts.containerNetwork).toBe('bridge');
    // On Docker a port published on 127.0.0.1 goes through docker-proxy, a hop in user space the host
    // network does not have. Rootful Podman has no such hop, only NAT rules in the kernel: next to
    // starting wget for every request that costs nothing measurable, so the two paths are level.
    if (info.product === 'Podman') {
      expect(facts.httpPublishedOverHost).toBeGreaterThan(0.5);
      expect(facts.httpPublishedOverHost).toBeLessThan(2);
    } else expect(facts.httpPublishedOverHost).toBeGreaterThan(1);

    // VM figures only where hardware virtualisation ran the VM.
    const record = await lastVmBootRecord();
    if (record?.accel !== 'kvm') {
      expect(facts.vmComparable).toBe(false);
      expect(facts.vmCpuOverOutside).toBeUndefined();
    }
  });
});
