import { constants, existsSync } from 'node:fs';
import { access, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { which } from 'zx';
import { vmToolsCacheDir } from '../core/cache-dir.ts';
import { WharfError } from '../core/errors.ts';
import type { Said } from '../core/text.ts';
import { busyboxPathFor } from '../engine/base-image.ts';
import { type Accel, bootVm, qemuArgv, type VmBoot } from './boot.ts';
import { bootInitramfs } from './initramfs.ts';

// A minimal VM on the machine that runs the lab: QEMU's microvm machine, a stock Debian cloud kernel
// (scripts/fetch-vm-kernel.sh, cached outside the repository) and a busybox initramfs.

export const vmCacheDir = () => join(vmToolsCacheDir(), 'vm');

export interface VmTools {
  qemu: string;
  kernel: string;
}

/** QEMU and the kernel, or the reason a VM cannot boot here (a kit sentence said on screen, never thrown). */
export async function findVmTools(): Promise<VmTools | { missing: Said }> {
  if (process.arch !== 'x64') return { missing: { key: 'kit.vmWrongArch', values: { arch: process.arch } } };
  const qemu = await which('qemu-system-x86_64', { nothrow: true });
  if (!qemu) return { missing: { key: 'kit.vmNoQemu' } };
  const kernel = process.env.WHARF_VM_KERNEL ?? join(vmCacheDir(), 'vmlinuz');
  if (!existsSync(kernel)) return { missing: { key: 'kit.vmNoKernel', values: { path: kernel } } };
  return { qemu, kernel };
}

const KVM_DEADLINE_MS = 5_000;
const TCG_DEADLINE_MS = 60_000;

/** Hardware virtualisation when this host offers it (WHARF_VM_ACCEL=kvm|tcg decides instead). */
export async function hostHasKvm(): Promise<boolean> {
  if (process.platform !== 'linux') return false;
  return access('/dev/kvm', constants.R_OK | constants.W_OK).then(
    () => true,
    () => false,
  );
}

export interface MinimalVmBoot extends VmBoot {
  accel: Accel;
  /** The QEMU command line that booted it. */
  argv: string[];
  /** Why software emulation ran although KVM is present (a KVM boot that failed), else null. */
  /** Why KVM did not boot it, when it fell back to software emulation: a kit sentence where the kit knows it. */
  kvmFailure: Said | string | null;
}

/**
 * Boots the minimal VM once, with KVM where the host has it and software emulation otherwise; a
 * KVM boot that fails (nested virtualisation often does) falls back to emulation and says why.
 * `task` is a busybox sh script run inside the guest before it reports.
 */
export async function bootMinimalVm(
  tools: VmTools,
  { task = '', signal, kvmOnly = false }: { task?: string; signal?: AbortSignal; kvmOnly?: boolean } = {},
): Promise<MinimalVmBoot> {
  const dir = await mkdtemp(join(tmpdir(), 'wharf-vm-'));
  const initramfs = join(dir, 'initramfs.cpio');
  try {
    await writeFile(initramfs, bootInitramfs(await readFile(busyboxPathFor('amd64')), task));
    const forced = process.env.WHARF_VM_ACCEL;
    if (forced && forced !== 'kvm' && forced !== 'tcg')
      throw new WharfError(`WHARF_VM_ACCEL must be kvm or tcg, not "${forced}".`);
    const tryKvm = forced ? forced === 'kvm' : kvmOnly || (await hostHasKvm());
    let kvmFailure: Said | string | null = null;
    if (tryKvm) {
      const options = { ...tools, initramfs, accel: 'kvm' as const, signal, deadlineMs: KVM_DEADLINE_MS };
      try {
        return { ...(await bootVm(options)), accel: 'kvm', argv: qemuArgv(options), kvmFailure };
      } catch (error) {
        if (signal?.aborted || forced === 'kvm' || kvmOnly) throw error;
        kvmFailure = error instanceof WharfError && error.said ? error.said : (error as Error).message;
      }
    }
    const options = { ...tools, initramfs, accel: 'tcg' as const, signal, deadlineMs: TCG_DEADLINE_MS };
    return { ...(await bootVm(options)), accel: 'tcg', argv: qemuArgv(options), kvmFailure };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** What `startup` learnt from its VM boot, kept for the labs that compare against a VM. */
export interface VmBootRecord extends Omit<MinimalVmBoot, 'task' | 'argv'> {
  at: string;
  kernel: string;
}

const recordPath = () => join(vmCacheDir(), 'last-boot.json');

export async function saveVmBootRecord(record: VmBootRecord): Promise<void> {
  await mkdir(vmCacheDir(), { recursive: true });
  await writeFile(recordPath(), `${JSON.stringify(record, null, 1)}\n`);
}

/** The last VM boot `startup` recorded on this machine, if any. */
export async function lastVmBootRecord(): Promise<VmBootRecord | undefined> {
  const text = await readFile(recordPath(), 'utf8').catch(() => undefined);
  if (!text) return undefined;
  try {
    return JSON.parse(text) as VmBootRecord;
  } catch {
    return undefined;
  }
}
