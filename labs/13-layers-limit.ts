#!/usr/bin/env tsx
// Lab "layers-limit": the notes say an image may have at most 127 layers. Where does this engine
// refuse? First stacks of tiny layers loaded with `docker load` (fast), searched step by step; then a
// generated Dockerfile that adds one tiny COPY layer per step past the limit, built for real (with
// BuildKit only FROM up to 256 layers: see BUILDKIT_FROM_MAX).
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as kit from './kit/index.ts';
import { type ContextFor, defineLab, fact, runIfMain } from './kit/index.ts';
import { layersLimit as text } from './text/layers-limit.ts';

const facts = {
  baseLayers: fact<number>(),
  loadsTried: fact<number>(),
  loadLimitLayers: fact<number>(),
  loadRefusedLayers: fact<number>(),
  loadMessage: fact<string>(),
  refusedWhen: fact<'load' | 'run'>(),
  buildFromLayers: fact<number>(),
  buildLayersReached: fact<number>(),
  buildRefusedAtStep: fact<number | null>(),
  buildMessage: fact<string | null>(),
  /** BuildKit was not asked to build FROM a stack this deep (see BUILDKIT_FROM_MAX). */
  buildSkipped: fact<boolean>(),
  /** A build that made every step (BuildKit): what the engine said when a container was started from it. */
  builtRunMessage: fact<string | null>(),
};
type Ctx = ContextFor<typeof facts, typeof text>;

/** Bounds: never more than this many layers, never more than this many loads. */
const MAX_LAYERS = 1024;
const MAX_LOADS = 16;
/**
 * The heights climbed until the first refusal: round numbers, and each side of where engines are
 * known to stop, so a known limit is confirmed in two loads instead of found by halving. 125 runs
 * and 126 is refused on Docker's overlay2 graph driver; 498 and 499 under overlay with Docker's
 * containerd image store (the kernel's overlay takes 500 lower directories, a container adds one);
 * 500 and 501 bracket that maximum for a store whose containers add no lower directory of their own.
 * Every ~500-layer stack costs minutes on an engine in an emulated VM: no more of them than needed.
 */
const CLIMB = [32, 125, 126, 128, 498, 499, 500, 501, 512, MAX_LAYERS];
/** The generated Dockerfile starts this far below the load limit and adds twice as many steps. */
const BELOW = 4;
/**
 * BuildKit resolves a FROM image one layer at a time and, for each, asks the store about every layer
 * beneath it (buildkit's cacheManager.getRecord walks all ancestors; moby/buildkit#2184 describes the
 * same n² walk): ~250 000 requests to containerd for a 494-layer FROM, which had not finished after
 * 31 min in the engine matrix's emulated VM (Docker 28.5, containerd image store). Deeper than this,
 * BuildKit is not asked.
 */
const BUILDKIT_FROM_MAX = 256;

interface Attempt {
  ok: boolean;
  message?: string;
  /** Where the engine refused: loading the image, or starting a container from it. */
  when?: 'load' | 'run';
}

/** The engine's own words from a dockerode error ("(HTTP code 500) server error - …" without the wrapper). */
const engineSaid = (error: unknown) =>
  (error as { json?: { message?: string } }).json?.message ?? (error as Error).message;

/**
 * A refused overlay mount quotes its whole option string, one lower directory per layer (hundreds):
 * on screen, the first few and how many there were.
 */
