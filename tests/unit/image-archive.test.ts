import { buffer } from 'node:stream/consumers';
import { pack } from 'tar-stream';
import { describe, expect, it } from 'vitest';
import { readImageArchive } from '../../labs/kit/engine/image-archive.ts';

async function tarOf(files: Record<string, string>): Promise<Buffer> {
  const tar = pack();
  for (const [name, content] of Object.entries(files)) tar.entry({ name }, content);
  tar.finalize();
  return buffer(tar);
}

describe('readImageArchive', () => {
  it('reads manifest.json and lists every file of a docker save archive', async () => {
    const manifest = [{ Config: 'abc.json', RepoTags: ['app:latest'], Layers: ['l1/layer.tar', 'l2/layer.tar'] }];
    const archive = await tarOf({
      'l1/layer.tar': 'x'.repeat(1024),
      'l2/layer.tar': 'y',
      'abc.json': '{}',
      'manifest.json': JSON.stringify(manifest),
    });
    const { manifest: read, files } = await readImageArchive(archive);
    expect(read).toEqual(manifest);
    expect(files).toContainEqual({ name: 'l1/layer.tar', bytes: 1024 });
    expect(files.map((file) => file.name)).toEqual(['l1/layer.tar', 'l2/layer.tar', 'abc.json', 'manifest.json']);
  });

  it('says so when the tar is not an image archive', async () => {
    await expect(readImageArchive(await tarOf({ 'hello.txt': 'hi' }))).rejects.toThrow(/no manifest\.json/);
  });
});
