// Lab "security": root in a container is the host's root, held back by capabilities, not by a VM wall.
import { chmod, mkdir, mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as kit from './kit/index.ts';
import { type Box, type ContextFor, defineLab, fact, runIfMain } from './kit/index.ts';
import { security as text } from './text/security.ts';

const facts = {
  hostDirectory: fact<string>(),
  hostOwnerAsRoot: fact<number | null>(),
  hostOwnerAsUser1000: fact<number | null>(),
  uidMap: fact<string>(),
  userNamespaceRemapped: fact<boolean>(),
  defaultCapEff: fact<string>(),
  defaultCapabilities: fact<string[]>(),
  defaultCapBnd: fact<string>(),
  hostRootCapabilityCount: fact<number>(),
  chownDefaultOk: fact<boolean>(),
  capDropAllCapEff: fact<string>(),
  chownCapDropAllFailed: fact<boolean>(),
  chownCapDropAllMessage: fact<string>(),
  readOnlyWriteFailed: fact<boolean>(),
  readOnlyWriteMessage: fact<string>(),
  tmpfsWriteOk: fact<boolean>(),
};
type Ctx = ContextFor<typeof facts, typeof text>;

const CHOWN = ['sh', '-c', 'touch /tmp/x && chown nobody /tmp/x'];
const said = (r: { exitCode: number; stderr: string }) =>
  `exit ${r.exitCode}${r.stderr.trim() ? `: ${r.stderr.trim()}` : ''}`;
/** "CAP_CHOWN, CAP_KILL" without the prefix, for a line a room can read. */
const shortNames = (names: string[]) =>
  names.length ? names.map((n) => n.replace(/^CAP_/, '').toLowerCase()).join(', ') : '(none)';

/** The capability sets of the container's own process. */
const capabilitySets = async (ctx: Ctx, box: Box) =>
  kit.parseCapabilitySets((await ctx.exec(box, ['grep', 'Cap', '/proc/self/status'])).stdout);

/** The directory shared into the container, on the engine's host, and how the lab reads its files' owners. */
interface SharedDir {
  path: string;
  /** Owner uid of a file in it, as the engine's host sees it; null when the file is not there. */
  owners(names: string[]): Promise<(number | null)[]>;
}

/**
 * The engine runs here: Node makes the directory, so the owners are read with stat. It is
 * world-writable (uid 1000 writes in it too), so it lives in a private parent (0700, mkdtemp's mode)
 * that no other local user can enter.
 */
async function sharedHere(ctx: Ctx): Promise<SharedDir> {
  const parent = await mkdtemp(join(tmpdir(), 'wharf-security-'));
  // Root's files sit in a world-writable directory of ours, so this works whoever owns them.
  ctx.defer(() => rm(parent, { recursive: true, force: true }));
  const path = join(parent, 'shared');
  await mkdir(path);
  await chmod(path, 0o777);
  const owner = (name: string) =>
    stat(join(path, name)).then(
      (found) => found.uid,
      (error: { code?: string }) => (error.code === 'ENOENT' ? null : Promise.reject(error)),
    );
  return { path, owners: (names) => Promise.all(names.map(owner)) };
}

/**
 * The engine runs elsewhere (a VM, another host): a bind mount names a path on ITS host, which this
 * machine cannot stat. Helpers on that host make the directory under its /tmp (private parent, shared
 * child, as above), read the owners, and remove it; all three show their docker run lines.
 */
async function sharedOnEngine(ctx: Ctx): Promise<SharedDir> {
  const parent = `/tmp/wharf-security-${ctx.runLabel}`;
  const path = `${parent}/shared`;
  const engineTmp = [{ source: '/tmp', target: '/host/tmp' }];
  const made = `umask 077 && mkdir /host${parent} && mkdir -m 777 /host${path}`;
  const wait = 'makingDirectory';
  // Before the mkdir: a run stopped while it lands still has its directory removed.
  ctx.defer((fresh) => fresh.run({ name: 'rmdir', mounts: engineTmp, cmd: ['rm', '-rf', `/host${parent}`] }));
  await ctx.run({ name: 'mkdir', mounts: engineTmp, cmd: ['sh', '-c', made], wait });
  return {
    path,
    async owners(names) {
      const look = names.map((name) => `stat -c %u /shared/${name} 2>/dev/null || echo -`).join('; ');
      const mounts = [{ source: path, target: '/shared', readOnly: true }];
      const read = await ctx.run({ name: 'owners', mounts, cmd: ['sh', '-c', look], shown: ['ls', '-ln', '/shared'] });
      const lines = read.stdout.trim().split('\n');
      return lines.map((line) => (/^\d+$/.test(line) ? Number(line) : null));
    },
  };
}

async function rootWrites(ctx: Ctx, shared: SharedDir, here: boolean) {
  // :z relabels the directory on SELinux hosts (Fedora, RHEL), where the container could not write
  // to it otherwise; elsewhere it changes nothing.
  const box = await ctx.start({ name: 'default', volumes: [`${shared.path}:/shared:z`], cmd: ['sleep', '600'] });
  await ctx.exec(box, ['touch', '/shared/by-root']);
  await ctx.exec(box, ['touch', '/shared/by-1000'], { user: '1000' });
  if (here) ctx.shown(`ls -ln ${shared.path}     # on this machine, outside any container`);
  const [asRoot, asUser] = await shared.owners(['by-root', 'by-1000']);
  ctx.output(`by-root   owner uid ${asRoot ?? '(not here)'}\nby-1000   owner uid ${asUser ?? '(not here)'}`);
  ctx.facts({ hostDirectory: shared.path, hostOwnerAsRoot: asRoot ?? null, hostOwnerAsUser1000: asUser ?? null });
  if (asRoot === 0) ctx.note('hostRootOwns');
  else if (asRoot !== null && asRoot !== undefined) ctx.note('ownerMapped', { uid: asRoot });
  return box;
}

async function whyRoot(ctx: Ctx, box: Box) {
  ctx.step('whyRoot');
  const uidMap = kit.uidMapLine((await ctx.exec(box, ['cat', '/proc/self/uid_map'], { print: true })).stdout);
  const remapped = uidMap !== kit.IDENTITY_UID_MAP;
  ctx.facts({ uidMap, userNamespaceRemapped: remapped });
  ctx.note(remapped ? 'uidsRemapped' : 'identityMap');
}

async function capabilities(ctx: Ctx, box: Box) {
  ctx.step('capabilities');
  const sets = await capabilitySets(ctx, box);
  const caps = kit.decodeCapabilities(sets.CapEff);
  const bounding =
    sets.CapBnd === sets.CapEff ? 'the same: it can never gain more' : shortNames(kit.decodeCapabilities(sets.CapBnd));
  ctx.output(`CapEff ${sets.CapEff} = ${shortNames(caps)}\nCapBnd ${sets.CapBnd} = ${bounding}`);
  ctx.facts({ defaultCapEff: sets.CapEff, defaultCapabilities: caps, defaultCapBnd: sets.CapBnd });
  const hostStatus = await ctx.onHost('grep Cap /proc/1/status', { wait: 'helperRunning' });
  const hostEff = kit.parseCapabilitySets(hostStatus).CapEff;
  const hostCaps = kit.decodeCapabilities(hostEff);
  ctx.output(`CapEff ${hostEff} = ${hostCaps.length} capabilities`);
  ctx.fact('hostRootCapabilityCount', hostCaps.length);
  ctx.note('capabilitiesKept', { kept: caps.length, all: hostCaps.length });
  const chown = await ctx.exec(box, CHOWN);
  ctx.output(said(chown));
  ctx.fact('chownDefaultOk', chown.exitCode === 0);
}

async function dropAll(ctx: Ctx) {
  ctx.step('dropAll');
  const bare = await ctx.start({ name: 'cap-drop-all', capDrop: ['ALL'], cmd: ['sleep', '600'] });
  const eff = (await capabilitySets(ctx, bare)).CapEff;
  ctx.output(`CapEff ${eff} = ${shortNames(kit.decodeCapabilities(eff))}`);
  ctx.fact('capDropAllCapEff', eff);
  const chown = await ctx.exec(bare, CHOWN);
  ctx.output(said(chown));
  ctx.facts({ chownCapDropAllFailed: chown.exitCode !== 0, chownCapDropAllMessage: chown.stderr.trim() });
  ctx.note('noChown');
}

async function readOnly(ctx: Ctx) {
  ctx.step('readOnly');
  const spec = { name: 'read-only', readOnly: true, tmpfs: { '/scratch': 'rw,size=1m' }, cmd: ['sleep', '600'] };
  const sealed = await ctx.start(spec);
  const root = await ctx.exec(sealed, ['touch', '/x']);
  ctx.output(said(root));
  ctx.facts({ readOnlyWriteFailed: root.exitCode !== 0, readOnlyWriteMessage: root.stderr.trim() });
  const scratch = await ctx.exec(sealed, ['touch', '/scratch/x']);
  ctx.output(said(scratch));
  ctx.fact('tmpfsWriteOk', scratch.exitCode === 0);
  ctx.note('readOnlyRoot');
}

export const lab = defineLab({
  id: 'security',
  text,
  facts,
  async run(ctx) {
    ctx.step('rootWrites');
    const where = kit.engineWhere(ctx.engine);
    if (!where.here) {
      ctx.note(where.why);
      ctx.note('helpersOnEngineHost');
    }
    const shared = where.here ? await sharedHere(ctx) : await sharedOnEngine(ctx);
    const box = await rootWrites(ctx, shared, where.here);
    await whyRoot(ctx, box);
    await capabilities(ctx, box);
    await dropAll(ctx);
    await readOnly(ctx);
  },
});

await runIfMain(import.meta.url, lab);
