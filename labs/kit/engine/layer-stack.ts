import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import { extract, pack } from 'tar-stream';
import type { ManifestEntry } from './image-archive.ts';

// An image with many tiny layers, written as a `docker save` archive in memory: `docker load` makes
// it in a second, where a Dockerfile with a hundred steps takes minutes on the classic builder.

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

async function tarOf(files: { name: string; data: Buffer }[]): Promise<Buffer> {
  const archive = pack();
  for (const file of files) archive.entry({ name: file.name, mtime: new Date(0), mode: 0o644 }, file.data);
  archive.finalize();
  return buffer(archive);
}

async function filesOf(tar: Buffer): Promise<Map<string, Buffer>> {
  const entries = extract();
  Readable.from([tar]).pipe(entries);
  const files = new Map<string, Buffer>();
  for await (const entry of entries) {
    if (entry.header.type === 'file') files.set(entry.header.name, await buffer(entry));
    else entry.resume();
  }
  return files;
}

/** One tiny layer: a file `/layers/<n>` holding its number (the same bytes every time, so it is reused). */
const layerTar = (n: number) => tarOf([{ name: `layers/${n}`, data: Buffer.from(`${n}\n`) }]);

/**
 * A `docker save` archive of `base` (itself a saved archive) with `extra` tiny layers on top, tagged
 * `tag`, with `labels` on its config so a run's cleanup finds it.
 */
export async function stackArchive(
  base: Buffer,
  extra: number,
  tag: string,
  labels: Record<string, string>,
): Promise<Buffer> {
  const files = await filesOf(base);
  const [entry] = JSON.parse((files.get('manifest.json') ?? Buffer.from('[]')).toString('utf8')) as ManifestEntry[];
  if (!entry) throw new Error('The saved base image has no manifest entry.');
  const config = JSON.parse((files.get(entry.Config) ?? Buffer.from('{}')).toString('utf8')) as {
    rootfs: { diff_ids: string[] };
    history?: { created_by: string }[];
    config: { Labels?: Record<string, string> | null };
  };
  const out: { name: string; data: Buffer }[] = entry.Layers.map((name) => ({
    name,
    data: files.get(name) ?? Buffer.alloc(0),
  }));
  const layerPaths = [...entry.Layers];
  for (let n = 1; n <= extra; n += 1) {
    const tar = await layerTar(n);
    const path = `stack/${n}/layer.tar`;
    out.push({ name: path, data: tar });
    layerPaths.push(path);
    config.rootfs.diff_ids.push(`sha256:${sha256(tar)}`);
    config.history?.push({ created_by: `layer ${n} of the stack` });
  }
  config.config.Labels = { ...(config.config.Labels ?? {}), ...labels };
  const configBytes = Buffer.from(JSON.stringify(config));
  const configName = `${sha256(configBytes)}.json`;
  out.push({ name: configName, data: configBytes });
  const manifest: ManifestEntry[] = [{ Config: configName, RepoTags: [tag], Layers: layerPaths }];
  out.push({ name: 'manifest.json', data: Buffer.from(JSON.stringify(manifest)) });
  return tarOf(out);
}
