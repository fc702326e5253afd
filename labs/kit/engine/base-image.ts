import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type Docker from 'dockerode';
import { pack } from 'tar-stream';
import { withDeadline } from '../core/deadline.ts';
import { WharfError } from '../core/errors.ts';
import { LAB_LABEL } from '../core/labels.ts';
import { followBuild } from './build.ts';
import { inspectImage } from './image-calls.ts';

export const BASE_IMAGE = 'wharf/base:latest';
export const HASH_LABEL = 'wharf.hash';

/** Podman qualifies short names (docker.io/wharf/base:latest), Docker does not. */
export function isBaseImage(repoTags: string[] | undefined | null): boolean {
  return (repoTags ?? []).some((tag) => tag === BASE_IMAGE || tag.endsWith(`/${BASE_IMAGE}`));
}

const ASSETS = fileURLToPath(new URL('../../../assets/busybox/', import.meta.url));
/** Engines report Go architecture names; Podman on some hosts reports the kernel's. */
const ARCH_ALIASES: Record<string, string> = { amd64: 'amd64', x86_64: 'amd64', arm64: 'arm64', aarch64: 'arm64' };
export const SUPPORTED_ARCHES = ['amd64', 'arm64'];

// The whole image: one static busybox, its applet links made by busybox itself at build time
// (so the list always matches the binary), and the few files a Unix userland expects.
const DOCKERFILE = `FROM scratch
COPY rootfs/ /
RUN ["/bin/busybox", "--install", "-s", "/bin"]
ENV PATH=/bin
WORKDIR /
CMD ["sh"]
`;
const PASSWD = 'root:x:0:0:root:/root:/bin/sh\nnobody:x:65534:65534:nobody:/:/bin/false\n';
const GROUP = 'root:x:0:\nnobody:x:65534:\n';

interface ContextEntry {
  name: string;
  mode: number;
  type: 'file' | 'directory';
  content?: Buffer;
}

export function busyboxPathFor(engineArch: string): string {
  const arch = ARCH_ALIASES[engineArch];
  if (!arch) {
    throw new WharfError(
      `The engine runs on ${engineArch}, and Wharf ships busybox only for ${SUPPORTED_ARCHES.join(' and ')}.`,
      'Run the labs on an amd64 or arm64 engine, or add that architecture with scripts/refresh-busybox.sh.',
    );
  }
  return `${ASSETS}${arch}/busybox`;
}

async function buildContext(engineArch: string): Promise<ContextEntry[]> {
  const path = busyboxPathFor(engineArch);
  const busybox = await readFile(path).catch((error: unknown) => {
    throw new WharfError(
      `The vendored busybox for ${engineArch} is missing (${path}).`,
      'Restore assets/ from git, or run scripts/refresh-busybox.sh.',
      { cause: error },
    );
  });
  return [
    { name: 'Dockerfile', mode: 0o644, type: 'file', content: Buffer.from(DOCKERFILE) },
    ...['rootfs/bin', 'rootfs/etc', 'rootfs/root', 'rootfs/var/www'].map(
      (name): ContextEntry => ({ name, mode: 0o755, type: 'directory' }),
    ),
    { name: 'rootfs/tmp', mode: 0o1777, type: 'directory' },
    { name: 'rootfs/bin/busybox', mode: 0o755, type: 'file', content: busybox },
    { name: 'rootfs/etc/passwd', mode: 0o644, type: 'file', content: Buffer.from(PASSWD) },
    { name: 'rootfs/etc/group', mode: 0o644, type: 'file', content: Buffer.from(GROUP) },
  ];
}

/** Same inputs, same hash: the image is rebuilt only when the recipe or the binary changes. */
export function contextHash(entries: ContextEntry[]): string {
  const hash = createHash('sha256');
  for (const entry of entries) {
    hash.update(`${entry.type} ${entry.name} ${entry.mode.toString(8)}\n`);
    if (entry.content) hash.update(entry.content);
  }
  return hash.digest('hex');
}

export function tarOf(entries: ContextEntry[]): NodeJS.ReadableStream {
  const tar = pack();
  // Fixed timestamps keep the build context byte-for-byte reproducible.
  const mtime = new Date(0);
  for (const { name, mode, type, content } of entries) {
    const header = { name, mode, type, mtime, uid: 0, gid: 0 };
    if (content) tar.entry(header, content);
    else tar.entry(header); // directories take no body
  }
  tar.finalize();
  return tar as unknown as NodeJS.ReadableStream;
}

export interface BaseImageResult {
  image: string;
  built: boolean;
  hash: string;
}

async function existingHash(docker: Docker, signal: AbortSignal): Promise<string | undefined> {
  try {
    const image = await inspectImage(docker, BASE_IMAGE, signal);
    return image.Config?.Labels?.[HASH_LABEL];
  } catch (error) {
    if ((error as { statusCode?: number }).statusCode === 404) return undefined;
    throw error;
  }
}

/**
 * Makes sure `wharf/base` exists for the engine's architecture, building it FROM scratch from the
 * vendored busybox when it is missing or out of date. No registry is ever contacted.
 */
export async function ensureBaseImage(
  docker: Docker,
  engineArch: string,
  options: { signal?: AbortSignal; onLine?: (line: string) => void } = {},
): Promise<BaseImageResult> {
  const entries = await buildContext(engineArch);
  const hash = contextHash(entries);
  if ((await existingHash(docker, withDeadline(options.signal, 10_000))) === hash)
    return { image: BASE_IMAGE, built: false, hash };

  const stream = await docker.buildImage(tarOf(entries), {
    t: BASE_IMAGE,
    labels: { [LAB_LABEL]: 'base', [HASH_LABEL]: hash },
    rm: true,
    forcerm: true,
    abortSignal: options.signal,
  } as Docker.ImageBuildOptions);
  await followBuild(docker, stream, options.onLine, options.signal);
  return { image: BASE_IMAGE, built: true, hash };
}
