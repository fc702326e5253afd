// Lab "build-ship-run": a Dockerfile becomes an image through a cache of steps; the image travels as
// a plain tar and comes back with the same id; ENTRYPOINT and CMD are both defaults a run can replace.
import * as kit from './kit/index.ts';
import { type ContextFor, defineLab, fact, runIfMain } from './kit/index.ts';
import { buildShipRun as text } from './text/build-ship-run.ts';

const facts = {
  totalSteps: fact<number>(),
  cachedSteps: fact<number>(),
  /** The classic builder's only: BuildKit makes no steps of labels. */
  labelSteps: fact<string[]>(),
  labelStepsFirstBuild: fact<string[]>(),
  editedInstruction: fact<string | null>(),
  cachedAfterEdit: fact<string[]>(),
  rebuiltAfterEdit: fact<string[]>(),
  imageBytes: fact<number>(),
  archiveBytes: fact<number>(),
  manifestRepoTags: fact<string[]>(),
  manifestLayers: fact<number>(),
  imageLayers: fact<number>(),
  originalImageId: fact<string>(),
  loadedImageId: fact<string>(),
  loadedImageHasRunLabel: fact<boolean>(),
  defaultRun: fact<string>(),
  cmdOverride: fact<string>(),
  entrypointOverride: fact<string>(),
  startupSamplesMs: fact<number[]>(),
  startupP50Ms: fact<number>(),
  startupP95Ms: fact<number>(),
};
type Ctx = ContextFor<typeof facts, typeof text>;

const IMAGE = 'build-ship-run';
const EDITED = 'Dockerfile.edited';
const STARTS = 10;
const stepLine = (step: kit.BuildStep) => `${step.number} ${kit.clip(step.instruction, 56)}`;

async function build(ctx: Ctx, tag: string) {
  ctx.step('build');
  ctx.output(await kit.dockerfileListing(IMAGE));
  const first = await ctx.build(IMAGE, { tag, wait: 'building' });
  const buildKit = first.builder === 'buildkit';
  ctx.note(buildKit ? 'eachInstructionBuildKit' : 'eachInstruction');

  ctx.step('rebuild');
  const rebuild = (await ctx.build(IMAGE, { tag, stepTable: 'rebuilt' })).steps;
  ctx.facts({ totalSteps: rebuild.length, cachedSteps: rebuild.filter((step) => step.cached).length });
  if (buildKit) return ctx.note('usingCacheBuildKit');
  // The classic builder's steps after the Dockerfile's own are the engine's, for the lab's labels.
  const own = (await kit.dockerfileLines(IMAGE)).length;
  const added = (steps: kit.BuildStep[]) => steps.slice(own).map((step) => step.instruction);
  ctx.facts({ labelSteps: added(rebuild), labelStepsFirstBuild: added(first.steps) });
  const ownCached = rebuild.slice(1, own).every((step) => step.cached);
  const labelsCached = rebuild.slice(own).every((step) => step.cached);
  ctx.note(ownCached && !labelsCached ? 'labelsRebuilt' : 'usingCache');
}

async function edit(ctx: Ctx, tag: string) {
  ctx.step('edit');
  const [before, after] = [await kit.dockerfileLines(IMAGE), await kit.dockerfileLines(IMAGE, EDITED)];
  const at = after.findIndex((line, index) => line !== before[index]);
  ctx.output(`Dockerfile → ${EDITED}, the only difference:\n- ${before[at]}\n+ ${after[at]}`);
  const wait = 'rebuildingEdited';
  const { steps, builder } = await ctx.build(IMAGE, { tag, dockerfile: EDITED, stepTable: 'rebuilt', wait });
  ctx.facts({ editedInstruction: after[at] ?? null, cachedAfterEdit: steps.filter((s) => s.cached).map(stepLine) });
  ctx.fact('rebuiltAfterEdit', steps.filter((s) => !s.cached && !s.instruction.startsWith('FROM')).map(stepLine));
  ctx.note(builder === 'buildkit' ? 'cacheKeyBuildKit' : 'cacheKey');
}

async function ship(ctx: Ctx, tag: string) {
  ctx.step('ship');
  const original = await ctx.inspectImage(tag, '{{.Id}}');
  const tar = await ctx.saveImage(tag, 'image.tar');
  ctx.shown('tar -tvf image.tar');
  const archive = await kit.readImageArchive(tar);
  const manifest = archive.manifest[0];
  ctx.output(kit.archiveListing(archive));
  ctx.shown('tar -xOf image.tar manifest.json');
  ctx.output(kit.shortHashes(JSON.stringify(archive.manifest, null, 2)));
  ctx.facts({ imageBytes: original.Size, archiveBytes: tar.length, manifestRepoTags: manifest?.RepoTags ?? [] });
  ctx.facts({ manifestLayers: manifest?.Layers.length ?? 0, imageLayers: original.RootFS.Layers?.length ?? 0 });
  ctx.note('imageIsPieces');

  ctx.step('reload');
  ctx.output(kit.shortHashes(await ctx.removeImage(tag)));
  ctx.output((await ctx.loadImage(tar, 'image.tar')).join('\n'));
  const shipped = ctx.name('shipped');
  await ctx.tagImage(kit.shortDigest(original.Id), shipped);
  const reloaded = await ctx.inspectImage(shipped, '{{.Id}}');
  const keptLabel = reloaded.Config.Labels?.[kit.RUN_LABEL] === ctx.runLabel;
  ctx.facts({ originalImageId: original.Id, loadedImageId: reloaded.Id, loadedImageHasRunLabel: keptLabel });
  // Docker's containerd image store names an image by its manifest's digest, not its config's.
  const descriptor = (original as { Descriptor?: { digest: string; mediaType: string } }).Descriptor;
  ctx.note(descriptor?.digest === original.Id && /manifest/.test(descriptor.mediaType) ? 'sameIdManifest' : 'sameId');
  // Cleanup finds images by the run label: an engine that dropped it on load would leave the tag behind.
  if (!keptLabel)
    ctx.defer(({ docker, signal }) =>
      kit.removeImages(docker, [reloaded.Id], { signal, force: true, tolerated: [404] }),
    );
  return shipped;
}

async function runIt(ctx: Ctx, image: string) {
  ctx.step('runIt');
  ctx.fact('defaultRun', (await ctx.run({ image, print: true })).printed);
  ctx.fact('cmdOverride', (await ctx.run({ image, cmd: ['world'], print: true })).printed);
  const cat = await ctx.run({ image, entrypoint: 'sh', cmd: ['-c', 'cat "$GREETING_FILE"'], print: true });
  ctx.fact('entrypointOverride', cat.printed);
  ctx.note('entrypointOverride');
}

async function startUp(ctx: Ctx, image: string) {
  ctx.step('startUp', { runs: STARTS });
  const samples = await ctx.timeRuns({ image, entrypoint: 'true' }, STARTS);
  ctx.output(samples.map((ms) => `${ms} ms`).join('  '));
  const [p50, p95] = [kit.percentile(samples, 50), kit.percentile(samples, 95)];
  ctx.facts({ startupSamplesMs: samples, startupP50Ms: p50, startupP95Ms: p95 });
  ctx.note('roundTrip');
}

export const lab = defineLab({
  id: 'build-ship-run',
  text,
  facts,
  async run(ctx) {
    const tag = ctx.name('app');
    await build(ctx, tag);
    await edit(ctx, ctx.name('app-edited'));
    const shipped = await ship(ctx, tag);
    await runIt(ctx, shipped);
    await startUp(ctx, shipped);
  },
});

await runIfMain(import.meta.url, lab);
