/** Reading a process's namespaces from /proc/<pid>/ns, inside a container or through the host view. */

/** Namespace kinds as /proc/<pid>/ns names them, in the order the labs show them. */
export const NAMESPACES = ['pid', 'net', 'mnt', 'uts', 'ipc', 'user', 'cgroup', 'time'] as const;
export type NamespaceKind = (typeof NAMESPACES)[number];

/**
 * Prints `<kind> <link>` for each namespace the kernel has (cgroup since Linux 4.6, time since 5.6).
 * A link the reader may not follow (another process's, without ptrace rights) prints as `<kind> `.
 */
export function namespacesScript(pid: number | string): string {
  return `for n in ${NAMESPACES.join(' ')}; do [ -L /proc/${pid}/ns/$n ] && echo "$n $(readlink /proc/${pid}/ns/$n 2>/dev/null)"; done`;
}

/** `namespacesScript` output as kind → inode number (what makes two namespaces the same one). */
export function parseNamespaces(output: string): Partial<Record<NamespaceKind, number>> {
  const found: Partial<Record<NamespaceKind, number>> = {};
  for (const line of output.split('\n')) {
    const match = /^(\w+) \w+:\[(\d+)\]$/.exec(line.trim());
    if (match && (NAMESPACES as readonly string[]).includes(match[1]!))
      found[match[1] as NamespaceKind] = Number(match[2]);
  }
  return found;
}

/**
 * Picks the process whose namespaces are "the host's" and prints `<pid> <comm>`: PID 1 (init) when
 * its links can be read, otherwise kthreadd (PID 2). Kernel threads always live in the initial
 * namespaces, and some hosts keep PID 1 out of reach even with CAP_SYS_PTRACE (its capability set
 * holds rights no container can have, e.g. a VM's init keeping CAP_SYS_RESOURCE).
 */
export const hostReferenceScript =
  'ref=1; readlink /proc/1/ns/pid >/dev/null 2>&1 || { [ "$(cat /proc/2/comm 2>/dev/null)" = kthreadd ] && ref=2; }; echo "$ref $(cat /proc/$ref/comm)"';

export function parseHostReference(output: string): { pid: number; comm: string } | undefined {
  const match = /^(\d+) (.+)$/.exec(output.trim());
  return match ? { pid: Number(match[1]), comm: match[2]! } : undefined;
}

type Inodes = Partial<Record<NamespaceKind, number>>;

/** One namespace kind seen from a container, the host and a second container (null: not readable). */
export type NamespaceInodes = {
  container: number;
  host: number | null;
  secondContainer: number | null;
  sharedWithHost: boolean | null;
};

/**
 * A container's namespaces beside the host's and a neighbour's: for each kind the kernel has, its
 * three inodes, and which kinds it keeps to itself or shares. A kind whose host link could not be
 * read is in neither list.
 */
export function compareNamespaces(mine: Inodes, neighbour: Inodes, host: Inodes) {
  const each: [NamespaceKind, NamespaceInodes][] = [];
  for (const kind of NAMESPACES) {
    const container = mine[kind];
    if (container === undefined) continue; // a kernel without this namespace kind (time: Linux 5.6+)
    const hostInode = host[kind] ?? null;
    const sharedWithHost = hostInode === null ? null : container === hostInode;
    each.push([kind, { container, host: hostInode, secondContainer: neighbour[kind] ?? null, sharedWithHost }]);
  }
  return {
    each,
    privateFromHost: each.filter(([, n]) => n.sharedWithHost === false).map(([kind]) => kind),
    sharedWithHost: each.filter(([, n]) => n.sharedWithHost === true).map(([kind]) => kind),
    sharedBetweenContainers: each.filter(([, n]) => n.container === n.secondContainer).map(([kind]) => kind),
  };
}

/** /proc/<pid>/uid_map as one line (`0 0 4294967295`), its column padding gone: what a fact shows. */
export const uidMapLine = (uidMap: string): string => uidMap.trim().split(/\s+/).join(' ');

/** The identity map: uid 0 inside is uid 0 outside, and so on for every uid (no user namespace of its own). */
export const IDENTITY_UID_MAP = '0 0 4294967295';
