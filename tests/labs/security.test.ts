import { existsSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lab } from '../../labs/08-security.ts';
import { withDeadline } from '../../labs/kit/core/deadline.ts';
import type { FactsOf } from '../../labs/kit/core/lab.ts';
import { engineInfo } from '../../labs/kit/engine/signal-calls.ts';
import { engineIsHere, modeOnEngineHost, type Observed, observe, runObjects, sharedEngine } from './support.ts';

// Docker's documented default capability set (docs.docker.com, "Runtime privilege and Linux
// capabilities"). Podman's default is a subset of it.
const DOCKER_DEFAULT = [
  'CAP_AUDIT_WRITE',
  'CAP_CHOWN',
  'CAP_DAC_OVERRIDE',
  'CAP_FOWNER',
  'CAP_FSETID',
  'CAP_KILL',
  'CAP_MKNOD',
  'CAP_NET_BIND_SERVICE',
  'CAP_NET_RAW',
  'CAP_SETFCAP',
  'CAP_SETGID',
  'CAP_SETPCAP',
  'CAP_SETUID',
  'CAP_SYS_CHROOT',
];

/** Whether the engine says it remaps uids, read from `docker info`, not from inside a container. */
async function engineRemapsUids(): Promise<boolean> {
  const { docker } = await sharedEngine();
  const info = await engineInfo(docker, withDeadline(undefined, 5000));
  return ((info.SecurityOptions as string[] | undefined) ?? []).some((option) => /name=(userns|rootless)/.test(option));
}

async function expectNothingLeft(run: Observed<FactsOf<typeof lab.facts>>) {
  expect(run.events.find((e) => e.type === 'cleanup')).toMatchObject({ leftovers: [] });
  expect(await runObjects((await sharedEngine()).docker, run.runLabel)).toEqual([]);
  expect(run.facts.hostDirectory).toEqual(expect.any(String));
  // The shared directory and its private parent are both gone, wherever the engine keeps them.
  const parent = dirname(run.facts.hostDirectory);
  if (await engineIsHere()) expect(existsSync(parent)).toBe(false);
  else expect(await modeOnEngineHost((await sharedEngine()).docker, parent)).toBeNull();
}

describe('lab: security', () => {
  it('shows container root owning host files as uid 0, and what capabilities and a read-only root take away', async () => {
    // The shared directory is world-writable; its parent, while the run uses it, is private to this user.
    const here = await engineIsHere();
    const { docker } = await sharedEngine();
    let parentMode: Promise<string | undefined> | undefined;
    const run = await observe(lab, {
      onEvent: (e) => {
        if (e.type !== 'fact' || e.key !== 'hostDirectory') return;
        const parent = dirname(e.value as string);
        parentMode = here
          ? Promise.resolve((statSync(parent).mode & 0o777).toString(8))
          : modeOnEngineHost(docker, parent).then((mode) => mode ?? undefined);
      },
    });
    const { ok, facts, error } = run;
    expect(error).toBeUndefined();
    expect(ok).toBe(true);

    // The owner is the uid the process ran as: 0 for root, 1000 for --user 1000, unless a user
    // namespace maps them (which `docker info` would say).
    const remapped = await engineRemapsUids();
    expect(facts.userNamespaceRemapped).toBe(remapped);
    if (!remapped) {
      expect(facts.uidMap).toBe('0 0 4294967295');
      expect(facts.hostOwnerAsRoot).toBe(0);
      expect(facts.hostOwnerAsUser1000).toBe(1000);
    } else {
      expect(facts.hostOwnerAsRoot).not.toBe(0);
    }

    const caps = facts.defaultCapabilities as string[];
    expect(caps).toContain('CAP_CHOWN');
    expect(caps).not.toContain('CAP_SYS_ADMIN');
    for (const cap of caps) expect(DOCKER_DEFAULT).toContain(cap);
    if ((await sharedEngine()).info.product !== 'Podman') expect([...caps].sort()).toEqual(DOCKER_DEFAULT);
    // For root, the bounding set is the effective set: nothing more can be gained by exec.
    expect(facts.defaultCapBnd).toBe(facts.defaultCapEff);
    expect(facts.hostRootCapabilityCount as number).toBeGreaterThan(caps.length);

    expect(BigInt(`0x${facts.capDropAllCapEff as string}`)).toBe(0n);
    expect(facts.chownDefaultOk).toBe(true);
    expect(facts.chownCapDropAllFailed).toBe(true);
    expect(facts.chownCapDropAllMessage).toMatch(/Operation not permitted/); // EPERM

    expect(facts.readOnlyWriteFailed).toBe(true);
    expect(facts.readOnlyWriteMessage).toMatch(/Read-only file system/); // EROFS
    expect(facts.tmpfsWriteOk).toBe(true);

    expect(await parentMode).toBe('700');
    expect(dirname(facts.hostDirectory)).not.toBe(here ? tmpdir() : '/tmp');
    await expectNothingLeft(run);
  });

  it('removes the host directory and its containers when stopped mid-run', async () => {
    const controller = new AbortController();
    const run = await observe(lab, {
      signal: controller.signal,
      onEvent: (e) => e.type === 'fact' && e.key === 'hostOwnerAsUser1000' && controller.abort(),
    });
    expect(run.ok).toBe(false);
    expect(run.error?.message).toMatch(/^Stopped/);
    // The one container started by then was found by its run label and removed.
    expect(run.events.find((e) => e.type === 'cleanup')).toMatchObject({ removed: 1 });
    await expectNothingLeft(run);
  });

  it('two overlapping runs both succeed and both clean up', async () => {
    const runs = await Promise.all([observe(lab), observe(lab)]);
    for (const run of runs) {
      expect(run.error).toBeUndefined();
      expect(run.ok).toBe(true);
      expect(run.facts.chownCapDropAllFailed).toBe(true);
      await expectNothingLeft(run);
    }
    expect(runs[0]!.facts.hostDirectory).not.toBe(runs[1]!.facts.hostDirectory);
  });
});
