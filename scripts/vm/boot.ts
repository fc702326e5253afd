import { spawn } from 'node:child_process';
import { WharfError } from '../../labs/kit/core/errors.ts';
import { BOOT_MARKER } from './initramfs.ts';

export interface VmBootOptions {
  qemu: string;
  kernel: string;
  initramfs: string;
  /** tcg (software emulation) works everywhere; kvm / hvf only where the host allows it. */
  accel: string;
  deadlineMs?: number;
}

/**
 * Boots a kernel with the initramfs under QEMU and resolves with the milliseconds from spawning QEMU
 * to the guest's /init printing its marker on the serial console. The VM is killed right after.
 */
export function bootOnce(options: VmBootOptions): Promise<number> {
  const args = [
    '-M',
    'pc',
    '-accel',
    options.accel,
    '-m',
    '256',
    '-smp',
    '1',
    '-kernel',
    options.kernel,
    '-initrd',
    options.initramfs,
    '-append',
    'console=ttyS0 quiet panic=-1',
    '-nographic',
    '-no-reboot', // -nographic puts the serial console on stdio
  ];
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const qemu = spawn(options.qemu, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const deadline = setTimeout(
      () =>
        finish(
          new WharfError(`The VM did not boot within ${(options.deadlineMs ?? 60_000) / 1000} s.`, output.slice(-2000)),
        ),
      options.deadlineMs ?? 60_000,
    );
    const finish = (result: number | Error) => {
      clearTimeout(deadline);
      qemu.kill('SIGKILL');
      if (typeof result === 'number') resolve(result);
      else reject(result);
    };
    qemu.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString('latin1');
      if (output.includes(BOOT_MARKER)) finish(performance.now() - started);
    });
    qemu.stderr.on('data', (chunk: Buffer) => (output += chunk.toString('latin1')));
    qemu.on('error', (error) => finish(error));
    qemu.on('exit', (code) => {
      if (!output.includes(BOOT_MARKER))
        finish(new WharfError(`QEMU exited (${code}) before the VM booted.`, output.slice(-2000)));
    });
  });
}
