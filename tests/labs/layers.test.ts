import { dirname } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lab } from '../../labs/05-layers.ts';
import type { ShownProbe } from '../../labs/kit/core/context.ts';
import { BASE_IMAGE } from '../../labs/kit/engine/base-image.ts';
import { packedBytesBySave } from './saved-blobs.ts';
import { expectCleanRun, observe, sharedEngine } from './support.ts';

interface Layer {
  digest: string;
  bytes: number | null;
}
interface View {
  '/opt/common.txt': string | null;
  '/tmp/new.txt': string | null;
  passwdLines: number;
}

const short = (digest: string) => digest.replace(/^sha256:/, '').slice(0, 12);
const bytes = (text: string) => Buffer.byteLength(text);

// What the Dockerfiles in labs/images/layers-{a,b} and the lab's own commands write.
const COMMON = 'shared by layers-a and layers-b\n';
const ONLY_A = 'only in layers-a\n';
const SEQ_1000 = Array.from({ length: 1000 }, (_, i) => `${i + 1}\n`).join('');
const NEW_FILE = 'written by the lab\n';
const TOUCHED = { added: '/tmp/new.txt', changed: '/etc/passwd', deleted: '/opt/common.txt' };

async function baseLayers(): Promise<string[]> {
  const { docker } = await sharedEngine();
  return ((await docker.getImage(BASE_IMAGE).inspect()).RootFS.Layers ?? []).map(short);
}