const clipLowerdirs = (message: string) =>
  message.replace(/lowerdir=([^",]*)/, (_, dirs: string) => {
    const all = dirs.split(':');
    return all.length > 4
      ? `lowerdir=${all.slice(0, 3).join(':')}:… (${all.length} lower directories)`
      : `lowerdir=${dirs}`;
  });

/** The last clause of a message: the reason itself, without the container or step it was about. */
const reason = (message: string) => message.replace(/^.*: /, '').trim();

/** Writes the stack of `total` layers as a docker save archive and loads it; throws what the engine said. */
async function loadStack(ctx: Ctx, dir: string, base: Buffer, baseLayers: number, total: number): Promise<string> {
  const tag = `${ctx.name('stack')}:${total}`;
  const tar = await kit.stackArchive(base, total - baseLayers, tag, ctx.labels);
  const file = join(dir, `stack-${total}.tar`);
  await writeFile(file, tar);
  // Removed by tag when the lab ends, before the sweep by label: listing images of hundreds of
  // layers (their sizes) takes minutes on Docker's containerd image store in an emulated VM.
  // 404: loaded twice (the build's FROM), removed once already.
  ctx.defer((fresh) => kit.removeImages(fresh.docker, [tag], { signal: fresh.signal, force: true, tolerated: [404] }));
  await ctx.loadImage(tar, file);
  return tag;
}

async function search(ctx: Ctx, dir: string, base: Buffer, baseLayers: number) {
  ctx.step('search');
  ctx.note('howSearched');
  const tried = new Map<number, Attempt>();
  const attempt = async (total: number): Promise<boolean> => {
    let tag: string;
    try {
      tag = await loadStack(ctx, dir, base, baseLayers, total);
    } catch (error) {
      if (ctx.signal.aborted) throw error;
      const message = (error as Error).message.replace(/^docker load failed: /, '');
      tried.set(total, { ok: false, message, when: 'load' });
      ctx.output(`${total} layers: refused — ${message}`);
      return false;
    }
    // Loaded. Some layer stores (Podman's containers/storage, Docker's containerd image store) take
    // a stack of any height and refuse only when a container's filesystem is mounted from it: so a
    // stack counts only once a container has started from it.
    try {
      await ctx.run({ image: tag, cmd: ['true'] });
    } catch (error) {
      if (ctx.signal.aborted) throw error;
      const message = engineSaid(error);
      tried.set(total, { ok: false, message, when: 'run' });
      ctx.output(`${total} layers: loaded, but no container starts — ${clipLowerdirs(message)}`);
      return false;
    }
    tried.set(total, { ok: true });
    ctx.output(`${total} layers: loaded, and a container ran`);
    return true;
  };
  let good = baseLayers;
  let bad: number | undefined;
  for (const total of CLIMB.filter((height) => height > baseLayers)) {
    if (!(await attempt(total))) {
      bad = total;
      break;
    }
    good = total;
  }
  while (bad !== undefined && bad - good > 1 && tried.size < MAX_LOADS) {
    const mid = Math.floor((good + bad) / 2);
    if (await attempt(mid)) good = mid;
    else bad = mid;
  }
  if (bad === undefined || bad - good > 1) {
    throw new kit.WharfError(`No layer limit found up to ${MAX_LAYERS} layers within ${MAX_LOADS} loads.`);
  }
  const refused = tried.get(bad);
  ctx.facts({ loadsTried: tried.size, loadLimitLayers: good, loadRefusedLayers: bad });
  ctx.facts({ loadMessage: reason(refused?.message ?? ''), refusedWhen: refused?.when ?? 'load' });
  if (refused?.when === 'run') ctx.note('refusedAtRun', { refused: bad, limit: good });
  return { limit: good, refusedWhen: refused?.when ?? 'load' };
}

type Searched = Awaited<ReturnType<typeof search>>;

async function build(ctx: Ctx, dir: string, base: Buffer, baseLayers: number, { limit, refusedWhen }: Searched) {
  ctx.step('build');
  // FROM a stack a few layers below the limit, then one layer per step past it. Its layers are all
  // loaded already, so loading it is cheap; each build step is not (a container and a commit).
  const from = Math.max(limit - BELOW, baseLayers);
  const skipped = kit.builderFor(ctx.engine.product) === 'buildkit' && from > BUILDKIT_FROM_MAX;
  ctx.fact('buildSkipped', skipped);
  if (skipped) {
    ctx.note('buildKitTooDeep', { from, max: BUILDKIT_FROM_MAX, limit });
    return;
  }
  await loadStack(ctx, dir, base, baseLayers, from);
  const steps = limit - from + BELOW;
  const context = join(dir, 'build');
  await mkdir(context);
  const lines = [`FROM ${ctx.name('stack')}:${from}`];
  for (let n = 1; n <= steps; n += 1) {
    await writeFile(join(context, `step-${n}`), `${n}\n`);
    lines.push(`COPY step-${n} /steps/`);
  }
  await writeFile(join(context, 'Dockerfile'), `${lines.join('\n')}\n`);
  ctx.output(`${lines.slice(0, 3).join('\n')}\n… (${steps} COPY steps)`);
  ctx.fact('buildFromLayers', from);
  let refusedAt: number | null = null;
  const tag = `${ctx.name('built')}:latest`;
  try {
    const wait = { key: 'buildSteps', values: { n: steps } };
    await kit.withinDeadline('building past the layer limit', 120_000, ctx.signal, async () =>
      ctx.build('layers-limit', { tag, contextDir: context, showOutput: false, wait }),
    );
    ctx.facts({ buildLayersReached: from + steps, buildRefusedAtStep: null, buildMessage: null });
  } catch (error) {
    if (ctx.signal.aborted) throw error;
    const message = (error as Error).message;
    // "at step 7/9 …" (the classic builder), "at step [7/9] …" (BuildKit). Anything else (the engine
    // gone, a deadline) is not the engine refusing a layer: it ends the lab as it is.
    const at = /at step \[?(\d+)\//.exec(message);
    if (!at) throw error;
    const step = Number(at[1]);
    refusedAt = step;
    ctx.output(clipLowerdirs(message));
    // Step 1 is FROM; each step after it that finished added one layer.
    ctx.facts({
      buildLayersReached: from + (step - 2),
      buildRefusedAtStep: step,
      buildMessage: reason(message),
    });
  }
  const reached = from + (refusedAt === null ? steps : refusedAt - 2);
  if (refusedAt === null && reached > limit) return runBuiltPast(ctx, tag, reached, limit);
  if (reached === limit) ctx.note('sameLimit', { n: limit });
  // A step writes its layer from a container on the image before it: the image it makes is mounted
  // only by the next step. Where the store refuses at mount time, the last image can be one past.
  else if (reached === limit + 1 && refusedWhen === 'run') ctx.note('builtOnePast', { reached, limit });
  else ctx.note('otherLimit', { reached, limit });
}

/** Every step was made (BuildKit's COPY runs no container): the limit shows when one is started. */
async function runBuiltPast(ctx: Ctx, tag: string, reached: number, limit: number) {
  try {
    await ctx.run({ image: tag, cmd: ['true'] });
    ctx.fact('builtRunMessage', null);
    ctx.note('builtPastRuns', { reached, limit });
  } catch (error) {
    if (ctx.signal.aborted) throw error;
    const message = engineSaid(error);
    ctx.output(clipLowerdirs(message));
    ctx.fact('builtRunMessage', reason(message));
    ctx.note('builtPastRunRefused', { reached, limit });
  }
}

export const lab = defineLab({
  id: 'layers-limit',
  text,
  facts,
  // Stacks of ~500 layers: about 15 min on Docker's containerd image store in an emulated VM (x10).
  deadlineMs: 180_000,
  async run(ctx) {
    const dir = await mkdtemp(join(tmpdir(), 'wharf-layers-limit-'));
    try {
      const base = await kit.saveImage(ctx.docker, ctx.baseImage, ctx.signal);
      const baseLayers = (await kit.inspectImage(ctx.docker, ctx.baseImage, ctx.signal)).RootFS.Layers?.length ?? 1;
      ctx.fact('baseLayers', baseLayers);
      await build(ctx, dir, base, baseLayers, await search(ctx, dir, base, baseLayers));
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  },
});

await runIfMain(import.meta.url, lab);
