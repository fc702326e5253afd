// Lab "build-ship-run": a Dockerfile becomes an image through a cache of steps; the image travels as
// a plain tar and comes back with the same id; ENTRYPOINT and CMD are both defaults a run can replace.
import * as kit from './kit/index.ts';
import { type ContextFor, defineLab, fact, runIfMain } from './kit/index.ts';

const facts = {
  totalSteps: fact<number>('Steps in the build'),
  cachedSteps: fact<number>('Steps the rebuild took from the cache'),
  editedInstruction: fact<string | null>('The edited instruction'),
  cachedAfterEdit: fact<string[]>('Still from the cache'),
  rebuiltAfterEdit: fact<string[]>('Rebuilt'),
  imageBytes: fact<number>('Size of the image'),
  archiveBytes: fact<number>('Size of the tar'),
  manifestRepoTags: fact<string[]>('RepoTags in manifest.json'),
  manifestLayers: fact<number>('Layer tars listed in manifest.json'),
  imageLayers: fact<number>('Layers in the image (RootFS.Layers)'),
  originalImageId: fact<string>('Image id before saving'),
  loadedImageId: fact<string>('Image id after loading'),
  loadedImageHasRunLabel: fact<boolean>('Loaded image still carries its run label'),
  defaultRun: fact<string>('Default run of the loaded image (ENTRYPOINT + CMD)'),
  cmdOverride: fact<string>('Arguments after the image name replace CMD'),
  entrypointOverride: fact<string>('--entrypoint replaces ENTRYPOINT too'),
  startupSamplesMs: fact<number[]>('Each docker run --rm: create, start, wait for exit, logs, remove (ms)'),
  startupP50Ms: fact<number>('Start-up p50 (ms)'),
  startupP95Ms: fact<number>('Start-up p95 (ms)'),
};
type Ctx = ContextFor<typeof facts>;

const IMAGE = 'build-ship-run';
const EDITED = 'Dockerfile.edited';
const STARTS = 10;
const stepLine = (step: kit.BuildStep) => `${step.number} ${kit.clip(step.instruction, 56)}`;

async function build(ctx: Ctx, tag: string) {
  ctx.step('Build an image from a Dockerfile');
  ctx.output(`labs/images/${IMAGE}/Dockerfile\n${(await kit.dockerfileLines(IMAGE)).join('\n')}`);
  await ctx.build(IMAGE, { tag, wait: 'building' });
  ctx.note(`Each instruction is a step. RUN runs in a temporary container; RUN and COPY each leave a layer, ENV,
    ENTRYPOINT and CMD only change the config. The last LABEL steps are the Wharf labels the lab asked for, so cleanup
    can find the image.`);

  ctx.step('Build it again, unchanged');
  const rebuild = (await ctx.build(IMAGE, { tag, showOutput: false })).steps;
  ctx.output(kit.stepTable(rebuild, 'rebuilt'));
  ctx.facts({ totalSteps: rebuild.length, cachedSteps: rebuild.filter((step) => step.cached).length });
  ctx.note(`Every step after FROM said "Using cache": same parent, same instruction, same files → the engine reuses the
    image it made last time. FROM builds nothing, so it has nothing to cache.`);
}

async function edit(ctx: Ctx, tag: string) {
  ctx.step('Edit one late instruction and rebuild');
  const [before, after] = [await kit.dockerfileLines(IMAGE), await kit.dockerfileLines(IMAGE, EDITED)];
  const at = after.findIndex((line, index) => line !== before[index]);
  ctx.output(`Dockerfile → ${EDITED}, the only difference:\n- ${before[at]}\n+ ${after[at]}`);
  const wait = 'rebuilding from the edited step';
  const { steps } = await ctx.build(IMAGE, { tag, dockerfile: EDITED, showOutput: false, wait });
  ctx.output(kit.stepTable(steps, 'rebuilt'));
  ctx.facts({ editedInstruction: after[at] ?? null, cachedAfterEdit: steps.filter((s) => s.cached).map(stepLine) });
  ctx.fact('rebuiltAfterEdit', steps.filter((s) => !s.cached && !s.instruction.startsWith('FROM')).map(stepLine));
  ctx.note(`A step's cache key is its parent image plus its instruction. The edited RUN misses the cache; every step
    after it has a new parent, so it misses too. Steps that change often belong at the end.`);
}

