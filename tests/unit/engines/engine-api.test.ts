import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { type InfoReply, type VersionReply, versionsFrom } from '../../../scripts/engines/engine-api.ts';

// Real answers of the matrix VM's engines (Debian sid, Dec 2026), /info trimmed to the fields read.
const fixture = <T>(name: string) =>
  JSON.parse(readFileSync(new URL(`../fixtures/engines/${name}.json`, import.meta.url), 'utf8')) as T;

describe('versionsFrom', () => {
  it('reads Docker with the containerd image store: containerd and runc from the components, the snapshotter from DriverStatus', () => {
    expect(
      versionsFrom(fixture<VersionReply>('docker-remote.version'), fixture<InfoReply>('docker-remote.info')),
    ).toEqual({
      engine: 'Docker Engine 28.5.2+dfsg4',
      api: '1.51',
      containerd: '2.1.9+unknown',
      runtime: 'runc 1.3.6+ds1',
      kernel: '7.2.13+deb14-cloud-amd64',
      cgroup: 'v2 (cgroupfs)',
      storage: 'overlayfs (io.containerd.snapshotter.v1)',
      os: 'Debian GNU/Linux forky/sid (containerized)',
    });
  });

  it('reads Podman: no containerd, crun and conmon from their multi-line version strings', () => {
    expect(versionsFrom(fixture<VersionReply>('podman.version'), fixture<InfoReply>('podman.info'))).toMatchObject({
      engine: 'Podman 5.8.6',
      containerd: undefined,
      runtime: 'crun 1.28, conmon 2.1.13',
      cgroup: 'v2 (cgroupfs)',
      storage: 'overlay',
    });
  });
});
