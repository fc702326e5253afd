import { BlockList } from 'node:net';
import { describe, expect, it } from 'vitest';
import { lab } from '../../labs/03-network.ts';
import { engineIsHere, expectCleanRun, observe, runObjects, sharedEngine } from './support.ts';

/** The IPv4 subnets of an engine network, from the engine itself rather than from inside the container. */
async function subnetsOf(network: string): Promise<BlockList> {
  const { docker } = await sharedEngine();
  const { IPAM } = await docker.getNetwork(network).inspect();
  const subnets = new BlockList();
  for (const { Subnet } of IPAM?.Config ?? []) {
    const [address = '', prefix = ''] = Subnet?.split('/') ?? [];
    if (address.includes('.')) subnets.addSubnet(address, Number(prefix), 'ipv4');
  }
  return subnets;
}

describe('lab: network', () => {
  it('shows eth0 on the bridge, loopback only with --network none, and a page through 127.0.0.1', async () => {
    const { ok, facts, runLabel, error } = await observe(lab);
    expect(error).toBeUndefined();
    expect(ok).toBe(true);

    expect(facts.noneInterfaces).toEqual(['lo']);
    expect(facts.loopbackOnly).toBe(true);
    expect(facts.noneRoutes).toBe(0);

    expect(facts.bridgeInterfaces).toEqual(expect.arrayContaining(['lo', 'eth0']));
    const [ip = '', prefix] = String(facts.containerIp).split('/');
    expect(Number(prefix)).toBeGreaterThan(0);
    expect((await subnetsOf(String(facts.networkName))).check(ip, 'ipv4')).toBe(true);
    // What the container sees and what the engine assigned are the same address and gateway.
    expect(facts.engineIp).toBe(ip);
    expect(facts.gateway).toBe(facts.engineGateway);

    // Docker keeps the empty port we asked for; Podman writes back the one it picked.
    expect(facts.portBinding).toEqual({
      hostIp: '127.0.0.1',
      hostPort: expect.toBeOneOf(['', String(facts.publishedPort)]),
    });
    expect(facts.publishedPort).toEqual(expect.any(Number));
    expect(facts.publishedPort as number).toBeGreaterThan(0);
    expect(facts.publishedPort as number).toBeLessThan(65536);
    expect(facts.status).toBe(200);
    expect(facts.body).toContain(runLabel);
    expect(facts.bodyHasRunId).toBe(true);
    // An engine here publishes on this machine's loopback; one elsewhere may or may not forward it.
    if (await engineIsHere()) expect(facts.fetchedFrom).toBe('this machine');
    else expect(facts.fetchedFrom).toBeOneOf(['this machine', 'the engine host']);
    expect(facts.path).toBe(`127.0.0.1:${facts.publishedPort} → ${ip}:8080`);

    expect(await runObjects((await sharedEngine()).docker, runLabel)).toEqual([]);
  });

  it('runs twice at once: two servers, two ports, each page its own run', async () => {
    const runs = await Promise.all([observe(lab), observe(lab)]);
    for (const run of runs) {
      await expectCleanRun(run);
      expect(run.facts.body).toContain(run.runLabel);
    }
    expect(runs[0]!.facts.publishedPort).not.toBe(runs[1]!.facts.publishedPort);
    expect(runs[0]!.facts.containerIp).not.toBe(runs[1]!.facts.containerIp);
  });
});