describe('lab: layers', () => {
  it('shows shared layer digests, a container diff, copy-on-write and the overlay directories', async () => {
    const { docker, info } = await sharedEngine();
    const driverStatus = ((await docker.info()) as { DriverStatus?: string[][] }).DriverStatus ?? [];
    const containerdStore = driverStatus.some(([, value]) => /containerd\.snapshotter/.test(value ?? ''));
    // While image A still exists (when the lab lists it), read its packed bytes from its own archive.
    let packedBySave: number | undefined;
    const probe: ShownProbe = {
      container: async () => {},
      exec: async () => {},
      build: async () => {},
      async query({ text }) {
        const ref = /^docker images (\S+)$/.exec(text)?.[1];
        if (ref && containerdStore) packedBySave = await packedBytesBySave(docker, ref);
      },
    };
    const observed = await observe(lab, { probe });
    const { facts } = observed;
    await expectCleanRun(observed);

    // Both images are the base's layers, in order, then the common RUN, then one layer of their own.
    const base = await baseLayers();
    const a = facts.layersA as unknown as Layer[];
    const b = facts.layersB as unknown as Layer[];
    expect(a).toHaveLength(base.length + 2);
    expect(b).toHaveLength(base.length + 2);
    expect(a.slice(0, base.length).map((l) => l.digest)).toEqual(base);
    expect(b.slice(0, base.length).map((l) => l.digest)).toEqual(base);
    const inBoth = a.map((l) => l.digest).filter((digest) => b.some((l) => l.digest === digest));
    expect(inBoth).toEqual([...base, a[base.length]!.digest]);
    expect(facts.sharedLayers).toEqual({ count: base.length + 1, digests: inBoth });
    expect(a.at(-1)!.digest).not.toBe(b.at(-1)!.digest);

    // A layer's size is the bytes of the files it adds (Docker's graph drivers); Podman reports the
    // layer's tar instead, which adds headers and padding in 512-byte blocks; Docker's containerd
    // store reports the unpacked snapshot's disk usage, a whole 4 KiB block for each file and
    // directory it holds (a few each here).
    const overhead = info.product === 'Podman' ? 10 * 1024 : containerdStore ? 8 * 4096 : 0;
    const sizeOf = (actual: number | null, content: string) => {
      expect(actual).toBeGreaterThanOrEqual(bytes(content));
      expect(actual).toBeLessThanOrEqual(bytes(content) + overhead);
    };
    sizeOf(a[base.length]!.bytes, COMMON);
    sizeOf(b[base.length]!.bytes, COMMON);
    sizeOf(a.at(-1)!.bytes, ONLY_A);
    sizeOf(b.at(-1)!.bytes, SEQ_1000);
    // The image is the sum of its layers (to the byte on Docker's graph drivers; Podman counts tar
    // and content apart). The containerd store keeps each layer twice and docker images adds both:
    // the packed blobs, exactly as docker save writes them, and the unpacked snapshots, which hold at
    // least the layers' own bytes (walking the whole chain counts a few more directory blocks).
    const total = a.reduce((sum, l) => sum + l.bytes!, 0);
    // Docker lists each manifest's share (packed and unpacked) from API 1.47 (27.3) on; before, only the sum.
    if (containerdStore && Number(info.apiVersion) < 1.47) {
      expect(facts.packedBytes).toBeNull();
      expect(facts.imageBytes).toBeGreaterThanOrEqual(total);
    } else if (containerdStore) {
      expect(facts.packedBytes).toBe(packedBySave);
      const unpacked = facts.imageBytes - facts.packedBytes!;
      expect(unpacked).toBeGreaterThanOrEqual(total);
      expect(unpacked).toBeLessThanOrEqual(total + overhead * a.length);
    } else {
      expect(facts.packedBytes).toBeNull();
      expect(Math.abs(facts.imageBytes - total)).toBeLessThanOrEqual(overhead * a.length);
    }
    expect(facts.sharedBytes).toBe(a.slice(0, base.length + 1).reduce((sum, l) => sum + l.bytes!, 0));

    // docker diff: exactly the touched files with their kind, plus their parent directories, copied up.
    expect(facts.added).toEqual([TOUCHED.added]);
    expect(facts.deleted).toEqual([TOUCHED.deleted]);
    const parents = new Set(Object.values(TOUCHED).map((path) => dirname(path)));
    expect(facts.changed).toEqual([TOUCHED.changed, ...parents].sort());

    // The first container sees its own changes; a second one from the same image sees the image.
    const image = facts.imageView as unknown as View;
    expect(image).toEqual({ '/opt/common.txt': COMMON.trim(), '/tmp/new.txt': null, passwdLines: expect.any(Number) });
    expect(facts.firstContainerView).toEqual({
      '/opt/common.txt': null,
      '/tmp/new.txt': NEW_FILE.trim(),
      passwdLines: image.passwdLines + 1,
    });
    expect(facts.secondContainerView).toEqual(image);

    if (facts.storageDriver === 'overlay2') {
      const lowerFirst = facts.lowerDirsFirst as string[];
      const lowerSecond = facts.lowerDirsSecond as string[];
      const id = (upper: string) => upper.split('/').at(-2)!.slice(0, 12);
      expect(facts.upperDirFirst).toMatch(/\/diff$/);
      expect(facts.upperDirFirst).not.toBe(facts.upperDirSecond);
      // Each container: its own init layer on top, then the image's layer directories, shared.
      expect(lowerFirst[0]).toBe(`${id(facts.upperDirFirst as string)}-init`);
      expect(lowerSecond[0]).toBe(`${id(facts.upperDirSecond as string)}-init`);
      expect(lowerFirst.slice(1)).toEqual(facts.imageLayerDirs);
      expect(lowerSecond.slice(1)).toEqual(facts.imageLayerDirs);
      expect(facts.imageLayerDirs).toHaveLength(a.length);

      // The upper directory holds the new file, the copied-up passwd and a whiteout for the deletion.
      const entries = facts.upperDirEntries as string[];
      expect(entries).toContain(`tmp/new.txt (${bytes(NEW_FILE)} B)`);
      expect(entries).toContain('opt/common.txt (whiteout)');
      const passwd = entries.find((e) => e.startsWith('etc/passwd '));
      expect(passwd).toMatch(/^etc\/passwd \(\d+ B\)$/);
      // SizeRw counts exactly those file bytes.
      const fileBytes = entries
        .map((e) => /\((\d+) B\)$/.exec(e)?.[1])
        .filter(Boolean)
        .reduce((sum, n) => sum + Number(n), 0);
      expect(facts.writableLayerBytes).toBe(fileBytes);
    } else if (facts.storageDriver === 'overlay') {
      // Podman's overlay driver: the same upper/lower idea, its own directory layout.
      expect(facts.upperDirFirst).toMatch(/\/diff$/);
      expect(facts.upperDirFirst).not.toBe(facts.upperDirSecond);
    } else {
      expect(facts.upperDirFirst).toBeUndefined();
    }
    expect(facts.writableLayerBytes as number).toBeGreaterThan(0);
    // SizeRootFs: the image's layers plus the writable layer (Docker counts both the same way;
    // Podman's layer sizes are tar sizes, so only the writable part can be compared there).
    const imageBytes = info.product === 'Podman' ? 0 : a.reduce((sum, l) => sum + l.bytes!, 0);
    expect(facts.rootFsBytes as number).toBeGreaterThanOrEqual(imageBytes + (facts.writableLayerBytes as number));
  });

  it('two overlapping runs both succeed and both clean up', async () => {
    const runs = await Promise.all([observe(lab), observe(lab)]);
    for (const run of runs) {
      await expectCleanRun(run);
      expect((run.facts.sharedLayers as { count: number }).count).toBe((await baseLayers()).length + 1);
    }
  });
});
