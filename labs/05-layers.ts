// Lab "layers": images are stacks of shared read-only layers; a container adds one thin writable layer.
import type Docker from 'dockerode';
import * as kit from './kit/index.ts';
import { type Box, type ContextFor, defineLab, fact, runIfMain } from './kit/index.ts';

type LayerFact = { digest: string; bytes: number | null; step: string | null };
const facts = {
  layersA: fact<LayerFact[]>('Layers of image A (digest, size, instruction)'),
  layersB: fact<LayerFact[]>('Layers of image B'),
  sharedLayers: fact<{ count: number; digests: string[] }>('Layers both images have (same digest)'),
  imageBytes: fact<number>('Size of image A, as docker images shows it'),
  sharedBytes: fact<number>('Bytes of those shared layers, stored once for both images'),
  imageView: fact<kit.FileView>('What a fresh container of the image sees'),
  firstContainerView: fact<kit.FileView>('What the first container sees after its changes'),
  added: fact<string[]>('Added (docker diff A)'),
  changed: fact<string[]>('Changed (docker diff C)'),
  deleted: fact<string[]>('Deleted (docker diff D)'),
  secondContainerView: fact<kit.FileView>('What the second container sees'),
  storageDriver: fact<string>('Storage driver'),
  upperDirFirst: fact<string>('Writable (upper) directory of the first container'),
  upperDirSecond: fact<string>('Writable (upper) directory of the second container'),
  lowerDirsFirst: fact<string[]>('Read-only (lower) directories of the first container, top first'),
  lowerDirsSecond: fact<string[]>('Read-only (lower) directories of the second container'),
  imageLayerDirs: fact<string[]>('Layer directories of image A, top first'),
  upperDirEntries: fact<string[]>("What the first container's upper directory holds"),
  writableLayerBytes: fact<number | null>("Bytes in the first container's writable layer (SizeRw)"),
  rootFsBytes: fact<number | null>('Bytes of its whole root filesystem, image layers included (SizeRootFs)'),
};
type Ctx = ContextFor<typeof facts>;
type Sized = Docker.ContainerInspectInfo & { SizeRw?: number; SizeRootFs?: number };

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
  ctx.step('Build two images that start with the same instruction');
  const names = ['layers-a', 'layers-b'];
  for (const name of names)
    ctx.output(`labs/images/${name}/Dockerfile\n${(await kit.dockerfileLines(name)).join('\n')}`);
  const builds: kit.BuildStep[][] = [];
  for (const [i, name] of names.entries()) {
    builds.push((await ctx.build(name, { tag: tags[i]!, showOutput: false, wait: `building ${name}` })).steps);
    ctx.output(kit.stepTable(builds[i]!, 'built'));
  }
  if (builds[1]?.[1]?.cached) {
    ctx.note(`layers-b's first RUN said 'Using cache': same parent image, same instruction, so the engine reused the
      layer layers-a had just made.`);
  }
}

async function compareLayers(ctx: Ctx, tagA: string, tagB: string) {
  ctx.step('Compare their layers');
  ctx.shown(`docker image inspect -f '{{json .RootFS.Layers}}' ${ctx.baseImage} ${tagA} ${tagB}`);
  ctx.shown(`docker history ${tagA}   # and ${tagB}: the size each instruction added`);
  const [base, a, b] = await Promise.all(
    [ctx.baseImage, tagA, tagB].map((t) => kit.imageLayers(ctx.docker, t, ctx.signal)),
  );
  const baseLayers = base!.layers.map((l) => l.digest);
  ctx.output(kit.layerTable(baseLayers, a!.layers, b!.layers));
  const shared = a!.layers.filter((layer) => b!.layers.some((other) => other.digest === layer.digest));
  const brief = (layers: kit.Layer[]) => layers.map((l) => ({ ...l, step: l.step && kit.clip(l.step, 32) }));
  ctx.facts({ layersA: brief(a!.layers), layersB: brief(b!.layers) });
  ctx.facts({
    sharedLayers: { count: shared.length, digests: shared.map((l) => l.digest) },
    imageBytes: a!.image.Size,
  });
  ctx.fact(
    'sharedBytes',
    shared.reduce((sum, layer) => sum + (layer.bytes ?? 0), 0),
  );
  ctx.note(`A layer is named by the digest of its content. Both images list the same ${shared.length} lower layers
    (${baseLayers.length} from ${ctx.baseImage}, then the common RUN), so the engine stores them once;
    ${a!.layers.length - shared.length} layer of each is its own. The common RUN pins its files' timestamps (touch -d
    @0), so its bytes, and its digest, come out the same whenever it is built. LABEL adds no layer: it only changes the
    image's config.`);
  return a!.image;
}

