import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { vmCacheDir } from '../../labs/kit/vm/minimal-vm.ts';

// What a test knows about the VM without asking the lab: the kernel file and the release written in
// its own boot header, QEMU on the PATH, and any QEMU left running with a Wharf initramfs.

export const vmKernelPath = () => process.env.WHARF_VM_KERNEL ?? join(vmCacheDir(), 'vmlinuz');

/** The release an x86 bzImage announces: its boot header points at a version string (offset 0x20E). */
export function bzImageRelease(path: string): string {
  const image = readFileSync(path);
  const at = image.readUInt16LE(0x20e) + 0x200;
  return image.subarray(at, image.indexOf(0, at)).toString('latin1').split(' ')[0] ?? '';
}

export const qemuInstalled = () =>
  (process.env.PATH ?? '').split(':').some((dir) => existsSync(join(dir, 'qemu-system-x86_64')));

export const vmPossible = () => process.arch === 'x64' && qemuInstalled() && existsSync(vmKernelPath());

/** QEMU processes still running with an initramfs from the kit's temporary directories. */
export function strayVms(): string[] {
  return readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry))
    .flatMap((pid) => {
      const cmdline = (() => {
        try {
          return readFileSync(`/proc/${pid}/cmdline`, 'latin1');
        } catch {
          return '';
        }
      })();
      return cmdline.includes('qemu-system') && cmdline.includes('wharf-vm-') ? [pid] : [];
    });
}
