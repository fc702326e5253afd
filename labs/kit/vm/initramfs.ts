// A minimal initramfs for a VM boot: the vendored static busybox and an /init that says it is up,
// reports what the guest kernel sees, optionally runs a task, and powers off. The kernel wants a "newc" cpio archive, whose format is small enough to write directly
// (tests/unit/vm/initramfs.test.ts checks it with busybox's own cpio).

export interface CpioEntry {
  name: string;
  /** Full st_mode: type bits and permissions (0o100755 file, 0o040755 directory, 0o020600 char device). */
  mode: number;
  data?: Buffer;
  /** For device nodes. */
  rdev?: { major: number; minor: number };
}

const hex8 = (value: number) => value.toString(16).padStart(8, '0');
const pad4 = (length: number) => Buffer.alloc((4 - (length % 4)) % 4);

function record(entry: CpioEntry, ino: number): Buffer[] {
  const data = entry.data ?? Buffer.alloc(0);
  const name = Buffer.from(`${entry.name}\0`);
  const fields = [
    ino,
    entry.mode,
    0,
    0,
    entry.mode & 0o040000 ? 2 : 1,
    0,
    data.length,
    0,
    0,
    entry.rdev?.major ?? 0,
    entry.rdev?.minor ?? 0,
    name.length,
    0,
  ];
  const header = Buffer.from(`070701${fields.map(hex8).join('')}`, 'ascii');
  return [header, name, pad4(header.length + name.length), data, pad4(data.length)];
}

export function newcArchive(entries: CpioEntry[]): Buffer {
  const parts = entries.flatMap((entry, index) => record(entry, index + 1));
  parts.push(...record({ name: 'TRAILER!!!', mode: 0 }, 0));
  return Buffer.concat(parts);
}

export const BOOT_MARKER = 'WHARF-VM-UP';
export const END_MARKER = 'WHARF-VM-END';
/** Separates the parts of the guest's report on the serial console. */
export const REPORT_SECTION = '--- wharf-vm ---';

/**
 * /init prints the marker on the serial console as soon as it runs (the boot is over), then the
 * guest's kernel release, boot id and memory, then what `task` prints, then the end marker; the
 * VM is stopped as soon as the host sees it. `task` is a busybox sh script.
 */
export function bootInitramfs(busybox: Buffer, task = ''): Buffer {
  const bb = '/bin/busybox';
  const init = [
    `#!${bb} sh`,
    `${bb} echo ${BOOT_MARKER}`,
    `${bb} mkdir -p /proc /tmp && ${bb} mount -t proc proc /proc && ${bb} mount -t tmpfs tmpfs /tmp`,
    `${bb} --install -s /bin; export PATH=/bin`,
    `echo '${REPORT_SECTION}'; uname -r; echo '${REPORT_SECTION}'; cat /proc/sys/kernel/random/boot_id`,
    `echo '${REPORT_SECTION}'; grep -E '^(MemTotal|MemAvailable):' /proc/meminfo; echo '${REPORT_SECTION}'`,
    'sh /task',
    `echo '${REPORT_SECTION}'; echo ${END_MARKER}`,
    `exec ${bb} poweroff -f`,
    '',
  ].join('\n');
  return newcArchive([
    { name: 'bin', mode: 0o040755 },
    { name: 'dev', mode: 0o040755 },
    { name: 'dev/console', mode: 0o020600, rdev: { major: 5, minor: 1 } },
    { name: 'bin/busybox', mode: 0o100755, data: busybox },
    { name: 'task', mode: 0o100644, data: Buffer.from(`${task}\n`) },
    { name: 'init', mode: 0o100755, data: Buffer.from(init) },
  ]);
}
