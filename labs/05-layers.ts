// Lab "layers": images are stacks of shared read-only layers; a container adds one thin writable layer.
import type Docker from 'dockerode';
import * as kit from './kit/index.ts';
import { type Box, type ContextFor, defineLab, fact, runIfMain } from './kit/index.ts';
import { layers as text } from './text/layers.ts';

type LayerFact = { digest: string; bytes: number | null; step: string | null };
const facts = {
  layersA: fact<LayerFact[]>(),
  layersB: fact<LayerFact[]>(),
  sharedLayers: fact<{ count: number; digests: string[] }>(),
  imageBytes: fact<number>(),
  packedBytes: fact<number | null>(),
  sharedBytes: fact<number>(),
  imageView: fact<kit.FileView>(),
  firstContainerView: fact<kit.FileView>(),
  added: fact<string[]>(),
  changed: fact<string[]>(),
  deleted: fact<string[]>(),
  secondContainerView: fact<kit.FileView>(),
  storageDriver: fact<string>(),
  upperDirFirst: fact<string>(),
  upperDirSecond: fact<string>(),
  lowerDirsFirst: fact<string[]>(),
  lowerDirsSecond: fact<string[]>(),
  imageLayerDirs: fact<string[]>(),
  upperDirEntries: fact<string[]>(),
  writableLayerBytes: fact<number | null>(),
  rootFsBytes: fact<number | null>(),
};
type Ctx = ContextFor<typeof facts, typeof text>;

// One change of each kind in the first container: add a file, change one, delete one from the image.
const CHANGES = [
  "echo 'written by the lab' > /tmp/new.txt",
  "echo 'lab:x:1000:1000:added by the lab:/tmp:/bin/sh' >> /etc/passwd",
  'rm /opt/common.txt',
].join(' && ');

async function look(ctx: Ctx, box: Box): Promise<kit.FileView> {
  const { view, text } = kit.parseFileView((await ctx.exec(box, kit.FILE_VIEW.cmd, kit.FILE_VIEW)).stdout);
  ctx.output(text);
  return view;
}

async function buildTwo(ctx: Ctx, tags: string[]) {
  ctx.step('buildTwo');
  const names = ['layers-a', 'layers-b'];
  for (const name of names) ctx.output(await kit.dockerfileListing(name));
  const builds: kit.BuiltImage[] = [];
  for (const [i, name] of names.entries()) {
    const wait = { key: 'building', values: { name } };
    builds.push(await ctx.build(name, { tag: tags[i]!, stepTable: 'built', wait }));
  }
  const [, b] = builds;
  if (b?.steps[1]?.cached) ctx.note(b.builder === 'buildkit' ? 'cacheReusedBuildKit' : 'cacheReused');
}

async function compareLayers(ctx: Ctx, tagA: string, tagB: string) {
  ctx.step('compare');
  const [base, a, b] = await ctx.imageLayers([ctx.baseImage, tagA, tagB]);
  const baseLayers = base!.layers.map((l) => l.digest);
  ctx.output(kit.layerTable(baseLayers, a!.layers, b!.layers));
  const shared = a!.layers.filter((layer) => b!.layers.some((other) => other.digest === layer.digest));
  const brief = (layers: kit.Layer[]) => layers.map((l) => ({ ...l, step: l.step && kit.clip(l.step, 32) }));
  ctx.facts({ layersA: brief(a!.layers), layersB: brief(b!.layers) });
  const sharedBytes = shared.reduce((sum, layer) => sum + (layer.bytes ?? 0), 0);
  const sharedLayers = { count: shared.length, digests: shared.map((l) => l.digest) };
  ctx.facts({ sharedLayers, sharedBytes });
  const own = a!.layers.length - shared.length;
  ctx.note('sharedLayers', { lower: shared.length, base: baseLayers.length, image: ctx.baseImage, own });
  await imageSize(ctx, tagA);
  return a!.image;
}

/** The size `docker images` gives, and on the containerd image store the two copies it adds up. */
async function imageSize(ctx: Ctx, tag: string) {
  const listed = await ctx.listImage(tag);
  ctx.output(`${tag}  SIZE ${kit.humanBytes(listed.Size)}`);
  const packed = listed.Manifests?.reduce((sum, m) => sum + m.Size.Content, 0) ?? null;
  ctx.facts({ imageBytes: listed.Size, packedBytes: packed });
  if (packed === null) return;
  const unpacked = kit.humanBytes(listed.Size - packed);
  ctx.note('packedAndUnpacked', { packed: kit.humanBytes(packed), unpacked, total: kit.humanBytes(listed.Size) });
}

