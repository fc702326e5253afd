#!/usr/bin/env tsx
// Lab "namespaces": a container is a process whose view of the system is made of namespaces. Which
// ones are its own, which ones it shares with the host by default, and how to share one on purpose.
import { isMain, runLabCli } from './kit/cli.ts';
import { execIn, startContainer } from './kit/containers.ts';
import { onEngineHost } from './kit/host-view.ts';
import { ipv4AddressLines } from './kit/ip.ts';
import { defineLab } from './kit/lab.ts';
import { rootMount } from './kit/mountinfo.ts';
import { hostReferenceScript, NAMESPACES, namespacesScript, parseHostReference, parseNamespaces } from './kit/namespaces.ts';
import { parseSections, sectionsScript } from './kit/sections.ts';

const INSIDE = ['namespaces', 'uid', 'uidMap', 'hostname', 'pid1', 'mountinfo', 'addresses'] as const;
const HOST = ['reference', 'namespaces', 'uid', 'hostname', 'mountinfo'] as const;

// Run by `docker exec` inside a container: an exec'd process joins every namespace of the container.
const insideScript = sectionsScript({
  namespaces: namespacesScript('self'),
  uid: 'id -u',
  uidMap: 'cat /proc/self/uid_map',
  hostname: 'hostname',
  pid1: "tr '\\0' ' ' < /proc/1/cmdline",
  mountinfo: 'cat /proc/self/mountinfo',
  addresses: 'ip -o -4 addr',
});

/** The loop as a person would type it, for the command lines shown. */
const showLinks = (pid: number | string) => `for n in ${NAMESPACES.join(' ')}; do echo "$n $(readlink /proc/${pid}/ns/$n)"; done`;