async function copyOnWrite(ctx: Ctx, tagA: string) {
  ctx.step('Change files inside a container');
  const first = await ctx.start({ name: 'first', image: tagA, cmd: ['sleep', '600'] });
  ctx.fact('imageView', await look(ctx, first));
  const changed = await ctx.exec(first, ['sh', '-c', CHANGES]);
  if (changed.exitCode !== 0) ctx.output(changed.stderr);
  ctx.fact('firstContainerView', await look(ctx, first));
  const { text, added, changed: modified, deleted } = kit.diffByKind(await ctx.diff(first));
  ctx.output(text);
  ctx.facts({ added, changed: modified, deleted });
  ctx.note(`A = added, C = changed, D = deleted. The parent directories count as changed: a directory is copied up
    into the writable layer before anything in it can be added, changed or deleted.`);

  ctx.step('Start a second container from the same image');
  const second = await ctx.start({ name: 'second', image: tagA, cmd: ['sleep', '600'] });
  ctx.fact('secondContainerView', await look(ctx, second));
  ctx.note(`Copy-on-write: the first container wrote into its own layer. The image stayed read-only, so the second
    container still has /opt/common.txt and the original /etc/passwd.`);
  return [first, second] as const;
}

/** The upper directory as a helper sees it, through the engine's own path to it. */
async function upperDir(ctx: Ctx, path: string) {
  const wait = 'looking into the upper directory from a helper container';
  const script = kit.statScript(kit.ENGINE_DIR);
  const listing = await ctx.inEngineDir(path, script, { shown: ['find', kit.ENGINE_DIR], wait }).catch((error) => {
    if (ctx.signal.aborted) throw error;
    return { exitCode: -1, stdout: '', stderr: (error as Error).message };
  });
  if (listing.exitCode !== 0) {
    return ctx.note(`The engine would not mount its own upper directory into a helper here (${listing.stderr.trim()}),
      so its contents are not shown.`);
  }
  ctx.output(kit.upperEntries(listing.stdout).join('\n'));
  ctx.fact('upperDirEntries', kit.upperEntries(listing.stdout));
  ctx.note(`That directory is the whole writable layer: the new file, a full copy of the changed /etc/passwd, and for
    the deleted file a "whiteout" (a 0/0 character device) that hides the image's copy below.`);
}

async function onDisk(ctx: Ctx, [first, second]: readonly Box[], image: Docker.ImageInspectInfo) {
  ctx.step('Where the layers live on the engine host');
  ctx.shown(`docker inspect -f '{{json .GraphDriver}}' ${first!.name} ${second!.name}`);
  const [infoFirst, infoSecond] = await Promise.all([
    first!.container.inspect({ size: true, abortSignal: ctx.signal } as Docker.ContainerInspectOptions),
    second!.container.inspect({ abortSignal: ctx.signal }),
  ]);
  ctx.fact('storageDriver', infoFirst.GraphDriver.Name);
  const [one, two] = [infoFirst.GraphDriver.Data as kit.OverlayData, infoSecond.GraphDriver.Data as kit.OverlayData];
  if (!one?.UpperDir || !two?.UpperDir) {
    ctx.output(JSON.stringify(infoFirst.GraphDriver, null, 2));
    ctx.note(`The ${infoFirst.GraphDriver.Name} storage driver does not report lower and upper directories (overlay2
      does), so there is nothing on disk to point at here; the diff above is still the container's own layer.`);
    return infoFirst as Sized;
  }
  const imageData = image.GraphDriver.Data as kit.OverlayData;
  const imageDirs = [...kit.layerDirs(imageData?.UpperDir), ...kit.layerDirs(imageData?.LowerDir)];
  const [lowerFirst, lowerSecond] = [kit.layerDirs(one.LowerDir), kit.layerDirs(two.LowerDir)];
  ctx.output(kit.overlayTable(one, two, imageDirs));
  ctx.facts({ upperDirFirst: one.UpperDir, upperDirSecond: two.UpperDir });
  ctx.facts({ lowerDirsFirst: lowerFirst, lowerDirsSecond: lowerSecond, imageLayerDirs: imageDirs });
  const init = lowerFirst[0]?.endsWith('-init')
    ? ' and a small -init layer (mount points for /etc/hosts and friends)'
    : '';
  ctx.note(`Each container gets its own upper directory${init}; below that, both stack the very same image layer
    directories, read-only. The MergedDir is the overlay mount the process sees as /.`);
  await upperDir(ctx, one.UpperDir);
  return infoFirst as Sized;
}

export const lab = defineLab({
  id: 'layers',
  title: 'Layers and copy-on-write',
  shows: 'Two images sharing their lower layers, and a container whose changes stay in its own thin writable layer.',
  facts,
  async run(ctx) {
    const [tagA, tagB] = [ctx.name('a'), ctx.name('b')];
    await buildTwo(ctx, [tagA, tagB]);
    const image = await compareLayers(ctx, tagA, tagB);
    const containers = await copyOnWrite(ctx, tagA);
    const { SizeRw: rw = null, SizeRootFs: rootFs = null } = await onDisk(ctx, containers, image);

    ctx.step('The writable layer is small; the image is shared');
    ctx.shown(`docker ps -s --filter name=${containers[0].name}`);
    ctx.output(`SIZE ${kit.humanBytes(rw ?? 0)} (virtual ${kit.humanBytes(rootFs ?? 0)})`);
    ctx.facts({ writableLayerBytes: rw, rootFsBytes: rootFs });
    ctx.note(`A new container costs an empty directory, not a copy of the image: the engine only stores what each
      container writes.`);
  },
});

await runIfMain(import.meta.url, lab);
