import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { busyboxPathFor } from '../../../labs/kit/engine/base-image.ts';
import { BOOT_MARKER, bootInitramfs, newcArchive } from '../../../labs/kit/vm/initramfs.ts';

// The archive is checked by an independent reader: busybox's own cpio, the vendored x86-64 binary.
const busybox = busyboxPathFor('amd64');
const cpio = (args: string[], archive: Buffer, cwd?: string) =>
  execFileSync(busybox, ['cpio', ...args], { input: archive, cwd }).toString();

// Each test extracts into a directory of its own, removed afterwards.
const made: string[] = [];
const scratch = () => {
  made.push(mkdtempSync(join(tmpdir(), 'wharf-cpio-')));
  return made.at(-1)!;
};
afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe.runIf(process.arch === 'x64')('newcArchive', () => {
  it('writes an archive busybox cpio lists and extracts byte for byte', () => {
    const odd = Buffer.from('three'); // lengths that are not multiples of 4 exercise the padding
    const archive = newcArchive([
      { name: 'dir', mode: 0o040755 },
      { name: 'dir/odd.txt', mode: 0o100644, data: odd },
      { name: 'run.sh', mode: 0o100755, data: Buffer.from('#!/bin/sh\necho hi\n') },
    ]);
    expect(cpio(['-t'], archive).trim().split('\n')).toEqual(['dir', 'dir/odd.txt', 'run.sh']);

    const out = scratch();
    cpio(['-i', '-d'], archive, out);
    expect(readFileSync(join(out, 'dir/odd.txt'))).toEqual(odd);
    expect(statSync(join(out, 'run.sh')).mode & 0o777).toBe(0o755);
    expect(statSync(join(out, 'dir')).isDirectory()).toBe(true);
  });

  it('builds the boot initramfs: busybox, a console node and an /init that prints the marker', () => {
    const archive = bootInitramfs(readFileSync(busybox));
    const listing = cpio(['-tv'], archive);
    expect(listing).toMatch(/^crw-------\s.*dev\/console$/m);
    expect(listing).toMatch(/^-rwxr-xr-x\s.*bin\/busybox$/m);
    const out = scratch();
    cpio(['-i', 'init'], archive, out);
    expect(readFileSync(join(out, 'init'), 'utf8')).toContain(`echo ${BOOT_MARKER}`);
  });
});
