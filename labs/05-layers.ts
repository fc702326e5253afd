#!/usr/bin/env tsx
// Lab "layers": images are stacks of shared read-only layers; a container adds one thin writable layer.
import { readFile } from 'node:fs/promises';
import type Docker from 'dockerode';
import { buildSteps, stepTable, type BuildStep } from './kit/build-steps.ts';
import { isMain, runLabCli } from './kit/cli.ts';
import { execIn, startContainer } from './kit/containers.ts';
import { imageHistory, inspectImage } from './kit/engine/image-calls.ts';
import { ENGINE_DIR, inEngineDirectory } from './kit/engine-files.ts';
import { buildLabImage, imagesDir } from './kit/images.ts';
import { defineLab, type LabContext } from './kit/lab.ts';
import { clip, humanBytes, layersOf, shortDigest, type Layer } from './kit/layers.ts';

// One change of each kind in the first container: add a file, change one, delete one from the image.
const CHANGES = [
  "echo 'written by the lab' > /tmp/new.txt",
  "echo 'lab:x:1000:1000:added by the lab:/tmp:/bin/sh' >> /etc/passwd",
  'rm /opt/common.txt',
].join(' && ');

// The same three files as a container sees them: one "path<TAB>what" line each.
const LOOK = [
  'for f in /opt/common.txt /tmp/new.txt; do if [ -e $f ]; then printf "%s\\t%s\\n" $f "$(cat $f)"; else printf "%s\\t-\\n" $f; fi; done',
  'printf "/etc/passwd\\t%s lines\\n" $(wc -l < /etc/passwd)',
].join('; ');

/** The engine's changes list uses Kind 0, 1, 2; `docker diff` prints C, A, D. */
const KIND = [
  { letter: 'C', key: 'changed' },
  { letter: 'A', key: 'added' },
  { letter: 'D', key: 'deleted' },
] as const;

interface View {
  '/opt/common.txt': string | null;
  '/tmp/new.txt': string | null;
  passwdLines: number;
}

async function look(ctx: LabContext, container: Docker.Container, name: string): Promise<View> {
  ctx.command(`docker exec ${name} sh -c 'cat /opt/common.txt; cat /tmp/new.txt; wc -l < /etc/passwd'`);
  const { stdout } = await execIn(ctx.docker, container, ['sh', '-c', LOOK], { signal: ctx.signal });
  const rows = new Map(stdout.trim().split('\n').map((line) => line.split('\t') as [string, string]));
  ctx.output(stdout.replaceAll('\t-\n', '\t(absent)\n').replaceAll('\t', '  '));
  const content = (path: string) => (rows.get(path) === '-' ? null : rows.get(path) ?? null);
  return { '/opt/common.txt': content('/opt/common.txt'), '/tmp/new.txt': content('/tmp/new.txt'), passwdLines: Number.parseInt(rows.get('/etc/passwd') ?? '', 10) };
}

/** `…/overlay2/<64 hex>-init/diff` → `<12 hex>-init`: the layer directory's name, shortened like an id. */
const dirName = (path: string) => (path.replace(/\/diff$/, '').split('/').at(-1) ?? path).replace(/[0-9a-f]{64}/, (id) => id.slice(0, 12));
const dirList = (paths: string | undefined) => (paths ? paths.split(':').map(dirName) : []);

type DriverData = Record<string, string | undefined> | null | undefined;

function layerTable(base: string[], a: Layer[], b: Layer[]): string {
  const rows = [...a, ...b.filter((layer) => !a.some((other) => other.digest === layer.digest))];
  const mark = (list: { digest: string }[] | string[], digest: string) =>
    list.some((item) => (typeof item === 'string' ? item : item.digest) === digest) ? '✓' : ' ';
  const header = `${'layer'.padEnd(14)}${'size'.padEnd(10)}${'made by'.padEnd(46)}base  a  b`;
  return [header, ...rows.map((layer) =>
    `${layer.digest.padEnd(14)}${(layer.bytes === null ? '?' : humanBytes(layer.bytes)).padEnd(10)}${clip(layer.step ?? '?', 44).padEnd(46)} ${mark(base, layer.digest)}    ${mark(a, layer.digest)}  ${mark(b, layer.digest)}`,
  )].join('\n');
}

