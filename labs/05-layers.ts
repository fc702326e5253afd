#!/usr/bin/env tsx
// Lab "layers": images are stacks of shared read-only layers; a container adds one thin writable layer.
import { readFile } from 'node:fs/promises';
import type Docker from 'dockerode';
import * as kit from './kit/index.ts';
import { type Box, type ContextFor, defineLab, fact, runIfMain } from './kit/index.ts';

type View = { '/opt/common.txt': string | null; '/tmp/new.txt': string | null; passwdLines: number };
type LayerFact = { digest: string; bytes: number | null; step: string | null };
const facts = {
  layersA: fact<LayerFact[]>(),
  layersB: fact<LayerFact[]>(),
  sharedLayers: fact<{ count: number; digests: string[] }>('Layers both images have (same digest)'),
  imageBytes: fact<number>(),
  sharedBytes: fact<number>(),
  imageView: fact<View>('What a fresh container of the image sees'),
  firstContainerView: fact<View>('What the first container sees after its changes'),
  added: fact<string[]>('Added (docker diff A)'),
  changed: fact<string[]>('Changed (docker diff C)'),
  deleted: fact<string[]>('Deleted (docker diff D)'),
  secondContainerView: fact<View>('What the second container sees'),
  storageDriver: fact<string>('Storage driver'),
  upperDirFirst: fact<string>('Writable (upper) directory of the first container'),
  upperDirSecond: fact<string>('Writable (upper) directory of the second container'),
  lowerDirsFirst: fact<string[]>('Read-only (lower) directories of the first container, top first'),
  lowerDirsSecond: fact<string[]>('Read-only (lower) directories of the second container'),
  imageLayerDirs: fact<string[]>(),
  upperDirEntries: fact<string[]>("What the first container's upper directory holds"),
  writableLayerBytes: fact<number | null>(),
  rootFsBytes: fact<number | null>(),
};
type Ctx = ContextFor<typeof facts>;

// One change of each kind in the first container: add a file, change one, delete one from the image.
const CHANGES = [
  "echo 'written by the lab' > /tmp/new.txt",
  "echo 'lab:x:1000:1000:added by the lab:/tmp:/bin/sh' >> /etc/passwd",
  'rm /opt/common.txt',
].join(' && ');
// The same three files as a container sees them: one "path<TAB>what" line each.
const LOOK = [
  'for f in /opt/common.txt /tmp/new.txt; do ' +
    'if [ -e $f ]; then printf "%s\\t%s\\n" $f "$(cat $f)"; else printf "%s\\t-\\n" $f; fi; done',
  'printf "/etc/passwd\\t%s lines\\n" $(wc -l < /etc/passwd)',
].join('; ');
const LOOK_SHOWN = ['sh', '-c', 'cat /opt/common.txt; cat /tmp/new.txt; wc -l < /etc/passwd'];
type DriverData = Record<string, string | undefined> | null | undefined;

async function look(ctx: Ctx, box: Box): Promise<View> {
  const { stdout } = await ctx.exec(box, ['sh', '-c', LOOK], { shown: LOOK_SHOWN });
  const rows = new Map(
    stdout
      .trim()
      .split('\n')
      .map((line) => line.split('\t') as [string, string]),
  );
  ctx.output(stdout.replaceAll('\t-\n', '\t(absent)\n').replaceAll('\t', '  '));
  const content = (path: string) => (rows.get(path) === '-' ? null : (rows.get(path) ?? null));
  const passwdLines = Number.parseInt(rows.get('/etc/passwd') ?? '', 10);
  return { '/opt/common.txt': content('/opt/common.txt'), '/tmp/new.txt': content('/tmp/new.txt'), passwdLines };
}

