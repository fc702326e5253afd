// Lab "volumes": the writable layer dies with its container; a named volume and a bind mount do not.
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import * as kit from './kit/index.ts';
import { type ContextFor, defineLab, fact, runIfMain } from './kit/index.ts';

const facts = {
  writableLayerFileSurvived: fact<boolean>('File written in the writable layer still there in a new container'),
  volumeName: fact<string>('Volume name'),
  volumeFileSurvived: fact<boolean>('File written in the volume still there in a new container'),
  volumeFileContent: fact<string | null>('What the second container read from the volume'),
  volumeMountpoint: fact<string>("Where the volume's files live on the engine's host"),
  bindMountDir: fact<string>('Directory on this machine, mounted at /data'),
  bindHostToContainer: fact<string | null>('Written on the host, read in the container'),
  bindContainerToHost: fact<string | null>('Written in the container, read on the host'),
  bindMountRoundTrip: fact<boolean>('Both directions worked'),
  containerFileOwnerUid: fact<number>("Owner (uid) on this machine of the file the container's root wrote"),
  bindMountDirRemoved: fact<boolean>('Temporary directory removed'),
};
type Ctx = ContextFor<typeof facts>;

const NOTE = '/data/note.txt';
const sh = (script: string) => ['sh', '-c', script];

/**
 * Where to make the bind-mounted directory. A bind mount names a path on the ENGINE's host: this
 * machine when the engine runs natively here (a local socket on Linux, and the engine reports our
 * hostname), a VM otherwise (Docker Desktop, Colima, OrbStack, Podman machine), where only folders
 * shared into the VM exist. Home directories are shared by all of those by default; /tmp is not.
 */
function bindParent(engine: kit.EngineInfo): { parent: string; why: string } {
  const engineHostname = engine.hostName;
  if (kit.engineWhere(engine).here) {
    const why = `The engine runs on this machine (a local unix socket, and it reports this host's name,
      ${engineHostname}), so a temporary directory here (${tmpdir()}) is a directory on the engine's host too.`;
    return { parent: tmpdir(), why };
  }
  const why = `The engine runs elsewhere (${engine.product} on "${engineHostname}", via ${engine.endpoint.host}): most
    likely a VM, where a bind-mount path means a path in the VM and only folders shared into it exist. Home directories
    are shared by default (Docker Desktop, Colima, OrbStack, Podman machine), so the directory goes under ${homedir()}.
    If yours is not shared, the mount fails below and the lab says so.`;
  return { parent: homedir(), why };
}

async function inTheLayer(ctx: Ctx) {
  ctx.step('A file in the writable layer goes with its container');
  await ctx.run({ cmd: sh(`mkdir -p /data && echo "kept in the writable layer" | tee ${NOTE}`), print: true });
  const read = await ctx.run({ cmd: ['cat', NOTE], print: true });
  ctx.fact('writableLayerFileSurvived', read.exitCode === 0);
  ctx.note(`--rm removed the first container, and its writable layer with it. The second container starts from the
    image again, where /data/note.txt never existed.`);
}

async function inAVolume(ctx: Ctx) {
  ctx.step('A file in a named volume outlives its container');
  const volumeName = ctx.name('data');
  ctx.shown(`docker volume create ${volumeName}`);
  const volume = await ctx.docker.createVolume({ Name: volumeName, Labels: ctx.labels, abortSignal: ctx.signal });
  ctx.fact('volumeName', volumeName);
  const volumes = [`${volumeName}:/data`];
  await ctx.run({ volumes, cmd: sh(`echo "kept in the volume" | tee ${NOTE}`), print: true });
  const read = await ctx.run({ volumes, cmd: ['cat', NOTE], print: true });
  ctx.facts({ volumeFileSurvived: read.exitCode === 0, volumeFileContent: read.exitCode === 0 ? read.printed : null });
  ctx.shown(`docker volume inspect -f '{{.Mountpoint}}' ${volumeName}`);
  const { Mountpoint: mountpoint } = await ctx.docker.getVolume(volume.name).inspect({ abortSignal: ctx.signal });
  ctx.output(mountpoint);
  ctx.fact('volumeMountpoint', mountpoint);
  ctx.note(`A volume is a directory the engine manages outside every container's layers: removing the container leaves
    it alone (this lab's cleanup removes it at the end).`);
}

async function bothSides(ctx: Ctx, dir: string) {
  ctx.fact('bindMountDir', dir);
  ctx.shown(`echo "written on the host" > ${join(dir, 'from-host.txt')}`);
  await writeFile(join(dir, 'from-host.txt'), 'written on the host\n');
  const both = 'cat /data/from-host.txt && echo "written in the container" > /data/from-container.txt';
  const mounts = [{ source: dir, target: '/data' }];
  const inside = await ctx.run({ mounts, cmd: sh(both), print: true }).catch((error: unknown) => {
    if (ctx.signal.aborted) throw error;
    ctx.output((error as Error).message);
    return { exitCode: -1, printed: '' };
  });
  const hostToContainer = inside.exitCode === 0 ? inside.printed : null;
  ctx.fact('bindHostToContainer', hostToContainer);
  if (inside.exitCode !== 0) {
    ctx.note(`The engine could not mount this directory, so its host does not share this machine's files here. Share
      the folder with the engine's VM (Docker Desktop: Settings → Resources → File sharing; Colima/Podman machine:
      their mount settings) and run the lab again.`);
  }
  const fromContainer = join(dir, 'from-container.txt');
  ctx.shown(`cat ${fromContainer}`);
  const containerToHost = existsSync(fromContainer) ? (await readFile(fromContainer, 'utf8')).trim() : null;
  ctx.output(containerToHost ?? '(no such file)');
  ctx.fact('bindContainerToHost', containerToHost);
  const roundTrip = hostToContainer === 'written on the host' && containerToHost === 'written in the container';
  ctx.fact('bindMountRoundTrip', roundTrip);
  if (containerToHost !== null) {
    ctx.fact('containerFileOwnerUid', (await stat(fromContainer)).uid);
    ctx.note(`A bind mount is the host directory itself, not a copy: both sides see each write at once. Files keep
      numeric owners, so what root wrote in the container belongs to uid 0 here unless the engine maps users
      (rootless engines, Docker Desktop).`);
  }
}

export const lab = defineLab({
  id: 'volumes',
  title: 'Data that outlives its container',
  shows: 'A file in the writable layer disappears with its container; one in a named volume or a bind mount survives.',
  facts,
  async run(ctx) {
    await inTheLayer(ctx);
    await inAVolume(ctx);
    ctx.step('A bind mount: one directory, seen from both sides');
    const { parent, why } = bindParent(ctx.engine);
    const dir = await mkdtemp(join(parent, 'wharf-bind-'));
    ctx.note(why);
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
