// Lab "namespaces": a container is a process whose view of the system is made of namespaces. Which
// ones are its own, which ones it shares with the host by default, and how to share one on purpose.
import * as kit from './kit/index.ts';
import { type Box, type ContextFor, defineLab, type FactSpec, fact, runIfMain } from './kit/index.ts';

const facts = {
  containerId: fact<string>('First container id (short)'),
  hostReference: fact<string | null>("Host process whose namespaces count as the host's"),
  // One per kind the kernel has (time: Linux 5.6+), labelled `pid namespace (inode numbers)` and so on.
  ...(Object.fromEntries(kit.NAMESPACES.map((k) => [`${k}Namespace`, fact(`${k} namespace (inode numbers)`)])) as {
    [K in `${kit.NamespaceKind}Namespace`]: FactSpec<kit.NamespaceInodes>;
  }),
  privateFromHost: fact<string[]>('Namespaces of its own'),
  sharedWithHost: fact<string[]>('Namespaces shared with the host'),
  sharedBetweenContainers: fact<string[]>('Namespaces the two containers share'),
  uidInside: fact<number>('uid inside the container'),
  uidMap: fact<string>('uid_map inside (inside-start host-start count)'),
  uidOnHost: fact<number | null>('uid of the same process on the host (/proc/<pid>/status)'),
  hostnameInside: fact<string>('Hostname inside'),
  hostnameHost: fact<string>('Hostname of the host'),
  hostnameIsContainerId: fact<boolean>('Hostname inside is the container id'),
  pid1Inside: fact<string>('PID 1 inside the container'),
  hostPid: fact<number>('The same process on the host'),
  rootFsInside: fact<string | null>('Filesystem mounted at / inside'),
  rootFsHost: fact<string | null>('Filesystem mounted at / on the host'),
  joinedNamespaces: fact<{ net: number | null; pid: number | null }>('Joined container: net and pid namespaces'),
  sharedNetNamespaceMatches: fact<boolean>("Its net namespace is the first container's"),
  joinedPidNamespaceDiffers: fact<boolean>('Its pid namespace is still its own'),
  firstAddresses: fact<string[]>('Addresses in the first container'),
  joinedAddresses: fact<string[]>('Addresses in the joined container'),
};
type Ctx = ContextFor<typeof facts>;

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
const look = async (ctx: Ctx, box: Box, shown: string[]) =>
  INSIDE.parse((await ctx.exec(box, INSIDE.cmd, { shown })).stdout);

async function readHost(ctx: Ctx, hostPid: number) {
  ctx.step("Read the host's namespaces");
  ctx.note(`A helper joins the host's PID and UTS namespaces; CAP_SYS_PTRACE lets it read the namespace links of a
    process that is not its own.`);
  const view = kit.sections({
    reference: kit.hostReferenceScript,
    namespaces: kit.namespacesScript('$ref'),
    uid: `grep '^Uid:' /proc/${hostPid}/status`,
    hostname: 'hostname',
    mountinfo: 'cat /proc/$ref/mountinfo',
  });
  // Not --privileged: some engines cannot start one at all (a VM whose engine lacks a capability).
  // AppArmor's docker-default profile forbids reading unconfined processes, hence unconfined.
  const [wait, capAdd, securityOpt] = [
    'running a helper with --pid=host --uts=host',
    ['SYS_PTRACE'],
    ['apparmor=unconfined'],
  ];
  const host = view.parse(await ctx.onHost(view.script, { uts: 'host', capAdd, securityOpt, shown: links(1), wait }));
  const reference = kit.parseHostReference(host.reference);
  ctx.output(host.namespaces);
  ctx.fact('hostReference', reference ? `PID ${reference.pid} (${reference.comm})` : null);
  if (reference?.pid === 2) {
    ctx.note(`PID 1's links could not be read from a container on this host, so kthreadd (PID 2) stands in: a kernel
      thread always lives in the host's initial namespaces.`);
  }
  return host;
}

function compare(ctx: Ctx, inside: Inside, neighbour: Inside, host: string) {
  ctx.step('Compare: private or shared?');
  ctx.note('For each namespace: its inode in the first container, on the host, and in the second container.');
  const parse = kit.parseNamespaces;
  const { each, ...lists } = kit.compareNamespaces(parse(inside.namespaces), parse(neighbour.namespaces), parse(host));
  for (const [kind, inodes] of each) ctx.fact(`${kind}Namespace`, inodes);
  ctx.facts(lists);
  ctx.note(
    ctx.engine.cgroupVersion === '1'
      ? `cgroup is shared: on cgroup v1 engines keep containers in the host cgroup namespace (--cgroupns=host is the
        v1 default).`
      : `cgroup is private: on cgroup v2 each container gets its own cgroup namespace (--cgroupns=private is the v2
        default).`,
  );
  const time = each.find(([kind]) => kind === 'time')?.[1];
  // Docker Engine 29.5 made a private time namespace the default (moby#52326): read it, never assume it.
  if (time?.sharedWithHost === false) {
    ctx.note(`This engine gives each container its own time namespace (Docker Engine 29.5 and later do by default):
      its boot and monotonic clocks could be shifted without touching the host's; the wall clock is shared.`);
  } else if (time?.sharedWithHost) {
    ctx.note('This engine creates no time namespace (Docker before 29.5 and Podman do not).');
  }
  ctx.note('Without --userns-remap or rootless mode, no engine creates a user namespace.');
}

