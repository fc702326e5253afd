import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { which } from 'zx';
import { WharfError } from '../../labs/kit/core/errors.ts';
import { BASE_IMAGE, busyboxPathFor } from '../../labs/kit/engine/base-image.ts';
import type { Engine } from '../../labs/kit/engine/connect.ts';
import { runToCompletion } from '../../labs/kit/engine/containers.ts';
import { percentile } from '../../labs/kit/parse/stats.ts';
import { createOptions } from '../../labs/kit/spec/container.ts';
import { bootVm } from '../../labs/kit/vm/boot.ts';
import { bootInitramfs } from '../../labs/kit/vm/initramfs.ts';
import { vmCacheDir } from '../../labs/kit/vm/minimal-vm.ts';
import { median, ms, timed } from './stats.ts';

async function prerequisites(): Promise<{ qemu: string; kernel: string }> {
  if (process.arch !== 'x64')
    throw new WharfError(`The VM boot benchmark boots an x86-64 kernel; this machine is ${process.arch}.`);
  const qemu = await which('qemu-system-x86_64', { nothrow: true });
  if (!qemu)
    throw new WharfError('qemu-system-x86_64 is not installed.', 'Debian/Ubuntu: apt-get install qemu-system-x86');
  const kernel = process.env.WHARF_VM_KERNEL ?? join(vmCacheDir(), 'vmlinuz');
  if (!existsSync(kernel))
    throw new WharfError(
      `No kernel at ${kernel}.`,
      "Fetch Debian's cloud kernel with scripts/fetch-vm-kernel.sh, or set WHARF_VM_KERNEL.",
    );
  return { qemu, kernel };
}

/**
 * A real VM boot beside a container start, alternating in one run: QEMU boots a stock Debian cloud
 * kernel with a busybox initramfs (spawn → /init runs) vs the kit's create/start/wait/logs/remove of a
 * container running `true`. Software emulation (tcg) unless WHARF_VM_ACCEL=kvm.
 */
export async function benchVmBoot({ docker }: Engine, rounds = 5): Promise<Record<string, number>> {
  const { qemu, kernel } = await prerequisites();
  const accel = process.env.WHARF_VM_ACCEL === 'kvm' ? 'kvm' : 'tcg';
  const initramfs = join(tmpdir(), `wharf-initramfs-${process.pid}.cpio`);
  await writeFile(initramfs, bootInitramfs(await readFile(busyboxPathFor('amd64'))));
  const labels = { 'wharf.lab': 'bench', 'wharf.run': `bench-${process.pid}` };
  const vm: number[] = [];
  const container: number[] = [];
  for (let i = 0; i < rounds; i++) {
    vm.push((await bootVm({ qemu, kernel, initramfs, accel })).bootMs);
    container.push(
      await timed(() =>
        runToCompletion(docker, createOptions({ image: BASE_IMAGE, cmd: ['true'], labels }), undefined),
      ),
    );
  }
  const result = {
    vmBootP50Ms: median(vm),
    vmBootP95Ms: percentile(vm, 95),
    containerP50Ms: median(container),
    containerP95Ms: percentile(container, 95),
    ratio: median(vm) / median(container),
  };
  console.log(
    `vm boot    ${ms(result.vmBootP50Ms)} p50 / ${ms(result.vmBootP95Ms)} p95 (QEMU microvm, ${accel})  container ${ms(result.containerP50Ms)} p50 / ${ms(result.containerP95Ms)} p95  VM/container ${result.ratio.toFixed(1)}×`,
  );
  return result;
}
