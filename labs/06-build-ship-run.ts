#!/usr/bin/env tsx
// Lab "build-ship-run": a Dockerfile becomes an image through a cache of steps; the image travels as
// a plain tar and comes back with the same id; ENTRYPOINT and CMD are both defaults a run can replace.
import { readFile } from 'node:fs/promises';
import { percentile } from './kit/stats.ts';
import { buildSteps, stepTable, type BuildStep } from './kit/build-steps.ts';
import { isMain, runLabCli } from './kit/cli.ts';
import { runToCompletion, type RunOptions } from './kit/containers.ts';
import { inspectImage } from './kit/engine/image-calls.ts';
import { loadImage, readImageArchive, saveImage } from './kit/image-archive.ts';
import { buildLabImage, imagesDir } from './kit/images.ts';
import { RUN_LABEL } from './kit/labels.ts';
import { defineLab, type LabContext } from './kit/lab.ts';
import { runShown } from './kit/shown-run.ts';
import { clip, humanBytes, shortDigest } from './kit/layers.ts';

const IMAGE = 'build-ship-run';
const EDITED = 'Dockerfile.edited';
const STARTS = 10;

const instructions = (dockerfile: string) => dockerfile.split('\n').filter((line) => line.trim() && !line.startsWith('#'));
// Archive entries are named by 64-hex digests; 12 are enough to tell them apart on screen.
const shortHashes = (text: string) => text.replace(/[0-9a-f]{64}/g, (hash) => `${hash.slice(0, 12)}…`);
const stepLine = (step: BuildStep) => `${step.number} ${clip(step.instruction, 56)}`;

const showSteps = (ctx: LabContext, steps: BuildStep[]) => ctx.output(stepTable(steps, 'rebuilt'));

/** `docker run --rm` of the lab image with some of its defaults replaced; returns what it printed. */
const run = async (ctx: LabContext, image: string, command: string, options: Partial<RunOptions> = {}) =>
  (await runShown(ctx, command, { image, ...options })).printed;

