import { describe, expect, it } from 'vitest';
import { qemuArgs, type VmLayout } from '../../../scripts/engines/qemu-args.ts';

const layout: VmLayout = {
  image: { disk: '/cache/root.img', kernel: '/cache/vmlinuz', initrd: '/cache/initrd.img' },
  memoryMiB: 4096,
  cpus: 2,
  engines: ['docker-desktop-like', 'podman'],
  forwards: [
    { host: 41001, guest: 2375 },
    { host: 41002, guest: 2376 },
  ],
  share: { path: '/tmp/wharf-engines-x/shared', virtiofsSocket: '/tmp/wharf-engines-x/virtiofs.sock' },
  publishedPorts: { first: 20064, last: 20066 },
  serialLog: '/tmp/wharf-engines-x/serial.log',
};
const flagValue = (args: string[], flag: string) => args[args.indexOf(flag) + 1] ?? '';

describe('qemuArgs', () => {
  it('emulates with single-threaded TCG and never writes the cached disk', () => {
    const args = qemuArgs(layout);
    expect(flagValue(args, '-accel')).toBe('tcg,thread=single');
    expect(flagValue(args, '-drive')).toBe('file=/cache/root.img,if=virtio,format=raw,snapshot=on');
    expect(flagValue(args, '-smp')).toBe('2');
  });

  it('keeps the guest off every network and forwards only from 127.0.0.1: the APIs and the published range one to one', () => {
    const netdev = flagValue(qemuArgs(layout), '-netdev').split(',');
    expect(netdev.slice(0, 3)).toEqual(['user', 'id=net0', 'restrict=on']);
    expect(netdev.slice(3)).toEqual([
      'hostfwd=tcp:127.0.0.1:41001-:2375',
      'hostfwd=tcp:127.0.0.1:41002-:2376',
      'hostfwd=tcp:127.0.0.1:20064-:20064',
      'hostfwd=tcp:127.0.0.1:20065-:20065',
      'hostfwd=tcp:127.0.0.1:20066-:20066',
    ]);
  });

  it('tells the guest what to mount where and which ports it publishes on', () => {
    const append = flagValue(qemuArgs(layout), '-append');
    expect(append).toContain('init=/usr/local/sbin/wharf-init');
    expect(append).toContain('net.ifnames=0');
    expect(append).toContain('wharf.share=/tmp/wharf-engines-x/shared');
    expect(append).toContain('wharf.ports=20064-20066');
    expect(append).toContain('wharf.engines=docker-desktop-like,podman');
  });

  it('shares guest memory with virtiofsd, or falls back to 9p without it', () => {
    const virtiofs = qemuArgs(layout);
    expect(flagValue(virtiofs, '-object')).toBe('memory-backend-memfd,id=mem,size=4096M,share=on');
    expect(flagValue(virtiofs, '-device')).toBe('virtio-net-pci,netdev=net0');
    expect(virtiofs).toContain('vhost-user-fs-pci,queue-size=1024,chardev=vfs,tag=wharf');
    const ninep = qemuArgs({ ...layout, share: { path: '/tmp/s' } });
    expect(flagValue(ninep, '-virtfs')).toBe('local,path=/tmp/s,mount_tag=wharf,security_model=passthrough,id=wharf');
    expect(ninep).not.toContain('-object');
  });
});