async function users(ctx: Ctx, first: Box, hostUid: string) {
  ctx.step('The user namespace is shared: root inside is root on the host');
  const read = await ctx.exec(first, ['sh', '-c', 'id -u; cat /proc/self/uid_map'], { print: true });
  const [uid = '', map = ''] = read.stdout.trim().split('\n');
  const uidOnHost = Number(/^Uid:\s+(\d+)/.exec(hostUid)?.[1] ?? Number.NaN);
  ctx.facts({ uidInside: Number(uid), uidMap: map.trim().split(/\s+/).join(' ') });
  ctx.fact('uidOnHost', Number.isNaN(uidOnHost) ? null : uidOnHost);
  ctx.note(`The map sends every uid to itself: a process escaping as uid 0 would be root on the host. Rootless
    engines map uid 0 to your own user instead.`);
}

function ownTree(ctx: Ctx, containerId: string, inside: Inside, host: { hostname: string; mountinfo: string }) {
  ctx.step('Its own hostname, PID numbers and root filesystem');
  ctx.facts({ hostnameInside: inside.hostname, hostnameHost: host.hostname });
  ctx.facts({ hostnameIsContainerId: inside.hostname === containerId, pid1Inside: inside.pid1.trim() });
  const [rootInside, rootHost] = [kit.rootMount(inside.mountinfo), kit.rootMount(host.mountinfo)];
  ctx.facts({ rootFsInside: rootInside?.fsType ?? null, rootFsHost: rootHost?.fsType ?? null });
  ctx.note(`Inside, / is ${rootInside?.fsType ?? '?'} (the image layers plus a writable layer); the host's / is
    ${rootHost ? `${rootHost.fsType} on ${rootHost.source}` : '?'}. Different mount namespaces, different trees.`);
}

async function joinNetwork(ctx: Ctx, first: Box, inside: Inside) {
  ctx.step("Share one on purpose: join the first container's network");
  const joined = await ctx.start({ name: 'joined', network: `container:${first.name}`, cmd: ['sleep', '3600'] });
  const joinedInside = await look(ctx, joined, ['ip', '-o', '-4', 'addr']);
  ctx.output(kit.ipv4AddressLines(joinedInside.addresses).join('\n'));
  const [mine, theirs] = [kit.parseNamespaces(inside.namespaces), kit.parseNamespaces(joinedInside.namespaces)];
  ctx.fact('joinedNamespaces', { net: theirs.net ?? null, pid: theirs.pid ?? null });
  ctx.facts({
    sharedNetNamespaceMatches: theirs.net !== undefined && theirs.net === mine.net,
    joinedPidNamespaceDiffers: theirs.pid !== undefined && theirs.pid !== mine.pid,
  });
  const [firstAddresses, joinedAddresses] = [inside.addresses, joinedInside.addresses].map(kit.ipv4AddressLines);
  ctx.facts({ firstAddresses: firstAddresses!, joinedAddresses: joinedAddresses! });
  ctx.note(`Same interfaces, same IP, same ports: two containers talking over localhost. This is how a Kubernetes
    pod shares one network.`);
}

export const lab = defineLab({
  id: 'namespaces',
  title: 'Namespaces: what a container has of its own',
  shows:
    'Namespace by namespace, what a container shares with the host and with its neighbour, then one shared on purpose.',
  facts,
  async run(ctx) {
    ctx.step('Start two ordinary containers');
    ctx.note('The first gets the default network (a third container will join it later); the second gets none.');
    const [first, second] = await Promise.all([
      ctx.start({ name: 'first', network: 'bridge', cmd: ['sleep', '3600'] }),
      ctx.start({ name: 'second', cmd: ['sleep', '3600'] }),
    ]);
    ctx.fact('containerId', first.id.slice(0, 12));
    ctx.step('Read their namespaces from inside');
    ctx.note(`Each entry of /proc/<pid>/ns is a link named after the namespace and its inode number: the same number
      means the same namespace.`);
    const [inside, neighbour] = await Promise.all([look(ctx, first, links('self')), look(ctx, second, links('self'))]);
    ctx.output(inside.namespaces);
    const hostPid = (await first.container.inspect({ abortSignal: ctx.signal })).State.Pid;
    ctx.fact('hostPid', hostPid);
    const host = await readHost(ctx, hostPid);
    compare(ctx, inside, neighbour, host.namespaces);
    await users(ctx, first, host.uid);
    ownTree(ctx, first.id.slice(0, 12), inside, host);
    await joinNetwork(ctx, first, inside);
  },
});

await runIfMain(import.meta.url, lab);