export const lab = defineLab({
  id: 'namespaces',
  title: 'Namespaces: what a container has of its own',
  shows: 'Namespace by namespace, what a container shares with the host and with its neighbour, then one shared on purpose.',

  async run(ctx) {
    const { docker, signal } = ctx;
    const cgroupV1 = ctx.engine.cgroupVersion === '1';

    ctx.step('Start two ordinary containers');
    ctx.note('The first gets the default network (a third container will join it later); the second gets none.');
    const firstName = ctx.name('first');
    const secondName = ctx.name('second');
    ctx.command(`docker run -d --name ${firstName} ${ctx.baseImage} sleep 3600`);
    ctx.command(`docker run -d --name ${secondName} --network none ${ctx.baseImage} sleep 3600`);
    const [first, second] = await Promise.all([
      startContainer(docker, { image: ctx.baseImage, cmd: ['sleep', '3600'], name: firstName, labels: ctx.labels, hostConfig: { NetworkMode: 'bridge' }, signal }),
      startContainer(docker, { image: ctx.baseImage, cmd: ['sleep', '3600'], name: secondName, labels: ctx.labels, signal }),
    ]);
    const containerId = first.id.slice(0, 12);
    ctx.fact('containerId', containerId, 'First container id (short)');

    ctx.step('Read their namespaces from inside');
    ctx.note('Each entry of /proc/<pid>/ns is a link named after the namespace and its inode number: the same number means the same namespace.');
    ctx.command(`docker exec ${firstName} sh -c '${showLinks('self')}'`);
    const [firstView, secondView, { State }] = await Promise.all([
      execIn(docker, first, ['sh', '-c', insideScript], { signal }),
      execIn(docker, second, ['sh', '-c', insideScript], { signal }),
      first.inspect({ abortSignal: signal }),
    ]);
    const inside = parseSections(firstView.stdout, INSIDE);
    const secondInside = parseSections(secondView.stdout, INSIDE);
    ctx.output(inside.namespaces);

    ctx.step("Read the host's namespaces");
    ctx.note("A helper joins the host's PID and UTS namespaces; CAP_SYS_PTRACE lets it read the namespace links of a process that is not its own.");
    ctx.command(`docker run --rm --pid=host --uts=host --cap-add SYS_PTRACE --security-opt apparmor=unconfined ${ctx.baseImage} sh -c '${showLinks(1)}'`);
    ctx.wait('running a helper with --pid=host --uts=host');
    const hostView = parseSections(
      await onEngineHost(
        ctx,
        sectionsScript({
          reference: hostReferenceScript,
          namespaces: namespacesScript('$ref'),
          uid: `grep '^Uid:' /proc/${State.Pid}/status`,
          hostname: 'hostname',
          mountinfo: 'cat /proc/$ref/mountinfo',
        }),
        {
          // Not --privileged: some engines cannot start one at all (a VM whose engine lacks a capability).
          // AppArmor's docker-default profile forbids reading unconfined processes, hence unconfined.
          hostConfig: { CapAdd: ['SYS_PTRACE'], SecurityOpt: ['apparmor=unconfined'], UTSMode: 'host' },
        },
      ),
      HOST,
    );
    const reference = parseHostReference(hostView.reference);
    ctx.output(hostView.namespaces);
    ctx.fact('hostReference', reference ? `PID ${reference.pid} (${reference.comm})` : null, "Host process whose namespaces count as the host's");
    if (reference?.pid === 2) ctx.note("PID 1's links could not be read from a container on this host, so kthreadd (PID 2) stands in: a kernel thread always lives in the host's initial namespaces.");

    ctx.step('Compare: private or shared?');
    ctx.note('For each namespace: its inode in the first container, on the host, and in the second container.');
    const mine = parseNamespaces(inside.namespaces);
    const neighbour = parseNamespaces(secondInside.namespaces);
    const host = parseNamespaces(hostView.namespaces);
    const privateFromHost: string[] = [];
    const sharedWithHost: string[] = [];
    for (const kind of NAMESPACES) {
      const container = mine[kind];
      if (container === undefined) continue; // a kernel without this namespace kind (time: Linux 5.6+)
      const hostInode = host[kind] ?? null;
      const shared = hostInode === null ? null : container === hostInode;
      if (shared === true) sharedWithHost.push(kind);
      if (shared === false) privateFromHost.push(kind);
      ctx.fact(`${kind}Namespace`, { container, host: hostInode, secondContainer: neighbour[kind] ?? null, sharedWithHost: shared }, `${kind} namespace (inode numbers)`);
    }
    ctx.fact('privateFromHost', privateFromHost, 'Namespaces of its own');
    ctx.fact('sharedWithHost', sharedWithHost, 'Namespaces shared with the host');
    ctx.fact('sharedBetweenContainers', NAMESPACES.filter((kind) => mine[kind] !== undefined && mine[kind] === neighbour[kind]), 'Namespaces the two containers share');
    ctx.note(
      cgroupV1
        ? 'cgroup is shared: on cgroup v1 engines keep containers in the host cgroup namespace (--cgroupns=host is the v1 default).'
        : 'cgroup is private: on cgroup v2 each container gets its own cgroup namespace (--cgroupns=private is the v2 default).',
    );
    ctx.note('No engine creates a time namespace, and without --userns-remap or rootless mode none creates a user namespace either.');

    ctx.step('The user namespace is shared: root inside is root on the host');
    ctx.command(`docker exec ${firstName} sh -c 'id -u; cat /proc/self/uid_map'`);
    ctx.output(`${inside.uid}\n${inside.uidMap}`);
    const uidOnHost = Number(/^Uid:\s+(\d+)/.exec(hostView.uid)?.[1] ?? Number.NaN);
    ctx.fact('uidInside', Number(inside.uid), 'uid inside the container');
    ctx.fact('uidMap', inside.uidMap.split(/\s+/).join(' '), 'uid_map inside (inside-start host-start count)');
    ctx.fact('uidOnHost', Number.isNaN(uidOnHost) ? null : uidOnHost, `uid of the same process on the host (/proc/${State.Pid}/status)`);
    ctx.note('The map sends every uid to itself: a process escaping as uid 0 would be root on the host. Rootless engines map uid 0 to your own user instead.');

    ctx.step('Its own hostname, PID numbers and root filesystem');
    ctx.fact('hostnameInside', inside.hostname, 'Hostname inside');
    ctx.fact('hostnameHost', hostView.hostname, 'Hostname of the host');
    ctx.fact('hostnameIsContainerId', inside.hostname === containerId, 'Hostname inside is the container id');
    ctx.fact('pid1Inside', inside.pid1.trim(), 'PID 1 inside the container');
    ctx.fact('hostPid', State.Pid, 'The same process on the host');
    const rootInside = rootMount(inside.mountinfo);
    const rootHost = rootMount(hostView.mountinfo);
    ctx.fact('rootFsInside', rootInside?.fsType ?? null, 'Filesystem mounted at / inside');
    ctx.fact('rootFsHost', rootHost?.fsType ?? null, 'Filesystem mounted at / on the host');
    ctx.note(`Inside, / is ${rootInside?.fsType ?? '?'} (the image layers plus a writable layer); the host's / is ${rootHost ? `${rootHost.fsType} on ${rootHost.source}` : '?'}. Different mount namespaces, different trees.`);

    ctx.step("Share one on purpose: join the first container's network");
    const joinedName = ctx.name('joined');
    ctx.command(`docker run -d --name ${joinedName} --network container:${firstName} ${ctx.baseImage} sleep 3600`);
    const joined = await startContainer(docker, {
      image: ctx.baseImage, cmd: ['sleep', '3600'], name: joinedName, labels: ctx.labels,
      hostConfig: { NetworkMode: `container:${first.id}` }, signal,
    });
    ctx.command(`docker exec ${joinedName} ip -o -4 addr`);
    const joinedInside = parseSections((await execIn(docker, joined, ['sh', '-c', insideScript], { signal })).stdout, INSIDE);
    ctx.output(ipv4AddressLines(joinedInside.addresses).join('\n'));
    const joinedNs = parseNamespaces(joinedInside.namespaces);
    ctx.fact('joinedNamespaces', { net: joinedNs.net ?? null, pid: joinedNs.pid ?? null }, 'Joined container: net and pid namespaces');
    ctx.fact('sharedNetNamespaceMatches', joinedNs.net !== undefined && joinedNs.net === mine.net, "Its net namespace is the first container's");
    ctx.fact('joinedPidNamespaceDiffers', joinedNs.pid !== undefined && joinedNs.pid !== mine.pid, 'Its pid namespace is still its own');
    ctx.fact('firstAddresses', ipv4AddressLines(inside.addresses), 'Addresses in the first container');
    ctx.fact('joinedAddresses', ipv4AddressLines(joinedInside.addresses), 'Addresses in the joined container');
    ctx.note('Same interfaces, same IP, same ports: two containers talking over localhost. This is how a Kubernetes pod shares one network.');
  },
});

if (isMain(import.meta.url)) process.exitCode = await runLabCli(lab, { json: process.argv.includes('--json') });
