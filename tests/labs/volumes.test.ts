import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { lab } from '../../labs/07-volumes.ts';
import { expectCleanRun, type Observed, observe, runObjects, sharedEngine } from './support.ts';

async function expectClean(run: Observed) {
  await expectCleanRun(run);
  const { facts } = run;
  const { docker } = await sharedEngine();
  // The volume itself is gone, asked for by name rather than by label.
  await expect(docker.getVolume(facts.volumeName as string).inspect()).rejects.toMatchObject({ statusCode: 404 });
  // The bind-mounted directory is not an engine object: the lab removes it itself.
  expect(existsSync(facts.bindMountDir as string)).toBe(false);
}

describe('lab: volumes', () => {
  it('loses a file with the writable layer, keeps one in a volume, shares one through a bind mount', async () => {
    const observed = await observe(lab);
    const { facts } = observed;
    await expectClean(observed);

    expect(facts.writableLayerFileSurvived).toBe(false);
    expect(facts.volumeFileSurvived).toBe(true);
    expect(facts.volumeFileContent).toBe('kept in the volume');
    expect(facts.volumeName).toBe(`wharf-volumes-data-${observed.runLabel}`);
    expect(facts.volumeMountpoint).toContain(facts.volumeName);

    // This engine is local (unix socket on Linux), so its host is this machine and the mount must work.
    expect(facts.bindHostToContainer).toBe('written on the host');
    expect(facts.bindContainerToHost).toBe('written in the container');
    expect(facts.bindMountRoundTrip).toBe(true);
    expect(facts.bindMountDirRemoved).toBe(true);
    // Root in the container is root here, unless the engine maps users (userns-remap, rootless).
    const { SecurityOptions: security = [] } = (await (await sharedEngine()).docker.info()) as {
      SecurityOptions?: string[];
    };
    if (!security.some((option) => /name=(userns|rootless)/.test(option))) expect(facts.containerFileOwnerUid).toBe(0);
  });

  it('removes the volume and the temporary directory when stopped mid-run', async () => {
    const controller = new AbortController();
    let dir = '';
    const { ok, error, runLabel } = await observe(lab, {
      signal: controller.signal,
      onEvent: (e) => {
        if (e.type === 'fact' && e.key === 'bindMountDir') {
          dir = e.value as string;
          controller.abort();
        }
      },
    });
    expect(ok).toBe(false);
    expect(error?.message).toMatch(/^Stopped/);
    expect(dir).not.toBe('');
    expect(existsSync(dir)).toBe(false);
    expect(await runObjects((await sharedEngine()).docker, runLabel)).toEqual([]);
  });

  it('two overlapping runs both succeed and both clean up', async () => {
    const runs = await Promise.all([observe(lab), observe(lab)]);
    for (const run of runs) await expectClean(run);
    expect(runs[0]!.facts.bindMountDir).not.toBe(runs[1]!.facts.bindMountDir);
  });
});
