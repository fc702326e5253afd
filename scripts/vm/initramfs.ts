// A minimal initramfs for the VM boot benchmark: the vendored static busybox and an /init that says
// it is up. The kernel wants a "newc" cpio archive, whose format is small enough to write directly
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

/** /init prints the marker on the serial console; the benchmark stops the VM as soon as it sees it. */
export function bootInitramfs(busybox: Buffer): Buffer {
  const init = `#!/bin/busybox sh\n/bin/busybox echo ${BOOT_MARKER}\nexec /bin/busybox poweroff -f\n`;
  return newcArchive([
    { name: 'bin', mode: 0o040755 },
    { name: 'dev', mode: 0o040755 },
    { name: 'dev/console', mode: 0o020600, rdev: { major: 5, minor: 1 } },
    { name: 'bin/busybox', mode: 0o100755, data: busybox },
    { name: 'init', mode: 0o100755, data: Buffer.from(init) },
  ]);
}
