import { describe, expect, it } from 'vitest';
import { parseMountinfoLine, rootMount } from '../../labs/kit/parse/mountinfo.ts';

// As read in a container on overlay2 and on its host (Debian 12, Docker 20.10).
const CONTAINER = `73 49 0:39 / / rw,relatime master:2 - overlay overlay rw,lowerdir=/var/lib/docker/overlay2/l/WWLL:/var/lib/docker/overlay2/l/Z4TU,upperdir=/var/lib/docker/overlay2/c698/diff,workdir=/var/lib/docker/overlay2/c698/work
74 73 0:42 / /proc rw,nosuid,nodev,noexec,relatime - proc proc rw
75 73 0:43 / /dev rw,nosuid - tmpfs tmpfs rw,size=65536k,mode=755
196 73 254:0 /var/lib/docker/containers/ba94/resolv.conf /etc/resolv.conf rw,relatime - ext4 /dev/vda rw,discard
`;
const HOST = '27 1 254:0 / / rw,relatime - ext4 /dev/vda rw,discard,resv_strict,resuid=65534,resgid=65534\n';

describe('rootMount', () => {
  it('finds the filesystem at / inside a container and on the host', () => {
    expect(rootMount(CONTAINER)).toEqual({ mountPoint: '/', fsType: 'overlay', source: 'overlay' });
    expect(rootMount(HOST)).toEqual({ mountPoint: '/', fsType: 'ext4', source: '/dev/vda' });
  });

  it('takes the last mount on /, the one that hides the others', () => {
    expect(rootMount(`1 0 0:1 / / rw - rootfs rootfs rw\n${HOST}`)?.fsType).toBe('ext4');
  });
});

describe('parseMountinfoLine', () => {
  it('copes with no optional fields, several, and escaped spaces', () => {
    expect(
      parseMountinfoLine('36 35 98:0 /mnt1 /mnt\\040two rw,noatime master:1 shared:7 - ext3 /dev/root rw'),
    ).toEqual({
      mountPoint: '/mnt two',
      fsType: 'ext3',
      source: '/dev/root',
    });
    expect(parseMountinfoLine('not a mountinfo line')).toBeUndefined();
  });
});