export const lab = defineLab({
  id: 'layers',
  title: 'Layers and copy-on-write',
  shows: 'Two images sharing their lower layers, and a container whose changes stay in its own thin writable layer.',

  async run(ctx) {
    const { docker, signal } = ctx;
    const tagA = ctx.name('a');
    const tagB = ctx.name('b');

    ctx.step('Build two images that start with the same instruction');
    for (const name of ['layers-a', 'layers-b']) {
      const dockerfile = await readFile(`${imagesDir(name)}Dockerfile`, 'utf8');
      ctx.output(`labs/images/${name}/Dockerfile\n${dockerfile.split('\n').filter((l) => l && !l.startsWith('#')).join('\n')}`);
    }
    const builds: BuildStep[][] = [];
    for (const [name, tag] of [['layers-a', tagA], ['layers-b', tagB]] as const) {
      ctx.command(`docker build -t ${tag} labs/images/${name}`);
      ctx.wait(`building ${name}`);
      const steps = buildSteps((await buildLabImage(ctx, name, tag, { showOutput: false })).lines);
      ctx.output(stepTable(steps, 'built'));
      builds.push(steps);
    }
    if (builds[1]?.[1]?.cached) {
      ctx.note("layers-b's first RUN said 'Using cache': same parent image, same instruction, so the engine reused the layer layers-a had just made.");
    }

    ctx.step('Compare their layers');
    ctx.command(`docker image inspect -f '{{json .RootFS.Layers}}' ${ctx.baseImage} ${tagA} ${tagB}`);
    ctx.command(`docker history ${tagA}   # and ${tagB}: the size each instruction added`);
    const [base, imageA, imageB, historyA, historyB] = await Promise.all([
      inspectImage(docker, ctx.baseImage, signal),
      inspectImage(docker, tagA, signal),
      inspectImage(docker, tagB, signal),
      imageHistory(docker, tagA, signal),
      imageHistory(docker, tagB, signal),
    ]);
    const layersA = layersOf(imageA.RootFS.Layers ?? [], historyA);
    const layersB = layersOf(imageB.RootFS.Layers ?? [], historyB);
    const baseLayers = (base.RootFS.Layers ?? []).map(shortDigest);
    ctx.output(layerTable(baseLayers, layersA, layersB));
    const shared = layersA.filter((layer) => layersB.some((other) => other.digest === layer.digest));
    ctx.fact('layersA', layersA.map((l) => ({ digest: l.digest, bytes: l.bytes, step: l.step && clip(l.step, 32) })), `Layers of ${tagA} (digest, size, instruction)`);
    ctx.fact('layersB', layersB.map((l) => ({ digest: l.digest, bytes: l.bytes, step: l.step && clip(l.step, 32) })), `Layers of ${tagB}`);
    ctx.fact('sharedLayers', { count: shared.length, digests: shared.map((l) => l.digest) }, 'Layers both images have (same digest)');
    ctx.fact('imageBytes', imageA.Size, `Size of ${tagA}, as docker images shows it (${humanBytes(imageA.Size)})`);
    const sharedBytes = shared.reduce((sum, layer) => sum + (layer.bytes ?? 0), 0);
    ctx.fact('sharedBytes', sharedBytes, `Bytes of those shared layers, stored once for both images (${humanBytes(sharedBytes)})`);
    ctx.note(`A layer is named by the digest of its content. Both images list the same ${shared.length} lower layers (${baseLayers.length} from ${ctx.baseImage}, then the common RUN), so the engine stores them once; ${layersA.length - shared.length} layer of each is its own. The common RUN pins its files' timestamps (touch -d @0), so its bytes, and its digest, come out the same whenever it is built. LABEL adds no layer: it only changes the image's config.`);

    ctx.step('Change files inside a container');
    const firstName = ctx.name('first');
    ctx.command(`docker run -d --name ${firstName} --network none ${tagA} sleep 600`);
    const first = await startContainer(docker, { image: tagA, cmd: ['sleep', '600'], name: firstName, labels: ctx.labels, signal });
    const before = await look(ctx, first, firstName);
    ctx.fact('imageView', { ...before }, 'What a fresh container of the image sees');
    ctx.command(`docker exec ${firstName} sh -c "${CHANGES}"`);
    const changed = await execIn(docker, first, ['sh', '-c', CHANGES], { signal });
    if (changed.exitCode !== 0) ctx.output(changed.stderr);
    const after = await look(ctx, first, firstName);
    ctx.fact('firstContainerView', { ...after }, 'What the first container sees after its changes');

    ctx.command(`docker diff ${firstName}`);
    const changes = ((await first.changes({ abortSignal: signal })) ?? []) as { Path: string; Kind: 0 | 1 | 2 }[];
    ctx.output(changes.map((c) => `${KIND[c.Kind].letter} ${c.Path}`).join('\n'));
    for (const kind of [1, 0, 2] as const) {
      const { key } = KIND[kind];
      ctx.fact(key, changes.filter((c) => c.Kind === kind).map((c) => c.Path).sort(), `${key[0]!.toUpperCase()}${key.slice(1)} (docker diff ${KIND[kind].letter})`);
    }
    ctx.note('A = added, C = changed, D = deleted. The parent directories count as changed: a directory is copied up into the writable layer before anything in it can be added, changed or deleted.');

    ctx.step('Start a second container from the same image');
    const secondName = ctx.name('second');
    ctx.command(`docker run -d --name ${secondName} --network none ${tagA} sleep 600`);
    const second = await startContainer(docker, { image: tagA, cmd: ['sleep', '600'], name: secondName, labels: ctx.labels, signal });
    const pristine = await look(ctx, second, secondName);
    ctx.fact('secondContainerView', { ...pristine }, 'What the second container sees');
    ctx.note('Copy-on-write: the first container wrote into its own layer. The image stayed read-only, so the second container still has /opt/common.txt and the original /etc/passwd.');

    ctx.step('Where the layers live on the engine host');
    ctx.command(`docker inspect -f '{{json .GraphDriver}}' ${firstName} ${secondName}`);
    const [infoFirst, infoSecond] = await Promise.all([
      first.inspect({ size: true, abortSignal: signal } as Docker.ContainerInspectOptions),
      second.inspect({ abortSignal: signal }),
    ]);
    const driver = infoFirst.GraphDriver.Name;
    ctx.fact('storageDriver', driver, 'Storage driver');
    const dataFirst = infoFirst.GraphDriver.Data as DriverData;
    const dataSecond = infoSecond.GraphDriver.Data as DriverData;
    const imageData = imageA.GraphDriver.Data as DriverData;
    if (dataFirst?.UpperDir && dataSecond?.UpperDir) {
      const imageDirs = [...dirList(imageData?.UpperDir), ...dirList(imageData?.LowerDir)];
      const lowerFirst = dirList(dataFirst.LowerDir);
      const lowerSecond = dirList(dataSecond.LowerDir);
      ctx.output([
        `first   UpperDir  ${dataFirst.UpperDir}`,
        `second  UpperDir  ${dataSecond.UpperDir}`,
        `first   LowerDir  ${lowerFirst.join(' : ')}`,
        `second  LowerDir  ${lowerSecond.join(' : ')}`,
        `image   layers    ${imageDirs.join(' : ')}`,
        `first   MergedDir ${dataFirst.MergedDir ?? '?'}`,
      ].join('\n'));
      ctx.fact('upperDirFirst', dataFirst.UpperDir, 'Writable (upper) directory of the first container');
      ctx.fact('upperDirSecond', dataSecond.UpperDir, 'Writable (upper) directory of the second container');
      ctx.fact('lowerDirsFirst', lowerFirst, 'Read-only (lower) directories of the first container, top first');
      ctx.fact('lowerDirsSecond', lowerSecond, 'Read-only (lower) directories of the second container');
      ctx.fact('imageLayerDirs', imageDirs, `Layer directories of ${tagA}, top first`);
      const init = lowerFirst[0]?.endsWith('-init') ? ' and a small -init layer (mount points for /etc/hosts and friends)' : '';
      ctx.note(`Each container gets its own upper directory${init}; below that, both stack the very same image layer directories, read-only. The MergedDir is the overlay mount the process sees as /.`);

      ctx.command(`docker run --rm --mount type=bind,src=${dataFirst.UpperDir},dst=${ENGINE_DIR},readonly ${ctx.baseImage} find ${ENGINE_DIR}`);
      ctx.wait('looking into the upper directory from a helper container');
      // stat rather than ls: a whiteout is told apart from a file by its type and 0/0 device numbers.
      const listing = await inEngineDirectory(ctx, dataFirst.UpperDir, `cd ${ENGINE_DIR} && find . -mindepth 1 | sort | while read f; do stat -c '%F|%t,%T|%s|%n' "$f"; done`)
        .catch((error: unknown) => {
          if (signal.aborted) throw error;
          return { exitCode: -1, stdout: '', stderr: (error as Error).message, oomKilled: false };
        });
      if (listing.exitCode === 0) {
        const entries = listing.stdout.trim().split('\n').filter(Boolean).map((line) => {
          const [type = '', device = '', size = '', path = ''] = line.split('|');
          const name = path.replace(/^\.\//, '');
          if (type.startsWith('character') && device === '0,0') return `${name} (whiteout)`;
          return type === 'directory' ? `${name}/` : `${name} (${size} B)`;
        });
        ctx.output(entries.join('\n'));
        ctx.fact('upperDirEntries', entries, "What the first container's upper directory holds");
        ctx.note('That directory is the whole writable layer: the new file, a full copy of the changed /etc/passwd, and for the deleted file a "whiteout" (a 0/0 character device) that hides the image\'s copy below.');
      } else {
        ctx.note(`The engine would not mount its own upper directory into a helper here (${listing.stderr.trim()}), so its contents are not shown.`);
      }
    } else {
      ctx.output(JSON.stringify(infoFirst.GraphDriver, null, 2));
      ctx.note(`The ${driver} storage driver does not report lower and upper directories (overlay2 does), so there is nothing on disk to point at here; the diff above is still the container's own layer.`);
    }

    ctx.step('The writable layer is small; the image is shared');
    ctx.command(`docker ps -s --filter name=${firstName}`);
    const { SizeRw: sizeRw, SizeRootFs: sizeRootFs } = infoFirst as Docker.ContainerInspectInfo & { SizeRw?: number; SizeRootFs?: number };
    ctx.output(`SIZE ${humanBytes(sizeRw ?? 0)} (virtual ${humanBytes(sizeRootFs ?? 0)})`);
    ctx.fact('writableLayerBytes', sizeRw ?? null, `Bytes in the first container's writable layer (SizeRw, ${humanBytes(sizeRw ?? 0)})`);
    ctx.fact('rootFsBytes', sizeRootFs ?? null, `Bytes of its whole root filesystem, image layers included (SizeRootFs, ${humanBytes(sizeRootFs ?? 0)})`);
    ctx.note('A new container costs an empty directory, not a copy of the image: the engine only stores what each container writes.');
  },
});

if (isMain(import.meta.url)) process.exitCode = await runLabCli(lab, { json: process.argv.includes('--json') });
