import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';
import { WharfError } from '../../labs/kit/core/errors.ts';

function onPath(name: string): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    try {
      accessSync(join(dir, name), constants.X_OK);
      return join(dir, name);
    } catch {
      // not here
    }
  }
  return undefined;
}

function firstExecutable(paths: string[]): string | undefined {
  return paths.find((path) => {
    try {
      accessSync(path, constants.X_OK);
      return true;
    } catch {
      return false;
    }
  });
}

export interface Tools {
  qemu: string;
  /** QEMU 7.2's virtiofsd (Debian: /usr/lib/qemu/virtiofsd) or the Rust one; absent → 9p. */
  virtiofsd?: string;
}

const INSTALL = 'On Debian/Ubuntu: apt-get install qemu-system-x86 mmdebstrap (as root; the image build needs root).';

/** What booting the VM needs; building the image needs mmdebstrap too (checked only when building). */
export function requireTools(): Tools {
  const qemu = onPath('qemu-system-x86_64');
  if (!qemu)
    throw new WharfError('QEMU is missing: the engine matrix boots its engines in a VM (qemu-system-x86_64).', INSTALL);
  const virtiofsd = onPath('virtiofsd') ?? firstExecutable(['/usr/lib/qemu/virtiofsd', '/usr/libexec/virtiofsd']);
  return { qemu, virtiofsd };
}

export function requireBuildTools(): void {
  const missing = ['mmdebstrap', 'mke2fs'].filter(
    (tool) => !onPath(tool) && !firstExecutable([`/usr/sbin/${tool}`, `/sbin/${tool}`]),
  );
  if (missing.length)
    throw new WharfError(
      `Building the engine VM image needs ${missing.join(' and ')}, which ${missing.length > 1 ? 'are' : 'is'} missing.`,
      INSTALL,
    );
  if (process.getuid?.() !== 0) {
    throw new WharfError(
      'Building the engine VM image needs root (mmdebstrap keeps device nodes and file owners).',
      'Run `npm run test:engines` as root once; later runs reuse the cached image.',
    );
  }
}