async function buildTwo(ctx: Ctx, tagA: string, tagB: string) {
  ctx.step('Build two images that start with the same instruction');
  for (const name of ['layers-a', 'layers-b']) {
    const dockerfile = await readFile(`${kit.imagesDir(name)}Dockerfile`, 'utf8');
    const instructions = dockerfile.split('\n').filter((l) => l && !l.startsWith('#'));
    ctx.output(`labs/images/${name}/Dockerfile\n${instructions.join('\n')}`);
  }
  const builds: kit.BuildStep[][] = [];
  for (const [name, tag] of [
    ['layers-a', tagA],
    ['layers-b', tagB],
  ] as const) {
    const steps = kit.buildSteps((await ctx.build(name, { tag, showOutput: false, wait: `building ${name}` })).lines);
    ctx.output(kit.stepTable(steps, 'built'));
    builds.push(steps);
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
  const { docker, signal } = ctx;
  const [base, imageA, imageB, historyA, historyB] = await Promise.all([
    kit.inspectImage(docker, ctx.baseImage, signal),
    kit.inspectImage(docker, tagA, signal),
    kit.inspectImage(docker, tagB, signal),
    kit.imageHistory(docker, tagA, signal),
    kit.imageHistory(docker, tagB, signal),
  ]);
  const [layersA, layersB] = [
    kit.layersOf(imageA.RootFS.Layers ?? [], historyA),
    kit.layersOf(imageB.RootFS.Layers ?? [], historyB),
  ];
  const baseLayers = (base.RootFS.Layers ?? []).map(kit.shortDigest);
  ctx.output(kit.layerTable(baseLayers, layersA, layersB));
  const shared = layersA.filter((layer) => layersB.some((other) => other.digest === layer.digest));
  const brief = (layers: kit.Layer[]) =>
    layers.map((l) => ({ digest: l.digest, bytes: l.bytes, step: l.step && kit.clip(l.step, 32) }));
  ctx.fact('layersA', brief(layersA), `Layers of ${tagA} (digest, size, instruction)`);
  ctx.fact('layersB', brief(layersB), `Layers of ${tagB}`);
  ctx.fact('sharedLayers', { count: shared.length, digests: shared.map((l) => l.digest) });
  ctx.fact('imageBytes', imageA.Size, `Size of ${tagA}, as docker images shows it (${kit.humanBytes(imageA.Size)})`);
  const sharedBytes = shared.reduce((sum, layer) => sum + (layer.bytes ?? 0), 0);
  const label = `Bytes of those shared layers, stored once for both images (${kit.humanBytes(sharedBytes)})`;
  ctx.fact('sharedBytes', sharedBytes, label);
  ctx.note(`A layer is named by the digest of its content. Both images list the same ${shared.length} lower layers
    (${baseLayers.length} from ${ctx.baseImage}, then the common RUN), so the engine stores them once;
    ${layersA.length - shared.length} layer of each is its own. The common RUN pins its files' timestamps (touch -d @0),
    so its bytes, and its digest, come out the same whenever it is built. LABEL adds no layer: it only changes the
    image's config.`);
  return imageA;
}

async function copyOnWrite(ctx: Ctx, tagA: string) {
  ctx.step('Change files inside a container');
  const first = await ctx.start({ name: 'first', image: tagA, cmd: ['sleep', '600'] });
  ctx.fact('imageView', await look(ctx, first));
  const changed = await ctx.exec(first, ['sh', '-c', CHANGES]);
  if (changed.exitCode !== 0) ctx.output(changed.stderr);
  ctx.fact('firstContainerView', await look(ctx, first));
  const changes = await ctx.diff(first);
  ctx.output(changes.map((c) => `${kit.DIFF_KINDS[c.Kind].letter} ${c.Path}`).join('\n'));
  for (const kind of [1, 0, 2] as const) {
    ctx.fact(
      kit.DIFF_KINDS[kind].key,
      changes
        .filter((c) => c.Kind === kind)
        .map((c) => c.Path)
        .sort(),
    );
  }
  ctx.note(`A = added, C = changed, D = deleted. The parent directories count as changed: a directory is copied up
    into the writable layer before anything in it can be added, changed or deleted.`);

  ctx.step('Start a second container from the same image');
  const second = await ctx.start({ name: 'second', image: tagA, cmd: ['sleep', '600'] });
  ctx.fact('secondContainerView', await look(ctx, second));
  ctx.note(`Copy-on-write: the first container wrote into its own layer. The image stayed read-only, so the second
    container still has /opt/common.txt and the original /etc/passwd.`);
  return { first, second };
}

/** The upper directory as a helper sees it, through the engine's own path to it. */
async function upperDir(ctx: Ctx, path: string) {
  const wait = 'looking into the upper directory from a helper container';
  const shown = ['find', kit.ENGINE_DIR];
  const listing = await ctx
    .inEngineDir(path, kit.statScript(kit.ENGINE_DIR), { shown, wait })
    .catch((error: unknown) => {
      if (ctx.signal.aborted) throw error;
      return { exitCode: -1, stdout: '', stderr: (error as Error).message };
    });
  if (listing.exitCode !== 0) {
    ctx.note(`The engine would not mount its own upper directory into a helper here (${listing.stderr.trim()}), so
      its contents are not shown.`);
    return;
  }
  const entries = kit.upperEntries(listing.stdout);
  ctx.output(entries.join('\n'));
  ctx.fact('upperDirEntries', entries);
  ctx.note(`That directory is the whole writable layer: the new file, a full copy of the changed /etc/passwd, and for
    the deleted file a "whiteout" (a 0/0 character device) that hides the image's copy below.`);
}

async function onDisk(ctx: Ctx, first: Box, second: Box, image: Docker.ImageInspectInfo, tagA: string) {
  ctx.step('Where the layers live on the engine host');
  ctx.shown(`docker inspect -f '{{json .GraphDriver}}' ${first.name} ${second.name}`);
  const [infoFirst, infoSecond] = await Promise.all([
    first.container.inspect({ size: true, abortSignal: ctx.signal } as Docker.ContainerInspectOptions),
    second.container.inspect({ abortSignal: ctx.signal }),
  ]);
  ctx.fact('storageDriver', infoFirst.GraphDriver.Name);
  const [one, two] = [infoFirst.GraphDriver.Data as DriverData, infoSecond.GraphDriver.Data as DriverData];
  if (one?.UpperDir && two?.UpperDir) {
    const imageData = image.GraphDriver.Data as DriverData;
    const imageDirs = [...kit.layerDirs(imageData?.UpperDir), ...kit.layerDirs(imageData?.LowerDir)];
    const [lowerFirst, lowerSecond] = [kit.layerDirs(one.LowerDir), kit.layerDirs(two.LowerDir)];
    ctx.output(
      [
        `first   UpperDir  ${one.UpperDir}`,
        `second  UpperDir  ${two.UpperDir}`,
        `first   LowerDir  ${lowerFirst.join(' : ')}`,
        `second  LowerDir  ${lowerSecond.join(' : ')}`,
        `image   layers    ${imageDirs.join(' : ')}`,
        `first   MergedDir ${one.MergedDir ?? '?'}`,
      ].join('\n'),
    );
    ctx.facts({ upperDirFirst: one.UpperDir, upperDirSecond: two.UpperDir });
    ctx.facts({ lowerDirsFirst: lowerFirst, lowerDirsSecond: lowerSecond });
    ctx.fact('imageLayerDirs', imageDirs, `Layer directories of ${tagA}, top first`);
    const init = lowerFirst[0]?.endsWith('-init')
      ? ' and a small -init layer (mount points for /etc/hosts and friends)'
      : '';
    ctx.note(`Each container gets its own upper directory${init}; below that, both stack the very same image layer
      directories, read-only. The MergedDir is the overlay mount the process sees as /.`);
    await upperDir(ctx, one.UpperDir);
  } else {
    ctx.output(JSON.stringify(infoFirst.GraphDriver, null, 2));
    ctx.note(`The ${infoFirst.GraphDriver.Name} storage driver does not report lower and upper directories (overlay2
      does), so there is nothing on disk to point at here; the diff above is still the container's own layer.`);
  }
  return infoFirst as Docker.ContainerInspectInfo & { SizeRw?: number; SizeRootFs?: number };
}

export const lab = defineLab({
  id: 'layers',
  title: 'Layers and copy-on-write',
  shows: 'Two images sharing their lower layers, and a container whose changes stay in its own thin writable layer.',
  facts,
  async run(ctx) {
    const [tagA, tagB] = [ctx.name('a'), ctx.name('b')];
    await buildTwo(ctx, tagA, tagB);
    const image = await compareLayers(ctx, tagA, tagB);
    const { first, second } = await copyOnWrite(ctx, tagA);
    const { SizeRw: rw, SizeRootFs: rootFs } = await onDisk(ctx, first, second, image, tagA);

    ctx.step('The writable layer is small; the image is shared');
    ctx.shown(`docker ps -s --filter name=${first.name}`);
    ctx.output(`SIZE ${kit.humanBytes(rw ?? 0)} (virtual ${kit.humanBytes(rootFs ?? 0)})`);
    ctx.fact(
      'writableLayerBytes',
      rw ?? null,
      `Bytes in the first container's writable layer (SizeRw, ${kit.humanBytes(rw ?? 0)})`,
    );
    const total = kit.humanBytes(rootFs ?? 0);
    const label = `Bytes of its whole root filesystem, image layers included (SizeRootFs, ${total})`;
    ctx.fact('rootFsBytes', rootFs ?? null, label);
    ctx.note(`A new container costs an empty directory, not a copy of the image: the engine only stores what each
      container writes.`);
  },
});

await runIfMain(import.meta.url, lab);