export const lab = defineLab({
  id: 'build-ship-run',
  title: 'Build, ship, run',
  shows: 'The build cache at work, an image saved to a tar and loaded back unchanged, CMD vs ENTRYPOINT, and how long a container takes to start.',

  async run(ctx) {
    const { docker, signal } = ctx;
    const tag = ctx.name('app');
    const editedTag = ctx.name('app-edited');

    ctx.step('Build an image from a Dockerfile');
    const dockerfile = await readFile(`${imagesDir(IMAGE)}Dockerfile`, 'utf8');
    ctx.output(`labs/images/${IMAGE}/Dockerfile\n${dockerfile.trim()}`);
    ctx.command(`docker build -t ${tag} labs/images/${IMAGE}`);
    ctx.wait('building');
    await buildLabImage(ctx, IMAGE, tag);
    ctx.note('Each instruction is a step. RUN runs in a temporary container; RUN and COPY each leave a layer, ENV, ENTRYPOINT and CMD only change the config. The last LABEL steps are the Wharf labels the lab asked for, so cleanup can find the image.');

    ctx.step('Build it again, unchanged');
    ctx.command(`docker build -t ${tag} labs/images/${IMAGE}`);
    const rebuild = buildSteps((await buildLabImage(ctx, IMAGE, tag, { showOutput: false })).lines);
    showSteps(ctx, rebuild);
    ctx.fact('totalSteps', rebuild.length, 'Steps in the build');
    ctx.fact('cachedSteps', rebuild.filter((step) => step.cached).length, 'Steps the rebuild took from the cache');
    ctx.note('Every step after FROM said "Using cache": same parent, same instruction, same files → the engine reuses the image it made last time. FROM builds nothing, so it has nothing to cache.');

    ctx.step('Edit one late instruction and rebuild');
    const edited = await readFile(`${imagesDir(IMAGE)}${EDITED}`, 'utf8');
    const [before, after] = [instructions(dockerfile), instructions(edited)];
    const changedAt = after.findIndex((line, index) => line !== before[index]);
    ctx.output(`Dockerfile → ${EDITED}, the only difference:\n- ${before[changedAt]}\n+ ${after[changedAt]}`);
    ctx.command(`docker build -t ${editedTag} -f ${EDITED} labs/images/${IMAGE}`);
    ctx.wait('rebuilding from the edited step');
    const editSteps = buildSteps((await buildLabImage(ctx, IMAGE, editedTag, { dockerfile: EDITED, showOutput: false })).lines);
    showSteps(ctx, editSteps);
    ctx.fact('editedInstruction', after[changedAt] ?? null, 'The edited instruction');
    ctx.fact('cachedAfterEdit', editSteps.filter((step) => step.cached).map(stepLine), 'Still from the cache');
    ctx.fact('rebuiltAfterEdit', editSteps.filter((step) => !step.cached && !step.instruction.startsWith('FROM')).map(stepLine), 'Rebuilt');
    ctx.note("A step's cache key is its parent image plus its instruction. The edited RUN misses the cache; every step after it has a new parent, so it misses too. Steps that change often belong at the end.");

    ctx.step('Ship it: save the image as a tar');
    ctx.command(`docker save ${tag} | tar -t`);
    ctx.wait('exporting the image');
    const original = await inspectImage(docker, tag, signal);
    const archive = await saveImage(docker, tag, signal);
    const { manifest, files } = await readImageArchive(archive);
    ctx.output(files.map((file) => `${shortHashes(file.name).padEnd(36)} ${humanBytes(file.bytes)}`).join('\n'));
    const [entry] = manifest;
    ctx.command('tar -xOf image.tar manifest.json');
    ctx.output(shortHashes(JSON.stringify(manifest, null, 2)));
    ctx.fact('imageBytes', original.Size, `Size of the image (${humanBytes(original.Size)})`);
    ctx.fact('archiveBytes', archive.length, `Size of the tar (${humanBytes(archive.length)})`);
    ctx.fact('manifestRepoTags', entry?.RepoTags ?? [], 'RepoTags in manifest.json');
    ctx.fact('manifestLayers', entry?.Layers.length ?? 0, 'Layer tars listed in manifest.json');
    ctx.fact('imageLayers', original.RootFS.Layers?.length ?? 0, 'Layers in the image (RootFS.Layers)');
    ctx.note('An image is nothing more than this: a config (JSON), one tar per layer, and a manifest tying them together. A registry stores the same pieces.');

    ctx.step('Remove it, then load the tar back');
    ctx.command(`docker rmi ${tag}`);
    const removed = (await docker.getImage(tag).remove({ abortSignal: signal })) as { Untagged?: string; Deleted?: string }[];
    ctx.output(shortHashes(removed.map((r) => (r.Untagged ? `Untagged: ${r.Untagged}` : `Deleted: ${r.Deleted}`)).join('\n')));
    ctx.command(`docker load < image.tar`);
    const loaded = await loadImage(docker, archive, signal);
    ctx.output(loaded.join('\n'));
    const shippedTag = ctx.name('shipped');
    ctx.command(`docker tag ${shortDigest(original.Id)} ${shippedTag}`);
    await docker.getImage(original.Id).tag({ repo: shippedTag, tag: 'latest', abortSignal: signal });
    const reloaded = await inspectImage(docker, shippedTag, signal);
    ctx.fact('originalImageId', original.Id, 'Image id before saving');
    ctx.fact('loadedImageId', reloaded.Id, 'Image id after loading');
    ctx.fact('loadedImageHasRunLabel', reloaded.Config.Labels?.[RUN_LABEL] === ctx.runId, 'Loaded image still carries its run label');
    ctx.note('The id is the digest of the image config, which names every layer by its digest: the same bytes give the same id on any machine. Labels live in that config, so the loaded image keeps them (and cleanup finds it).');

    ctx.step('Run the loaded image: ENTRYPOINT is the program, CMD its default arguments');
    const defaultRun = await run(ctx, shippedTag, `docker run --rm ${shippedTag}`);
    ctx.fact('defaultRun', defaultRun, 'Default run of the loaded image (ENTRYPOINT + CMD)');
    const cmdOverride = await run(ctx, shippedTag, `docker run --rm ${shippedTag} world`, { cmd: ['world'] });
    ctx.fact('cmdOverride', cmdOverride, 'Arguments after the image name replace CMD');
    const entrypointOverride = await run(ctx, shippedTag, `docker run --rm --entrypoint sh ${shippedTag} -c 'cat "$GREETING_FILE"'`, {
      config: { Entrypoint: ['sh'] },
      cmd: ['-c', 'cat "$GREETING_FILE"'],
    });
    ctx.fact('entrypointOverride', entrypointOverride, '--entrypoint replaces ENTRYPOINT too');
    ctx.note("Some notes claim a single ENTRYPOINT cannot be overridden. It can: --entrypoint replaced echo with sh, which read the file named by the image's ENV. A new --entrypoint also drops the image's CMD, so its arguments follow the image name.");

    ctx.step(`How long does a container take to start? (${STARTS} runs of \`true\`)`);
    ctx.command(`for i in $(seq ${STARTS}); do time docker run --rm --network none --entrypoint true ${shippedTag}; done`);
    ctx.wait(`starting ${STARTS} containers one after the other`);
    const samples: number[] = [];
    for (let i = 0; i < STARTS; i += 1) {
      const started = performance.now();
      await runToCompletion(docker, { image: shippedTag, config: { Entrypoint: ['true'] }, labels: ctx.labels, signal });
      samples.push(Math.round(performance.now() - started));
    }
    ctx.output(`${samples.map((ms) => `${ms} ms`).join('  ')}`);
    ctx.fact('startupSamplesMs', samples, 'Each docker run --rm: create, start, wait for exit, logs, remove (ms)');
    ctx.fact('startupP50Ms', percentile(samples, 50), 'Start-up p50 (ms)');
    ctx.fact('startupP95Ms', percentile(samples, 95), 'Start-up p95 (ms)');
    ctx.note('This is the whole `docker run --rm` round trip, API calls included: no kernel to boot, but far from free. The myths chapter compares it with "containers start in milliseconds".');

    // Cleanup finds images by the run label; an engine that dropped it on load would leave the tag.
    if (reloaded.Config.Labels?.[RUN_LABEL] !== ctx.runId) await docker.getImage(reloaded.Id).remove({ force: true, abortSignal: signal });
  },
});

if (isMain(import.meta.url)) process.exitCode = await runLabCli(lab, { json: process.argv.includes('--json') });
