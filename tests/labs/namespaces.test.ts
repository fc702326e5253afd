import { describe, expect, it } from 'vitest';
import { lab } from '../../labs/02-namespaces.ts';
import { expectCleanRun, type Observed, observe, runObjects, sharedEngine } from './support.ts';

interface NamespaceFact {
  container: number;
  host: number | null;
  secondContainer: number | null;
  sharedWithHost: boolean | null;
}

const ns = (facts: Observed['facts'], kind: string) =>
  facts[`${kind}Namespace`] as unknown as NamespaceFact | undefined;

describe('lab: namespaces', () => {
  it('finds pid, net, mnt, uts and ipc private, and the user namespace shared with the host', async () => {
    const { ok, facts, runLabel, error, events } = await observe(lab);
    expect(error).toBeUndefined();
    expect(ok).toBe(true);
    const { info } = await sharedEngine();

    for (const kind of ['pid', 'net', 'mnt', 'uts', 'ipc']) {
      const fact = ns(facts, kind)!;
      expect(fact.container, kind).toEqual(expect.any(Number));
      expect(fact.host, kind).toEqual(expect.any(Number));
      expect(fact.container, kind).not.toBe(fact.host);
      expect(fact.sharedWithHost, kind).toBe(false);
    }
    expect(ns(facts, 'user')!.container).toBe(ns(facts, 'user')!.host);
    // Docker's default cgroupns mode is "host" on cgroup v1 and "private" on v2 (so is Podman's).
    const cgroup = ns(facts, 'cgroup')!;
    expect(cgroup.container === cgroup.host).toBe(info.cgroupVersion === '1');
    // Docker Engine 29.5 and later give each container its own time namespace by default
    // (moby#52326); older engines and Podman do not. The kind exists on Linux 5.6+ only.
    const time = ns(facts, 'time');
    const [major = 0, minor = 0] = info.version.split('.').map(Number);
    const privateTime = info.product !== 'Podman' && (major > 29 || (major === 29 && minor >= 5));
    if (time) expect(time.container !== time.host).toBe(privateTime);

    // The summary lists agree with the inode numbers.
    const kinds = ['pid', 'net', 'mnt', 'uts', 'ipc', 'user', 'cgroup', 'time'].filter((kind) => ns(facts, kind));
    expect([...(facts.privateFromHost as string[]), ...(facts.sharedWithHost as string[])].sort()).toEqual(
      [...kinds].sort(),
    );
    expect(facts.privateFromHost).toEqual(kinds.filter((kind) => ns(facts, kind)!.container !== ns(facts, kind)!.host));

    // Two containers: each its own pid and net namespace.
    for (const kind of ['pid', 'net'])
      expect(ns(facts, kind)!.secondContainer, kind).not.toBe(ns(facts, kind)!.container);

    // root inside is root outside, through the identity uid map.
    expect(facts.uidInside).toBe(0);
    expect(facts.uidOnHost).toBe(0);
    expect(facts.uidMap).toBe(`0 0 ${2 ** 32 - 1}`);
    // And the lab says so (an engine that remaps users is tests/labs/userns.test.ts).
    const said = events.flatMap((e) => (e.type === 'note' ? [e.key] : []));
    expect(said).toEqual(expect.arrayContaining(['noUserNamespace', 'identityMap']));

    expect(facts.containerId).toMatch(/^[0-9a-f]{12}$/);
    expect(facts.hostnameInside).toBe(facts.containerId);
    expect(facts.hostnameHost).toEqual(expect.any(String));
    expect(facts.hostnameHost).not.toBe(facts.hostnameInside);
    expect(facts.pid1Inside).toBe('sleep 3600');
    expect(facts.hostPid as number).toBeGreaterThan(1);
    expect(facts.rootFsInside).toEqual(info.storageDriver.startsWith('overlay') ? 'overlay' : expect.any(String));
    expect(facts.rootFsHost).toEqual(expect.any(String));
    expect(facts.rootFsHost).not.toBe(facts.rootFsInside);

    // --network container:<first>: the same net namespace, still its own pid namespace.
    const joined = facts.joinedNamespaces as { net: number; pid: number };
    expect(joined.net).toBe(ns(facts, 'net')!.container);
    expect(joined.pid).not.toBe(ns(facts, 'pid')!.container);
    expect(facts.sharedNetNamespaceMatches).toBe(true);
    expect(facts.joinedPidNamespaceDiffers).toBe(true);
    expect(facts.joinedAddresses).toEqual(facts.firstAddresses);
    expect(facts.firstAddresses).toContainEqual(expect.stringMatching(/^eth0 /));

    expect(await runObjects((await sharedEngine()).docker, runLabel)).toEqual([]);
  });

  it('runs twice at once without either run touching the other', async () => {
    const runs = await Promise.all([observe(lab), observe(lab)]);
    for (const run of runs) {
      await expectCleanRun(run);
    }
    expect(runs[0]!.facts.containerId).not.toBe(runs[1]!.facts.containerId);
    expect(runs[0]!.facts.joinedNamespaces).not.toEqual(runs[1]!.facts.joinedNamespaces);
  });
});
