// Lab "volumes": the writable layer dies with its container; a named volume and a bind mount do not.
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import * as kit from './kit/index.ts';
import { type ContextFor, defineLab, fact, runIfMain } from './kit/index.ts';
import { volumes as text } from './text/volumes.ts';

const facts = {
  writableLayerFileSurvived: fact<boolean>(),
  volumeName: fact<string>(),
  volumeFileSurvived: fact<boolean>(),
  volumeFileContent: fact<string | null>(),
  volumeMountpoint: fact<string>(),
  bindMountDir: fact<string>(),
  bindHostToContainer: fact<string | null>(),
  bindContainerToHost: fact<string | null>(),
  bindMountRoundTrip: fact<boolean>(),
  containerFileOwnerUid: fact<number>(),
  bindMountDirRemoved: fact<boolean>(),
};
type Ctx = ContextFor<typeof facts, typeof text>;

const NOTE = '/data/note.txt';
const sh = (script: string) => ['sh', '-c', script];

/**
 * Where to make the bind-mounted directory. A bind mount names a path on the ENGINE's host: this
 * machine when the engine runs natively here (a local socket on Linux, and the engine reports our
 * hostname), a VM otherwise (Docker Desktop, Colima, OrbStack, Podman machine), where only folders
 * shared into the VM exist. Home directories are shared by all of those by default; /tmp is not.
 */
function bindParent(engine: kit.EngineInfo) {
  const engineHostname = engine.hostName;
  if (kit.engineWhere(engine).here) {
    return { parent: tmpdir(), why: 'bindDirHere' as const, values: { name: engineHostname, dir: tmpdir() } };
  }
  const { product, endpoint } = engine;
  const values = { product, host: engineHostname, via: endpoint.host, home: homedir() };
  return { parent: homedir(), why: 'bindDirElsewhere' as const, values };
}

async function inTheLayer(ctx: Ctx) {
  ctx.step('inTheLayer');
  await ctx.run({ cmd: sh(`mkdir -p /data && echo "kept in the writable layer" | tee ${NOTE}`), print: true });
  const read = await ctx.run({ cmd: ['cat', NOTE], print: true });
  ctx.fact('writableLayerFileSurvived', read.exitCode === 0);
  ctx.note('layerRemoved');
}

async function inAVolume(ctx: Ctx) {
  ctx.step('inAVolume');
  const volumeName = await ctx.createVolume('data');
  ctx.fact('volumeName', volumeName);
  const volumes = [`${volumeName}:/data`];
  await ctx.run({ volumes, cmd: sh(`echo "kept in the volume" | tee ${NOTE}`), print: true });
  const read = await ctx.run({ volumes, cmd: ['cat', NOTE], print: true });
  ctx.facts({ volumeFileSurvived: read.exitCode === 0, volumeFileContent: read.exitCode === 0 ? read.printed : null });
  const mountpoint = await ctx.volumeMountpoint(volumeName);
  ctx.output(mountpoint);
  ctx.fact('volumeMountpoint', mountpoint);
  ctx.note('volumeOutsideLayers');
}

async function bothSides(ctx: Ctx, dir: string) {
  ctx.fact('bindMountDir', dir);
  ctx.shown(`echo "written on the host" > ${join(dir, 'from-host.txt')}`);
  await writeFile(join(dir, 'from-host.txt'), 'written on the host\n');
  const both = 'cat /data/from-host.txt && echo "written in the container" > /data/from-container.txt';
  const mounts = [{ source: dir, target: '/data' }];
  const failed = (error: Error) => ({ exitCode: -1, printed: '', error: error.message });
  const inside = await ctx.run({ mounts, cmd: sh(both), print: true }).catch(kit.unlessStopped(ctx.signal, failed));
  if ('error' in inside) ctx.output(inside.error);
  const hostToContainer = inside.exitCode === 0 ? inside.printed : null;
  ctx.fact('bindHostToContainer', hostToContainer);
  if (inside.exitCode !== 0) ctx.note('mountFailed');
  const fromContainer = join(dir, 'from-container.txt');
  ctx.shown(`cat ${fromContainer}`);
  const containerToHost = existsSync(fromContainer) ? (await readFile(fromContainer, 'utf8')).trim() : null;
  ctx.output(containerToHost ?? '(no such file)');
  ctx.fact('bindContainerToHost', containerToHost);
  const roundTrip = hostToContainer === 'written on the host' && containerToHost === 'written in the container';
  ctx.fact('bindMountRoundTrip', roundTrip);
  if (containerToHost !== null) {
    ctx.fact('containerFileOwnerUid', (await stat(fromContainer)).uid);
    ctx.note('sameDirectory');
  }
}

export const lab = defineLab({
  id: 'volumes',
  text,
  facts,
  async run(ctx) {
    await inTheLayer(ctx);
    await inAVolume(ctx);
    ctx.step('bindMount');
    const { parent, why, values } = bindParent(ctx.engine);
    const dir = await mkdtemp(join(parent, 'wharf-bind-'));
    ctx.note(why, values);
    try {
      await bothSides(ctx, dir);
    } finally {
      // Not an engine object, so the run-label cleanup cannot see it.
      await rm(dir, { recursive: true, force: true });
      ctx.fact('bindMountDirRemoved', !existsSync(dir));
    }
  },
});

await runIfMain(import.meta.url, lab);
