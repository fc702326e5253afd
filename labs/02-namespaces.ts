// Lab "namespaces": a container is a process whose view of the system is made of namespaces. Which
// ones are its own, which ones it shares with the host by default, and how to share one on purpose.
import * as kit from './kit/index.ts';
import { type Box, type ContextFor, defineLab, type FactSpec, fact, runIfMain } from './kit/index.ts';
import { namespaces as text } from './text/namespaces.ts';

const facts = {
  containerId: fact<string>(),
  hostReference: fact<string | null>(),
  // One per kind the kernel has (time: Linux 5.6+): pidNamespace, netNamespace and so on.
  ...(Object.fromEntries(kit.NAMESPACES.map((k) => [`${k}Namespace`, fact()])) as {
    [K in `${kit.NamespaceKind}Namespace`]: FactSpec<kit.NamespaceInodes>;
  }),
  privateFromHost: fact<string[]>(),
  sharedWithHost: fact<string[]>(),
  sharedBetweenContainers: fact<string[]>(),
  uidInside: fact<number>(),
  uidMap: fact<string>(),
  uidOnHost: fact<number | null>(),
  hostnameInside: fact<string>(),
  hostnameHost: fact<string>(),
  hostnameIsContainerId: fact<boolean>(),
  pid1Inside: fact<string>(),
  hostPid: fact<number>(),
  rootFsInside: fact<string | null>(),
  rootFsHost: fact<string | null>(),
  joinedNamespaces: fact<{ net: number | null; pid: number | null }>(),
  sharedNetNamespaceMatches: fact<boolean>(),
  joinedPidNamespaceDiffers: fact<boolean>(),
  firstAddresses: fact<string[]>(),
  joinedAddresses: fact<string[]>(),
};
type Ctx = ContextFor<typeof facts, typeof text>;

// Run by `docker exec` inside a container: an exec'd process joins every namespace of the container.
const INSIDE = kit.sections({
  namespaces: kit.namespacesScript('self'),
  hostname: 'hostname',
  pid1: "tr '\\0' ' ' < /proc/1/cmdline",
  mountinfo: 'cat /proc/self/mountinfo',
  addresses: 'ip -o -4 addr',
});
type Inside = ReturnType<typeof INSIDE.parse>;
/** The loop as a person would type it, for the command lines shown. */
const links = (pid: number | string) => [
  'sh',
  '-c',
  `for n in ${kit.NAMESPACES.join(' ')}; do echo "$n $(readlink /proc/${pid}/ns/$n)"; done`,
];
// Shown: the namespace links (or the addresses); the same exec reads what the later steps compare.
const look = (ctx: Ctx, box: Box, shown: string[]) => ctx.execSections(box, INSIDE, { shown });

async function readHost(ctx: Ctx, hostPid: number) {
  ctx.step('readHost').note('helperJoinsHost');
  const view = kit.sections({
    reference: kit.hostReferenceScript,
    namespaces: kit.namespacesScript('$ref'),
    uid: `grep '^Uid:' /proc/${hostPid}/status`,
    hostname: 'hostname',
    mountinfo: 'cat /proc/$ref/mountinfo',
  });
  // Not --privileged: some engines cannot start one at all (a VM whose engine lacks a capability).
  // AppArmor's docker-default profile forbids reading unconfined processes, hence unconfined.
  const [wait, capAdd, securityOpt] = ['helperRunning', ['SYS_PTRACE'], ['apparmor=unconfined']];
  const host = await ctx.onHostSections(view, { uts: 'host', capAdd, securityOpt, shown: links(1), wait });
  const reference = kit.parseHostReference(host.reference);
  ctx.output(host.namespaces);
  ctx.fact('hostReference', reference ? `PID ${reference.pid} (${reference.comm})` : null);
  if (reference?.pid === 2) ctx.note('kthreaddStandsIn');
  return host;
}

function compare(ctx: Ctx, inside: Inside, neighbour: Inside, host: string) {
  ctx.step('compare').note('compareColumns');
  const parse = kit.parseNamespaces;
  const { each, ...lists } = kit.compareNamespaces(parse(inside.namespaces), parse(neighbour.namespaces), parse(host));
  for (const [kind, inodes] of each) ctx.fact(`${kind}Namespace`, inodes);
  ctx.facts(lists);
  ctx.note(ctx.engine.cgroupVersion === '1' ? 'cgroupShared' : 'cgroupPrivate');
  const time = each.find(([kind]) => kind === 'time')?.[1];
  // Docker Engine 29.5 made a private time namespace the default (moby#52326): read it, never assume it.
  if (time?.sharedWithHost === false) ctx.note('timePrivate');
  else if (time?.sharedWithHost) ctx.note('timeShared');
  // Only dockerd's userns-remap and rootless engines make one: read, as for time.
  const user = each.find(([kind]) => kind === 'user')?.[1];
  ctx.note(user?.sharedWithHost === false ? 'userNamespaceOwn' : 'noUserNamespace');
}

