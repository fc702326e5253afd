import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lab } from '../../labs/07-volumes.ts';
import { withDeadline } from '../../labs/kit/core/deadline.ts';
import { sentence } from '../../labs/kit/core/text.ts';
import { BASE_IMAGE } from '../../labs/kit/engine/base-image.ts';
import { runToCompletion } from '../../labs/kit/engine/containers.ts';
import { engineIsHere, expectCleanRun, type Observed, observe, runObjects, sharedEngine } from './support.ts';

/**
 * Whether the engine can bind-mount a folder of this machine's home (it can when it runs here, or in
 * a VM that shares home folders; a plain remote engine cannot), probed by the test's own container.
 */
async function engineSeesOurHome(): Promise<boolean> {
  if (await engineIsHere()) return true;
  const dir = await mkdtemp(join(homedir(), 'wharf-probe-'));
  try {
    await writeFile(join(dir, 'marker'), 'ours');
    const options = {
      Image: BASE_IMAGE,
      Cmd: ['cat', '/probe/marker'],
      HostConfig: { Mounts: [{ Type: 'bind' as const, Source: dir, Target: '/probe' }], NetworkMode: 'none' },
      Labels: { 'wharf.lab': 'volumes-test' },
    };
    const { docker } = await sharedEngine();
    const read = await runToCompletion(docker, options, withDeadline(undefined, 30_000)).catch(() => undefined);
    return read?.stdout.trim() === 'ours';
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

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

    expect(facts.bindMountDirRemoved).toBe(true);
    if (!(await engineSeesOurHome())) {
      // A plain remote engine: no folder of this machine exists there, and the lab must say so.
      expect(facts.bindMountRoundTrip).toBe(false);
      const notes = observed.events.flatMap((e) => (e.type === 'note' ? [sentence(lab.text, 'en', e)] : []));
      expect(notes.some((n) => n.startsWith('The engine could not mount this directory'))).toBe(true);
      return;
    }
    // Here, or in a VM sharing home folders: one directory, both ways.
    expect(facts.bindHostToContainer).toBe('written on the host');
    expect(facts.bindContainerToHost).toBe('written in the container');
    expect(facts.bindMountRoundTrip).toBe(true);
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
