#!/usr/bin/env tsx
// Lab "volumes": the writable layer dies with its container; a named volume and a bind mount do not.
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { homedir, hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import type Docker from 'dockerode';
import { isMain, runLabCli } from './kit/cli.ts';
import { runShown } from './kit/shown-run.ts';
import type { EngineInfo } from './kit/engine/connect.ts';
import { engineInfo } from './kit/engine/signal-calls.ts';
import { defineLab, type LabContext } from './kit/lab.ts';

const NOTE = '/data/note.txt';

/** `docker run --rm` of a shell script in the base image, with the given mounts; returns the run. */
const sh = (ctx: LabContext, command: string, script: string, mounts: Docker.MountSettings[] = []) =>
  runShown(ctx, command, { image: ctx.baseImage, cmd: ['sh', '-c', script], hostConfig: { Mounts: mounts } });

/**
 * Where to make the bind-mounted directory. A bind mount names a path on the ENGINE's host: this
 * machine when the engine runs natively here (a local socket on Linux, and the engine reports our
 * hostname), a VM otherwise (Docker Desktop, Colima, OrbStack, Podman machine), where only folders
 * shared into the VM exist. Home directories are shared by all of those by default; /tmp is not.
 */
function bindParent(engine: EngineInfo, engineHostname: string): { parent: string; why: string } {
  const local = process.platform === 'linux' && Boolean(engine.endpoint.socketPath) && engineHostname === hostname();
  if (local) {
    return {
      parent: tmpdir(),
      why: `The engine runs on this machine (a local unix socket, and it reports this host's name, ${hostname()}), so a temporary directory here (${tmpdir()}) is a directory on the engine's host too.`,
    };
  }
  return {
    parent: homedir(),
    why: `The engine runs elsewhere (${engine.product} on "${engineHostname}", via ${engine.endpoint.host}): most likely a VM, where a bind-mount path means a path in the VM and only folders shared into it exist. Home directories are shared by default (Docker Desktop, Colima, OrbStack, Podman machine), so the directory goes under ${homedir()}. If yours is not shared, the mount fails below and the lab says so.`,
  };
}

export const lab = defineLab({
  id: 'volumes',
  title: 'Data that outlives its container',
  shows: 'A file in the writable layer disappears with its container; one in a named volume or a bind mount survives.',

  async run(ctx) {
    const { docker, signal } = ctx;

    ctx.step('A file in the writable layer goes with its container');
    const inLayer = `mkdir -p /data && echo "kept in the writable layer" | tee ${NOTE}`;
    await sh(ctx, `docker run --rm ${ctx.baseImage} sh -c '${inLayer}'`, inLayer);
    const layerRead = await sh(ctx, `docker run --rm ${ctx.baseImage} cat ${NOTE}`, `cat ${NOTE}`);
    ctx.fact('writableLayerFileSurvived', layerRead.exitCode === 0, 'File written in the writable layer still there in a new container');
    ctx.note('--rm removed the first container, and its writable layer with it. The second container starts from the image again, where /data/note.txt never existed.');

    ctx.step('A file in a named volume outlives its container');
    const volumeName = ctx.name('data');
    ctx.command(`docker volume create ${volumeName}`);
    const volume = await docker.createVolume({ Name: volumeName, Labels: ctx.labels, abortSignal: signal });
    ctx.fact('volumeName', volumeName, 'Volume name');
    const inVolume: Docker.MountSettings[] = [{ Type: 'volume', Source: volumeName, Target: '/data' }];
    const toVolume = `echo "kept in the volume" | tee ${NOTE}`;
    await sh(ctx, `docker run --rm -v ${volumeName}:/data ${ctx.baseImage} sh -c '${toVolume}'`, toVolume, inVolume);
    const volumeRead = await sh(ctx, `docker run --rm -v ${volumeName}:/data ${ctx.baseImage} cat ${NOTE}`, `cat ${NOTE}`, inVolume);
    ctx.fact('volumeFileSurvived', volumeRead.exitCode === 0, 'File written in the volume still there in a new container');
    ctx.fact('volumeFileContent', volumeRead.exitCode === 0 ? volumeRead.printed : null, 'What the second container read from the volume');
    ctx.command(`docker volume inspect -f '{{.Mountpoint}}' ${volumeName}`);
    const { Mountpoint: mountpoint } = await docker.getVolume(volume.name).inspect({ abortSignal: signal });
    ctx.output(mountpoint);
    ctx.fact('volumeMountpoint', mountpoint, "Where the volume's files live on the engine's host");
    ctx.note("A volume is a directory the engine manages outside every container's layers: removing the container leaves it alone (this lab's cleanup removes it at the end).");

    ctx.step('A bind mount: one directory, seen from both sides');
    const { Name: engineHostname } = await engineInfo(docker, signal);
    const { parent, why } = bindParent(ctx.engine, String(engineHostname ?? ''));
    const dir = await mkdtemp(join(parent, 'wharf-bind-'));
    ctx.note(why);
    try {
      ctx.fact('bindMountDir', dir, 'Directory on this machine, mounted at /data');
      ctx.command(`echo "written on the host" > ${join(dir, 'from-host.txt')}`);
      await writeFile(join(dir, 'from-host.txt'), 'written on the host\n');
      const bind: Docker.MountSettings[] = [{ Type: 'bind', Source: dir, Target: '/data' }];
      const both = 'cat /data/from-host.txt && echo "written in the container" > /data/from-container.txt';
      const inside = await sh(ctx, `docker run --rm --mount type=bind,src=${dir},dst=/data ${ctx.baseImage} sh -c '${both}'`, both, bind)
        .catch((error: unknown) => {
          if (signal.aborted) throw error;
          ctx.output((error as Error).message);
          return { exitCode: -1, printed: '' };
        });
      const hostToContainer = inside.exitCode === 0 ? inside.printed : null;
      ctx.fact('bindHostToContainer', hostToContainer, 'Written on the host, read in the container');
      if (inside.exitCode !== 0) {
        ctx.note("The engine could not mount this directory, so its host does not share this machine's files here. Share the folder with the engine's VM (Docker Desktop: Settings → Resources → File sharing; Colima/Podman machine: their mount settings) and run the lab again.");
      }
      const fromContainer = join(dir, 'from-container.txt');
      ctx.command(`cat ${fromContainer}`);
      const containerToHost = existsSync(fromContainer) ? (await readFile(fromContainer, 'utf8')).trim() : null;
      ctx.output(containerToHost ?? '(no such file)');
      ctx.fact('bindContainerToHost', containerToHost, 'Written in the container, read on the host');
      ctx.fact('bindMountRoundTrip', hostToContainer === 'written on the host' && containerToHost === 'written in the container', 'Both directions worked');
      if (containerToHost !== null) {
        const { uid } = await stat(fromContainer);
        ctx.fact('containerFileOwnerUid', uid, "Owner (uid) on this machine of the file the container's root wrote");
        ctx.note('A bind mount is the host directory itself, not a copy: both sides see each write at once. Files keep numeric owners, so what root wrote in the container belongs to uid 0 here unless the engine maps users (rootless engines, Docker Desktop).');
      }
    } finally {
      // Not an engine object, so the run-label cleanup cannot see it.
      await rm(dir, { recursive: true, force: true });
      ctx.fact('bindMountDirRemoved', !existsSync(dir), 'Temporary directory removed');
    }
  },
});

if (isMain(import.meta.url)) process.exitCode = await runLabCli(lab, { json: process.argv.includes('--json') });
