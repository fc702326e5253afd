#!/usr/bin/env tsx
// Lab "security": root in a container is the host's root, held back by capabilities, not by a VM wall.
import { chmod, mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { decodeCapabilities, parseCapabilitySets } from './kit/capabilities.ts';
import { isMain, runLabCli } from './kit/cli.ts';
import { execIn, startContainer } from './kit/containers.ts';
import { onEngineHost } from './kit/host-view.ts';
import { defineLab } from './kit/lab.ts';

/** The identity map: uid 0 inside is uid 0 outside, and so on for every uid. */
const IDENTITY_UID_MAP = '0 0 4294967295';
const CHOWN = 'touch /tmp/x && chown nobody /tmp/x';

/** Owner uid of a file as this machine sees it, or null when the engine did not write it here. */
async function ownerOf(path: string): Promise<number | null> {
  try {
    return (await stat(path)).uid;
  } catch (error) {
    if ((error as { code?: string }).code === 'ENOENT') return null;
    throw error;
  }
}

/** "CAP_CHOWN, CAP_KILL" without the prefix, for a line a room can read. */
const shortNames = (names: string[]) => (names.length ? names.map((n) => n.replace(/^CAP_/, '').toLowerCase()).join(', ') : '(none)');

export const lab = defineLab({
  id: 'security',
  title: 'Container root is host root',
  shows: 'A file written by root in a container belongs to root on the host; capabilities and a read-only root are what hold it back.',

  async run(ctx) {
    const { docker, signal } = ctx;
    // The shared directory is made here, by Node, so its owner on this machine can be read with stat.
    // 0777 lets uid 1000 write in it too.
    const shared = await mkdtemp(join(tmpdir(), 'wharf-security-'));
    try {
      await chmod(shared, 0o777);

      ctx.step('Root in a container writes a file into a host directory');
      const name = ctx.name('default');
      // :z relabels the directory on SELinux hosts (Fedora, RHEL), where the container could not write
      // to it otherwise; elsewhere it changes nothing.
      ctx.command(`docker run -d --name ${name} --network none -v ${shared}:/shared:z ${ctx.baseImage} sleep 600`);
      const box = await startContainer(docker, {
        image: ctx.baseImage, cmd: ['sleep', '600'], name, labels: ctx.labels, signal,
        hostConfig: { Binds: [`${shared}:/shared:z`] },
      });
      ctx.command(`docker exec ${name} touch /shared/by-root`);
      await execIn(docker, box, ['touch', '/shared/by-root'], { signal });
      ctx.command(`docker exec --user 1000 ${name} touch /shared/by-1000     # like docker run --user 1000`);
      await execIn(docker, box, ['touch', '/shared/by-1000'], { signal, user: '1000' });

      ctx.command(`ls -ln ${shared}     # on this machine, outside any container`);
      const [asRoot, asUser] = await Promise.all([ownerOf(join(shared, 'by-root')), ownerOf(join(shared, 'by-1000'))]);
      ctx.output(`by-root   owner uid ${asRoot ?? '(not here)'}\nby-1000   owner uid ${asUser ?? '(not here)'}`);
      ctx.fact('hostDirectory', shared, 'Host directory shared into the container (removed at the end)');
      ctx.fact('hostOwnerAsRoot', asRoot, 'Host owner of the file root wrote in the container');
      ctx.fact('hostOwnerAsUser1000', asUser, 'Host owner of the file uid 1000 wrote');
      if (asRoot === null) {
        ctx.note(`The files are not in ${shared} on this machine: the engine runs somewhere (a VM or another host) that does not share this directory, so their owner cannot be read here.`);
      } else if (asRoot === 0) {
        ctx.note('The kernel knows only numbers: uid 0 in the container is uid 0 here, the host\'s root, and uid 1000 is whoever has uid 1000 on the host. Any host path a container can reach, its root touches as the host\'s root.');
      } else {
        ctx.note(`The file shows uid ${asRoot} here, not 0: something between the container and this machine maps owners (a user namespace, or a VM's file sharing).`);
      }
      if (process.platform !== 'linux' || ctx.engine.product === 'Docker Desktop') {
        ctx.note('Your engine runs in a VM (Docker Desktop, Podman machine…): this directory is shared into the VM, and that file sharing may show the files as yours rather than as uid 0 and 1000.');
      }

      ctx.step('Why: no user namespace maps root to someone else');
      ctx.command(`docker exec ${name} cat /proc/self/uid_map`);
      const uidMap = (await execIn(docker, box, ['cat', '/proc/self/uid_map'], { signal })).stdout.trim();
      ctx.output(uidMap);
      const remapped = uidMap.split(/\s+/).join(' ') !== IDENTITY_UID_MAP;
      ctx.fact('uidMap', uidMap.split(/\s+/).join(' '), 'uid_map inside (uid inside, uid outside, how many)');
      ctx.fact('userNamespaceRemapped', remapped, 'Container uids remapped by a user namespace');
      ctx.note(remapped
        ? 'This engine remaps uids (userns-remap or rootless): uid 0 inside is an unprivileged uid outside.'
        : 'Read it as "uid 0 inside is uid 0 outside, for all 4294967295 uids": the identity. Only userns-remap or a rootless engine changes that.');

      ctx.step('What root inside may do: capabilities');
      ctx.command(`docker exec ${name} grep Cap /proc/self/status`);
      const defaultSets = parseCapabilitySets((await execIn(docker, box, ['grep', 'Cap', '/proc/self/status'], { signal })).stdout);
      const defaultCaps = decodeCapabilities(defaultSets.CapEff);
      ctx.output(`CapEff ${defaultSets.CapEff} = ${shortNames(defaultCaps)}\nCapBnd ${defaultSets.CapBnd} = ${defaultSets.CapBnd === defaultSets.CapEff ? 'the same: it can never gain more' : shortNames(decodeCapabilities(defaultSets.CapBnd))}`);
      ctx.fact('defaultCapEff', defaultSets.CapEff, 'Effective capability mask, default container');
      ctx.fact('defaultCapabilities', defaultCaps, 'Capabilities of root in a default container');
      ctx.fact('defaultCapBnd', defaultSets.CapBnd, 'Bounding set (the most it could ever get)');

      ctx.command(`docker run --rm --pid=host ${ctx.baseImage} grep Cap /proc/1/status     # the host's init, for comparison`);
      ctx.wait('running a helper with --pid=host');
      const hostEff = parseCapabilitySets(await onEngineHost(ctx, 'grep Cap /proc/1/status')).CapEff;
      const hostCaps = decodeCapabilities(hostEff);
      ctx.output(`CapEff ${hostEff} = ${hostCaps.length} capabilities`);
      ctx.fact('hostRootCapabilityCount', hostCaps.length, 'Capabilities of root on the host (its PID 1)');
      ctx.note(`Root in the container holds ${defaultCaps.length} of the host root's ${hostCaps.length} capabilities: no sys_admin (mount), no sys_module (load kernel modules), no sys_time… That list, with seccomp and AppArmor/SELinux, is the wall, not a hypervisor.`);

      ctx.command(`docker exec ${name} sh -c '${CHOWN}'`);
      const chownDefault = await execIn(docker, box, ['sh', '-c', CHOWN], { signal });
      ctx.output(`exit ${chownDefault.exitCode}${chownDefault.stderr.trim() ? `: ${chownDefault.stderr.trim()}` : ''}`);
      ctx.fact('chownDefaultOk', chownDefault.exitCode === 0, 'chown works in the default container (it has chown)');

      ctx.step('Drop every capability');
      const bare = ctx.name('cap-drop-all');
      ctx.command(`docker run -d --name ${bare} --network none --cap-drop ALL ${ctx.baseImage} sleep 600`);
      const dropped = await startContainer(docker, {
        image: ctx.baseImage, cmd: ['sleep', '600'], name: bare, labels: ctx.labels, signal, hostConfig: { CapDrop: ['ALL'] },
      });
      ctx.command(`docker exec ${bare} grep CapEff /proc/self/status`);
      const droppedEff = parseCapabilitySets((await execIn(docker, dropped, ['grep', 'Cap', '/proc/self/status'], { signal })).stdout).CapEff;
      ctx.output(`CapEff ${droppedEff} = ${shortNames(decodeCapabilities(droppedEff))}`);
      ctx.fact('capDropAllCapEff', droppedEff, 'Effective capability mask with --cap-drop ALL');
      ctx.command(`docker exec ${bare} sh -c '${CHOWN}'`);
      const chownBare = await execIn(docker, dropped, ['sh', '-c', CHOWN], { signal });
      ctx.output(`exit ${chownBare.exitCode}: ${chownBare.stderr.trim()}`);
      ctx.fact('chownCapDropAllFailed', chownBare.exitCode !== 0, 'chown fails without capabilities');
      ctx.fact('chownCapDropAllMessage', chownBare.stderr.trim(), 'What chown said');
      ctx.note('Still uid 0, yet not allowed: without CAP_CHOWN root cannot give a file away. Drop all, add back only what the app needs (--cap-add).');

      ctx.step('A read-only root filesystem, with one writable tmpfs');
      const ro = ctx.name('read-only');
      ctx.command(`docker run -d --name ${ro} --network none --read-only --tmpfs /scratch:rw,size=1m ${ctx.baseImage} sleep 600`);
      const sealed = await startContainer(docker, {
        image: ctx.baseImage, cmd: ['sleep', '600'], name: ro, labels: ctx.labels, signal,
        hostConfig: { ReadonlyRootfs: true, Tmpfs: { '/scratch': 'rw,size=1m' } },
      });
      ctx.command(`docker exec ${ro} touch /x`);
      const rootWrite = await execIn(docker, sealed, ['touch', '/x'], { signal });
      ctx.output(`exit ${rootWrite.exitCode}: ${rootWrite.stderr.trim()}`);
      ctx.fact('readOnlyWriteFailed', rootWrite.exitCode !== 0, 'Writing to the read-only root fails');
      ctx.fact('readOnlyWriteMessage', rootWrite.stderr.trim(), 'What touch said');
      ctx.command(`docker exec ${ro} touch /scratch/x`);
      const scratchWrite = await execIn(docker, sealed, ['touch', '/scratch/x'], { signal });
      ctx.output(`exit ${scratchWrite.exitCode}${scratchWrite.stderr.trim() ? `: ${scratchWrite.stderr.trim()}` : ''}`);
      ctx.fact('tmpfsWriteOk', scratchWrite.exitCode === 0, 'Writing to the tmpfs works');
      ctx.note('Even root cannot change the image\'s files: an intruder cannot plant a binary. Scratch space lives in memory, capped at 1 MiB.');
    } finally {
      // Only files are in it (no subdirectories), so this works whoever owns them.
      await rm(shared, { recursive: true, force: true });
    }
  },
});

if (isMain(import.meta.url)) process.exitCode = await runLabCli(lab, { json: process.argv.includes('--json') });
