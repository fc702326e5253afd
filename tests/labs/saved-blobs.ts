import { Readable } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import type Docker from 'dockerode';
import { extract } from 'tar-stream';

interface Descriptor {
  digest: string;
  size: number;
}

/**
 * The bytes of an image's packed content, read from its `docker save` archive rather than from
 * what the engine says about itself: on the containerd image store the archive is an OCI layout
 * whose blobs are the very blobs the store keeps, so manifest + config + layers, as written, are
 * what `docker images` counts as packed.
 */
export async function packedBytesBySave(docker: Docker, ref: string): Promise<number> {
  const archive = extract();
  Readable.from([await buffer(await docker.getImage(ref).get())]).pipe(archive);
  const sizes = new Map<string, number>();
  let index: { manifests: Descriptor[] } | undefined;
  let manifests: { Config: string; Layers: string[] }[] | undefined;
  for await (const entry of archive) {
    const { name, size = 0 } = entry.header;
    sizes.set(name, size);
    if (name === 'index.json') index = JSON.parse((await buffer(entry)).toString('utf8'));
    else if (name === 'manifest.json') manifests = JSON.parse((await buffer(entry)).toString('utf8'));
    else entry.resume();
  }
  const manifest = index?.manifests[0];
  const entry = manifests?.[0];
  if (!manifest || !entry) throw new Error(`docker save ${ref} wrote no OCI index or no manifest.json`);
  const blob = (path: string) => {
    const bytes = sizes.get(path);
    if (bytes === undefined) throw new Error(`docker save ${ref} names ${path} but does not hold it`);
    return bytes;
  };
  const manifestPath = `blobs/${manifest.digest.replace(':', '/')}`;
  return [manifestPath, entry.Config, ...entry.Layers].reduce((sum, path) => sum + blob(path), 0);
}
