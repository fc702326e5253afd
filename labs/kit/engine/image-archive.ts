import { Readable } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import type Docker from 'dockerode';
import { extract } from 'tar-stream';
import { WharfError } from '../core/errors.ts';
import { humanBytes } from '../parse/layers.ts';
import { exportImage } from './image-calls.ts';

/** One image in a `docker save` archive's manifest.json. */
export interface ManifestEntry {
  Config: string;
  RepoTags: string[] | null;
  /** Paths inside the archive of each layer's tar, lowest layer first. */
  Layers: string[];
}

export interface ImageArchive {
  manifest: ManifestEntry[];
  files: { name: string; bytes: number }[];
}

/**
 * `docker save` into memory. The lab images are a few MB (busybox), so holding one in a Buffer is
 * cheaper and tidier than a temporary file that would need cleaning up.
 */
export async function saveImage(docker: Docker, name: string, signal: AbortSignal): Promise<Buffer> {
  return buffer(await exportImage(docker, name, signal));
}

/** Lists a saved image: its manifest.json and every file with its size, read from memory. */
export async function readImageArchive(tar: Buffer): Promise<ImageArchive> {
  const entries = extract();
  Readable.from([tar]).pipe(entries);
  const files: ImageArchive['files'] = [];
  let manifest: ManifestEntry[] | undefined;
  for await (const entry of entries) {
    const { name, size = 0, type } = entry.header;
    if (type === 'file') files.push({ name, bytes: size });
    if (name === 'manifest.json') manifest = JSON.parse((await buffer(entry)).toString('utf8')) as ManifestEntry[];
    else entry.resume();
  }
  if (!manifest) throw new WharfError('The saved image has no manifest.json: not a docker save archive.');
  return { manifest, files };
}

/** `docker load`: returns the engine's "Loaded image: …" lines. A failed load arrives as {error}. */
export async function loadImage(docker: Docker, tar: Buffer, signal: AbortSignal): Promise<string[]> {
  const stream = await docker.loadImage(Readable.from([tar]), { quiet: true, abortSignal: signal });
  return new Promise((resolve, reject) => {
    const loaded: string[] = [];
    let failure: string | undefined;
    docker.modem.followProgress(
      stream,
      (error) => {
        if (error) reject(error);
        else if (failure) reject(new WharfError(`docker load failed: ${failure}`));
        else resolve(loaded);
      },
      (message: { stream?: string; error?: string; errorDetail?: { message?: string } }) => {
        if (message.error || message.errorDetail)
          failure = (message.errorDetail?.message ?? message.error ?? '').trim();
        for (const line of (message.stream ?? '').split('\n')) if (line.trim()) loaded.push(line.trim());
      },
    );
  });
}

/** `docker rmi`: removes a tag (and the image, when nothing else names it) and returns what it printed. */
export async function removeImage(docker: Docker, name: string, signal: AbortSignal): Promise<string> {
  const removed = (await docker.getImage(name).remove({ abortSignal: signal })) as {
    Untagged?: string;
    Deleted?: string;
  }[];
  return removed.map((r) => (r.Untagged ? `Untagged: ${r.Untagged}` : `Deleted: ${r.Deleted}`)).join('\n');
}

// Archive entries are named by 64-hex digests; 12 are enough to tell them apart on screen.
export const shortHashes = (text: string) => text.replace(/[0-9a-f]{64}/g, (hash) => `${hash.slice(0, 12)}…`);

/** `tar -tvf image.tar`, shortened: each file of a saved image with its size. */
export const archiveListing = (archive: ImageArchive) =>
  archive.files.map((file) => `${shortHashes(file.name).padEnd(36)} ${humanBytes(file.bytes)}`).join('\n');
