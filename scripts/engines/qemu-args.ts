import type { VmImage } from './image.ts';

export interface VmLayout {
  image: Pick<VmImage, 'disk' | 'kernel' | 'initrd'>;
  memoryMiB: number;
  cpus: number;
  /** The engines this VM serves (see wharf-init); the others are not started. */
  engines: string[];
  /** Host port on 127.0.0.1 → guest port. */
  forwards: { host: number; guest: number }[];
  /** The client folder the guest mounts at the same path, served by virtiofsd on this socket (or 9p). */
  share?: { path: string; virtiofsSocket?: string };
  /** Published ports of the desktop-like engine: forwarded one to one. */
  publishedPorts?: { first: number; last: number };
  serialLog: string;
}

/**
 * QEMU's command line. Software emulation (TCG), single-threaded: KVM is not usable on CI machines
 * like this one and multi-threaded TCG oopsed the 7.2 guest at boot. User-mode networking with
 * restrict=on keeps the guest off every network; only the listed ports are forwarded, and only
 * from 127.0.0.1. The disk is opened with snapshot=on: every boot starts from the pristine image
 * and nothing the labs write survives, so killing QEMU can never damage the cache.
 */
export function qemuArgs(layout: VmLayout): string[] {
  const forwards = [...layout.forwards];
  const published = layout.publishedPorts;
  if (published)
    for (let port = published.first; port <= published.last; port++) forwards.push({ host: port, guest: port });
  const netdev = [
    'user',
    'id=net0',
    'restrict=on',
    ...forwards.map((f) => `hostfwd=tcp:127.0.0.1:${f.host}-:${f.guest}`),
  ].join(',');
  const append = [
    'root=/dev/vda',
    'rw',
    'console=ttyS0',
    'net.ifnames=0',
    'panic=-1',
    'init=/usr/local/sbin/wharf-init',
    `wharf.engines=${layout.engines.join(',')}`,
    ...(layout.share ? [`wharf.share=${layout.share.path}`] : []),
    ...(published ? [`wharf.ports=${published.first}-${published.last}`] : []),
  ].join(' ');
  const args = [
    '-accel',
    'tcg,thread=single',
    '-M',
    'q35',
    '-cpu',
    'max',
    '-smp',
    String(layout.cpus),
    '-m',
    `${layout.memoryMiB}M`,
    '-kernel',
    layout.image.kernel,
    '-initrd',
    layout.image.initrd,
    '-append',
    append,
    '-drive',
    `file=${layout.image.disk},if=virtio,format=raw,snapshot=on`,
    '-netdev',
    netdev,
    '-device',
    'virtio-net-pci,netdev=net0',
    '-serial',
    `file:${layout.serialLog}`,
    '-display',
    'none',
    '-monitor',
    'none',
    '-no-reboot',
  ];
  const share = layout.share;
  if (share?.virtiofsSocket) {
    // vhost-user needs the guest's memory shared with virtiofsd.
    args.push(
      '-object',
      `memory-backend-memfd,id=mem,size=${layout.memoryMiB}M,share=on`,
      '-numa',
      'node,memdev=mem',
      '-chardev',
      `socket,id=vfs,path=${share.virtiofsSocket}`,
      '-device',
      'vhost-user-fs-pci,queue-size=1024,chardev=vfs,tag=wharf',
    );
  } else if (share) {
    args.push('-virtfs', `local,path=${share.path},mount_tag=wharf,security_model=passthrough,id=wharf`);
  }
  return args;
}
