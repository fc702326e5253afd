import { afterEach, describe, expect, it, vi } from 'vitest';
import { parseReport, qemuArgv } from '../../../labs/kit/vm/boot.ts';
import { BOOT_MARKER, END_MARKER, REPORT_SECTION } from '../../../labs/kit/vm/initramfs.ts';
import { findVmTools } from '../../../labs/kit/vm/minimal-vm.ts';

const options = { qemu: 'qemu-system-x86_64', kernel: '/k/vmlinuz', initramfs: '/t/initramfs.cpio' };

describe('VM boot', () => {
  afterEach(() => vi.unstubAllEnvs());

  it("boots QEMU's microvm, and tells a kernel under emulation its TSC frequency", () => {
    const tcg = qemuArgv({ ...options, accel: 'tcg' });
    expect(tcg.slice(0, 5)).toEqual(['qemu-system-x86_64', '-M', 'microvm', '-accel', 'tcg']);
    expect(tcg[tcg.indexOf('-append') + 1]).toMatch(/console=ttyS0 .*tsc_early_khz=\d+/);
    const kvm = qemuArgv({ ...options, accel: 'kvm' });
    expect(kvm[kvm.indexOf('-append') + 1]).not.toMatch(/tsc_early_khz/);
  });

  it('reads the guest report from a serial console with kernel noise and CRLFs around it', () => {
    const console = [
      '[    0.000000] Linux version 6.1.0',
      BOOT_MARKER,
      REPORT_SECTION,
      '6.1.0-57-cloud-amd64',
      REPORT_SECTION,
      'c85702db-89ad-41e8-97b0-a5f7d107714f',
      REPORT_SECTION,
      'MemTotal:         223632 kB',
      'MemAvailable:     199788 kB',
      REPORT_SECTION,
      'cpu 812345',
      REPORT_SECTION,
      END_MARKER,
      '[   13.6] reboot: Power down',
    ].join('\r\n');
    expect(parseReport(console)).toEqual({
      release: '6.1.0-57-cloud-amd64',
      bootId: 'c85702db-89ad-41e8-97b0-a5f7d107714f',
      guestMemTotalBytes: 223632 * 1024,
      guestMemAvailableBytes: 199788 * 1024,
      task: 'cpu 812345',
    });
  });

  it('says why no VM can boot instead of failing: no QEMU, or no kernel', async () => {
    if (process.arch !== 'x64') {
      expect(await findVmTools()).toMatchObject({
        missing: { key: 'kit.vmWrongArch', values: { arch: process.arch } },
      });
      return;
    }
    const qemuHere = !/vmNoQemu/.test(JSON.stringify(await findVmTools()));
    vi.stubEnv('PATH', '/nonexistent');
    expect(await findVmTools()).toEqual({ missing: { key: 'kit.vmNoQemu' } });
    vi.unstubAllEnvs();
    if (!qemuHere) return;
    vi.stubEnv('WHARF_VM_KERNEL', '/nonexistent/vmlinuz');
    expect(await findVmTools()).toEqual({
      missing: { key: 'kit.vmNoKernel', values: { path: '/nonexistent/vmlinuz' } },
    });
  });
});