async function ship(ctx: Ctx, tag: string) {
  ctx.step('Ship it: save the image as a tar');
  ctx.shown(`docker save -o image.tar ${tag} && tar -tvf image.tar`);
  ctx.wait('exporting the image');
  const { docker, signal } = ctx;
  const original = await kit.inspectImage(docker, tag, signal);
  const tar = await kit.saveImage(docker, tag, signal);
  const archive = await kit.readImageArchive(tar);
  const manifest = archive.manifest[0];
  ctx.output(kit.archiveListing(archive));
  ctx.shown('tar -xOf image.tar manifest.json');
  ctx.output(kit.shortHashes(JSON.stringify(archive.manifest, null, 2)));
  ctx.facts({ imageBytes: original.Size, archiveBytes: tar.length, manifestRepoTags: manifest?.RepoTags ?? [] });
  ctx.facts({ manifestLayers: manifest?.Layers.length ?? 0, imageLayers: original.RootFS.Layers?.length ?? 0 });
  ctx.note(`An image is nothing more than this: a config (JSON), one tar per layer, and a manifest tying them together.
    A registry stores the same pieces.`);

  ctx.step('Remove it, then load the tar back');
  ctx.shown(`docker rmi ${tag}`);
  ctx.output(kit.shortHashes(await kit.removeImage(docker, tag, signal)));
  ctx.shown('docker load < image.tar');
  ctx.output((await kit.loadImage(docker, tar, signal)).join('\n'));
  const shipped = ctx.name('shipped');
  ctx.shown(`docker tag ${kit.shortDigest(original.Id)} ${shipped}`);
  await docker.getImage(original.Id).tag({ repo: shipped, tag: 'latest', abortSignal: signal });
  const reloaded = await kit.inspectImage(docker, shipped, signal);
  const keptLabel = reloaded.Config.Labels?.[kit.RUN_LABEL] === ctx.runLabel;
  ctx.facts({ originalImageId: original.Id, loadedImageId: reloaded.Id, loadedImageHasRunLabel: keptLabel });
  ctx.note(`The id is the digest of the image config, which names every layer by its digest: the same bytes give the
    same id on any machine. Labels live in that config, so the loaded image keeps them (and cleanup finds it).`);
  // Cleanup finds images by the run label; an engine that dropped it on load would leave the tag.
  return { shipped, removeUnlabelled: keptLabel ? undefined : reloaded.Id };
}

async function runIt(ctx: Ctx, image: string) {
  ctx.step('Run the loaded image: ENTRYPOINT is the program, CMD its default arguments');
  ctx.fact('defaultRun', (await ctx.run({ image, print: true })).printed);
  ctx.fact('cmdOverride', (await ctx.run({ image, cmd: ['world'], print: true })).printed);
  const cat = await ctx.run({ image, entrypoint: 'sh', cmd: ['-c', 'cat "$GREETING_FILE"'], print: true });
  ctx.fact('entrypointOverride', cat.printed);
  ctx.note(`Some notes claim a single ENTRYPOINT cannot be overridden. It can: --entrypoint replaced echo with sh,
    which read the file named by the image's ENV. A new --entrypoint also drops the image's CMD, so its arguments
    follow the image name.`);
}

async function startUp(ctx: Ctx, image: string) {
  ctx.step(`How long does a container take to start? (${STARTS} runs of \`true\`)`);
  const samples = await ctx.timeRuns({ image, entrypoint: 'true' }, STARTS);
  ctx.output(samples.map((ms) => `${ms} ms`).join('  '));
  const [p50, p95] = [kit.percentile(samples, 50), kit.percentile(samples, 95)];
  ctx.facts({ startupSamplesMs: samples, startupP50Ms: p50, startupP95Ms: p95 });
  ctx.note(`This is the whole \`docker run --rm\` round trip, API calls included: no kernel to boot, but far from free.
    The myths chapter compares it with "containers start in milliseconds".`);
}

export const lab = defineLab({
  id: 'build-ship-run',
  title: 'Build, ship, run',
  shows:
    'The build cache at work, an image saved to a tar and loaded back unchanged, CMD vs ENTRYPOINT, ' +
    'and how long a container takes to start.',
  facts,
  async run(ctx) {
    const tag = ctx.name('app');
    await build(ctx, tag);
    await edit(ctx, ctx.name('app-edited'));
    const { shipped, removeUnlabelled } = await ship(ctx, tag);
    await runIt(ctx, shipped);
    await startUp(ctx, shipped);
    if (removeUnlabelled) await ctx.docker.getImage(removeUnlabelled).remove({ force: true, abortSignal: ctx.signal });
  },
});

await runIfMain(import.meta.url, lab);
