import { spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { WharfError } from '../core/errors.ts';
import { BOOT_MARKER, END_MARKER, REPORT_SECTION } from './initramfs.ts';

/** Software emulation (works everywhere, slowly) or the host's hardware virtualisation. */
export type Accel = 'tcg' | 'kvm';

export interface VmBootOptions {
  qemu: string;
  kernel: string;
  initramfs: string;
  accel: Accel;
  /** QEMU's machine type: `microvm` (no PCI, no firmware) unless a caller needs the full `pc`. */
  machine?: 'microvm' | 'pc';
  memoryMiB?: number;
  deadlineMs?: number;
  signal?: AbortSignal;
}

/** What the guest reported, and what the boot cost on the machine that ran QEMU. */
export interface VmBoot {
  /** Spawning QEMU → the guest's /init printing its first line. */
  bootMs: number;
  /** QEMU's resident memory on this machine once the guest had run its task (null where /proc is absent). */
  qemuRssBytes: number | null;
  release: string;
  bootId: string;
  guestMemTotalBytes: number | null;
  guestMemAvailableBytes: number | null;
  /** What the optional task printed. */
  task: string;
}

/** The kernel line: a serial console, no noise, power off on panic. */
function kernelArgs(accel: Accel): string {
  // Under software emulation a microvm has no clock to calibrate the TSC against (no PIT, no HPET):
  // the kernel stalls unless it is told a frequency. Wall time is measured outside, so any value does.
  const tsc = accel === 'tcg' ? ' tsc_early_khz=2000000' : '';
  return `console=ttyS0 quiet panic=-1${tsc}`;
}

/** The QEMU command line, as argv: shown on screen by the labs and run here. */
export function qemuArgv(options: VmBootOptions): string[] {
  return [
    options.qemu,
    '-M',
    options.machine ?? 'microvm',
    '-accel',
    options.accel,
    '-m',
    String(options.memoryMiB ?? 128),
    '-smp',
    '1',
    '-kernel',
    options.kernel,
    '-initrd',
    options.initramfs,
    '-append',
    kernelArgs(options.accel),
    '-nographic', // the serial console on stdio
    '-no-reboot',
  ];
}

const kib = (text: string, key: string) => {
  const match = new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(text);
  return match ? Number(match[1]) * 1024 : null;
};

/** The guest's report between the markers: release, boot id, memory, task output. */
export function parseReport(console: string): Omit<VmBoot, 'bootMs' | 'qemuRssBytes'> {
  const body = console.slice(console.indexOf(BOOT_MARKER), console.lastIndexOf(END_MARKER));
  const [, release = '', bootId = '', memory = '', task = ''] = body
    .replaceAll('\r', '')
    .split(`${REPORT_SECTION}\n`)
    .map((part) => part.trim());
  return {
    release,
    bootId,
    guestMemTotalBytes: kib(memory, 'MemTotal'),
    guestMemAvailableBytes: kib(memory, 'MemAvailable'),
    task,
  };
}

async function residentBytes(pid: number | undefined): Promise<number | null> {
  if (pid === undefined) return null;
  const status = await readFile(`/proc/${pid}/status`, 'utf8').catch(() => '');
  return kib(status, 'VmRSS');
}

/**
 * Boots the kernel with the initramfs under QEMU, reads the guest's report from the serial console
 * and kills the VM as soon as the report ends (or at the deadline, or when `signal` aborts).
 */
export function bootVm(options: VmBootOptions): Promise<VmBoot> {
  const [qemuPath = 'qemu', ...args] = qemuArgv(options);
  const deadlineMs = options.deadlineMs ?? 60_000;
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const qemu = spawn(qemuPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    let bootMs: number | undefined;
    let settled = false;
    const finish = (result: VmBoot | Error) => {
      if (settled) return;
      settled = true;
      clearTimeout(deadline);
      options.signal?.removeEventListener('abort', onAbort);
      qemu.kill('SIGKILL');
      if (result instanceof Error) reject(result);
      else resolve(result);
    };
    const onAbort = () => finish(options.signal?.reason ?? new Error('aborted'));
    options.signal?.addEventListener('abort', onAbort, { once: true });
    if (options.signal?.aborted) onAbort();
    const deadline = setTimeout(() => {
      const stage = bootMs === undefined ? 'boot' : 'finish its report';
      const seconds = deadlineMs / 1000;
      const said = {
        key: 'kit.vmTimedOut',
        values: {
          stage: { key: bootMs === undefined ? 'kit.vmStageBoot' : 'kit.vmStageReport' },
          seconds,
          accel: options.accel,
        },
      };
      finish(new WharfError(`The VM did not ${stage} within ${seconds} s (${options.accel}).`, undefined, { said }));
    }, deadlineMs);
    qemu.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString('latin1');
      if (bootMs === undefined && output.includes(BOOT_MARKER)) bootMs = Math.round(performance.now() - started);
      if (bootMs !== undefined && output.includes(`${END_MARKER}`)) {
        const report = parseReport(output);
        void residentBytes(qemu.pid).then((rss) => finish({ bootMs: bootMs ?? 0, qemuRssBytes: rss, ...report }));
      }
    });
    qemu.stderr.on('data', (chunk: Buffer) => {
      output += chunk.toString('latin1');
    });
    qemu.on('error', (error) => finish(new WharfError(`QEMU could not start: ${error.message}`)));
    qemu.on('exit', (code) => {
      if (!output.includes(END_MARKER))
        finish(new WharfError(`QEMU exited (${code}) before the VM reported.`, output.trim().slice(-400)));
    });
  });
}
