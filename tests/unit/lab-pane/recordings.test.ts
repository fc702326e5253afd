// Which recording a lab slide shows: `?recordings=<set>` names a folder of bundled recordings and
// nothing else; a name that is not a plain folder name, or a set without this lab, is the default.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Recording } from '../../../runner/protocol.ts';
import { addressFor, chosenSet, recordingFor, setsFor } from '../../../slides/plugins/lab-runner/recordings.ts';

const onDisk = (path: string) =>
  JSON.parse(readFileSync(new URL(`../../../recordings/${path}`, import.meta.url), 'utf8')) as Recording;

describe('recording sets', () => {
  it('takes only a plain folder name from the address', () => {
    expect(chosenSet('?recordings=docker-20.10-cgroup-v1')).toBe('docker-20.10-cgroup-v1');
    for (const bad of ['../recordings', '/etc', 'a/b', '.hidden', '%2e%2e', '', 'DOCKER']) {
      expect(chosenSet(`?recordings=${encodeURIComponent(bad)}`), bad).toBe('');
    }
    expect(chosenSet('?lang=zh')).toBe('');
  });

  it('shows the chosen set where it has the lab, the default set otherwise', async () => {
    expect(setsFor('cgroups')).toEqual(['', 'docker-20.10-cgroup-v1']);
    expect(setsFor('startup')).toEqual(['']);
    const v1 = await recordingFor('cgroups', 'docker-20.10-cgroup-v1');
    expect(v1?.engine.version).toBe(onDisk('docker-20.10-cgroup-v1/cgroups.json').engine.version);
    expect((await recordingFor('cgroups', 'no-such-set'))?.recordedAt).toBe(onDisk('cgroups.json').recordedAt);
    expect((await recordingFor('startup', 'docker-20.10-cgroup-v1'))?.recordedAt).toBe(
      onDisk('startup.json').recordedAt,
    );
  });

  it('links another set on the same slide, keeping the page’s other settings', () => {
    const here = { pathname: '/', search: '?lang=zh&recordings=docker-20.10-cgroup-v1', hash: '#/lab-cgroups' };
    expect(addressFor('', here)).toBe('/?lang=zh#/lab-cgroups');
    expect(addressFor('docker-20.10-cgroup-v1', { ...here, search: '?lang=zh' })).toBe(
      '/?lang=zh&recordings=docker-20.10-cgroup-v1#/lab-cgroups',
    );
  });
});