async function copyOnWrite(ctx: Ctx, tagA: string) {
  ctx.step('changeFiles');
  const first = await ctx.start({ name: 'first', image: tagA, cmd: ['sleep', '600'] });
  ctx.fact('imageView', await look(ctx, first));
  const changed = await ctx.exec(first, ['sh', '-c', CHANGES]);
  if (changed.exitCode !== 0) ctx.output(changed.stderr);
  ctx.fact('firstContainerView', await look(ctx, first));
  const { text, added, changed: modified, deleted } = kit.diffByKind(await ctx.diff(first));
  ctx.output(text);
  ctx.facts({ added, changed: modified, deleted });
  ctx.note('diffKinds');

  ctx.step('secondContainer');
  const second = await ctx.start({ name: 'second', image: tagA, cmd: ['sleep', '600'] });
  ctx.fact('secondContainerView', await look(ctx, second));
  ctx.note('copyOnWrite');
  return [first, second] as const;
}

/** The upper directory as a helper sees it, through the engine's own path to it. */
async function upperDir(ctx: Ctx, path: string) {
  const wait = 'lookingIntoUpper';
  const looking = ctx.inEngineDir(path, kit.statScript(kit.ENGINE_DIR), { shown: ['find', kit.ENGINE_DIR], wait });
  const failed = (error: Error) => ({ exitCode: -1, stdout: '', stderr: error.message });
  const listing = await looking.catch(kit.unlessStopped(ctx.signal, failed));
  if (listing.exitCode !== 0) return ctx.note('upperNotMounted', { error: listing.stderr.trim() });
  const entries = kit.upperEntries(listing.stdout);
  ctx.output(entries.join('\n'));
  ctx.fact('upperDirEntries', entries);
  ctx.note('upperHolds');
}

async function onDisk(ctx: Ctx, [first, second]: readonly Box[], image: Docker.ImageInspectInfo) {
  ctx.step('onDisk');
  const [infoFirst, infoSecond] = await ctx.inspectAll([first!, second!], '{{json .GraphDriver}}');
  ctx.fact('storageDriver', infoFirst.GraphDriver.Name);
  const [one, two] = [infoFirst.GraphDriver.Data as kit.OverlayData, infoSecond.GraphDriver.Data as kit.OverlayData];
  if (!one?.UpperDir || !two?.UpperDir) {
    ctx.output(JSON.stringify(infoFirst.GraphDriver, null, 2));
    ctx.note('noLayerDirs', { driver: infoFirst.GraphDriver.Name });
    return;
  }
  const imageData = image.GraphDriver.Data as kit.OverlayData;
  const imageDirs = [...kit.layerDirs(imageData?.UpperDir), ...kit.layerDirs(imageData?.LowerDir)];
  const [lowerFirst, lowerSecond] = [kit.layerDirs(one.LowerDir), kit.layerDirs(two.LowerDir)];
  ctx.output(kit.overlayTable(one, two, imageDirs));
  ctx.facts({ upperDirFirst: one.UpperDir, upperDirSecond: two.UpperDir });
  ctx.facts({ lowerDirsFirst: lowerFirst, lowerDirsSecond: lowerSecond, imageLayerDirs: imageDirs });
  ctx.note(lowerFirst[0]?.endsWith('-init') ? 'ownUpperAndInit' : 'ownUpper');
  await upperDir(ctx, one.UpperDir);
}

export const lab = defineLab({
  id: 'layers',
  text,
  facts,
  async run(ctx) {
    const [tagA, tagB] = [ctx.name('a'), ctx.name('b')];
    await buildTwo(ctx, [tagA, tagB]);
    const image = await compareLayers(ctx, tagA, tagB);
    const containers = await copyOnWrite(ctx, tagA);
    await onDisk(ctx, containers, image);

    ctx.step('smallLayer');
    const { SizeRw: rw = null, SizeRootFs: rootFs = null } = await ctx.diskUsage(containers[0]);
    ctx.output(`SIZE ${kit.humanBytes(rw ?? 0)} (virtual ${kit.humanBytes(rootFs ?? 0)})`);
    ctx.facts({ writableLayerBytes: rw, rootFsBytes: rootFs });
    ctx.note('emptyDirectory');
  },
});

await runIfMain(import.meta.url, lab);