async function users(ctx: Ctx, first: Box, hostUid: string) {
  ctx.step('users');
  const read = await ctx.exec(first, ['sh', '-c', 'id -u; cat /proc/self/uid_map'], { print: true });
  const [uid = '', map = ''] = read.stdout.trim().split('\n');
  const onHost = /^Uid:\s+(\d+)/.exec(hostUid)?.[1];
  const uidMap = kit.uidMapLine(map);
  ctx.facts({ uidInside: Number(uid), uidMap, uidOnHost: onHost ? Number(onHost) : null });
  ctx.note(uidMap === kit.IDENTITY_UID_MAP ? 'identityMap' : { key: 'uidsRemapped', values: { host: onHost ?? '?' } });
}

function ownTree(ctx: Ctx, containerId: string, inside: Inside, host: { hostname: string; mountinfo: string }) {
  ctx.step('ownTree');
  ctx.facts({ hostnameInside: inside.hostname, hostnameHost: host.hostname });
  ctx.facts({ hostnameIsContainerId: inside.hostname === containerId, pid1Inside: inside.pid1.trim() });
  const [rootInside, rootHost] = [kit.rootMount(inside.mountinfo), kit.rootMount(host.mountinfo)];
  ctx.facts({ rootFsInside: rootInside?.fsType ?? null, rootFsHost: rootHost?.fsType ?? null });
  const fsInside = rootInside?.fsType ?? '?';
  if (rootHost) ctx.note('rootFs', { inside: fsInside, host: rootHost.fsType, device: rootHost.source });
  else ctx.note('rootFsHostUnread', { inside: fsInside });
}

async function joinNetwork(ctx: Ctx, first: Box, inside: Inside) {
  ctx.step('joinNetwork');
  const joined = await ctx.start({ name: 'joined', network: `container:${first.name}`, cmd: ['sleep', '3600'] });
  const joinedInside = await look(ctx, joined, ['ip', '-o', '-4', 'addr']);
  const joinedAddresses = kit.ipv4AddressLines(joinedInside.addresses);
  ctx.output(joinedAddresses.join('\n'));
  const [mine, theirs] = [kit.parseNamespaces(inside.namespaces), kit.parseNamespaces(joinedInside.namespaces)];
  ctx.fact('joinedNamespaces', { net: theirs.net ?? null, pid: theirs.pid ?? null });
  ctx.facts({
    sharedNetNamespaceMatches: theirs.net !== undefined && theirs.net === mine.net,
    joinedPidNamespaceDiffers: theirs.pid !== undefined && theirs.pid !== mine.pid,
  });
  ctx.facts({ firstAddresses: kit.ipv4AddressLines(inside.addresses), joinedAddresses });
  ctx.note('podNetwork');
}

export const lab = defineLab({
  id: 'namespaces',
  text,
  facts,
  async run(ctx) {
    ctx.step('start').note('twoContainers');
    const [first, second] = await Promise.all([
      ctx.start({ name: 'first', network: 'bridge', cmd: ['sleep', '3600'] }),
      ctx.start({ name: 'second', cmd: ['sleep', '3600'] }),
    ]);
    ctx.fact('containerId', first.id.slice(0, 12));
    ctx.step('readInside').note('nsLinks');
    const [inside, neighbour] = await Promise.all([look(ctx, first, links('self')), look(ctx, second, links('self'))]);
    ctx.output(inside.namespaces);
    const hostPid = (await ctx.inspect(first, '{{.State.Pid}}')).State.Pid;
    ctx.fact('hostPid', hostPid);
    const host = await readHost(ctx, hostPid);
    compare(ctx, inside, neighbour, host.namespaces);
    await users(ctx, first, host.uid);
    ownTree(ctx, first.id.slice(0, 12), inside, host);
    await joinNetwork(ctx, first, inside);
  },
});

await runIfMain(import.meta.url, lab);
