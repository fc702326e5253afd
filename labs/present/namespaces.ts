import type { FactValue } from '../kit/core/events.ts';
import { definePresentation, type Lang } from './types.ts';
import { read } from './units.ts';

/** One namespace type compared: whose it is first, then the inode numbers that say so. */
function inodes(value: FactValue, lang: Lang): string | undefined {
  const ns = read.record(value);
  const container = read.number(ns?.container);
  const host = read.number(ns?.host);
  const second = read.number(ns?.secondContainer);
  const shared = read.boolean(ns?.sharedWithHost);
  if (container === undefined || host === undefined || shared === undefined) return undefined;
  const zh = lang === 'zh';
  if (shared && (second === undefined || second === host))
    return zh ? `与宿主机共用：都是 ${host}` : `shared with the host: ${host} everywhere`;
  if (zh)
    return `${shared ? '与宿主机共用' : '自己的'}：容器 ${container}，宿主机 ${host}${second === undefined ? '' : `，第二个容器 ${second}`}`;
  return `${shared ? 'shared with the host' : 'its own'}: container ${container}, host ${host}${second === undefined ? '' : `, second container ${second}`}`;
}

export const namespaces = definePresentation({
  headlines(facts, lang) {
    const t = (en: string, zh: string) => (lang === 'zh' ? zh : en);
    const own = read.strings(facts.privateFromHost);
    const shared = read.strings(facts.sharedWithHost);
    const uidInside = read.number(facts.uidInside);
    const uidOnHost = read.number(facts.uidOnHost);
    const joined = read.boolean(facts.sharedNetNamespaceMatches);
    return [
      own
        ? {
            facts: ['privateFromHost'],
            value: own.join(' '),
            caption: t('namespaces of its own', '它自己独有的命名空间'),
          }
        : undefined,
      shared
        ? {
            facts: ['sharedWithHost'],
            value: shared.length ? shared.join(' ') : t('none', '无'),
            caption: t('namespaces shared with the host', '与宿主机共用的命名空间'),
          }
        : undefined,
      uidInside !== undefined && uidOnHost !== undefined
        ? {
            facts: ['uidInside', 'uidOnHost'],
            value: `uid ${uidInside} → ${uidOnHost}`,
            caption: t('root inside, as the host sees it', '容器里的 root，在宿主机眼里是谁'),
          }
        : undefined,
      joined !== undefined
        ? {
            facts: ['sharedNetNamespaceMatches'],
            value: joined ? t('one network', '同一个网络') : t('two networks', '两个网络'),
            caption: t(
              '--network container: joins the first one’s net namespace',
              '--network container: 加入第一个容器的网络命名空间',
            ),
          }
        : undefined,
    ].filter((card) => card !== undefined);
  },
  units: Object.fromEntries(
    ['pid', 'net', 'mnt', 'uts', 'ipc', 'user', 'cgroup', 'time'].map((type) => [`${type}Namespace`, inodes]),
  ),
  zh: {
    text: {
      "A helper joins the host's PID and UTS namespaces; CAP_SYS_PTRACE lets it read the namespace links of a process that is not its own.":
        '一个辅助容器加入宿主机的 PID 和 UTS 命名空间；CAP_SYS_PTRACE 让它能读别人进程的命名空间链接。',
      "PID 1's links could not be read from a container on this host, so kthreadd (PID 2) stands in: a kernel thread always lives in the host's initial namespaces.":
        '在这台宿主机上，容器读不到 PID 1 的链接，所以由 kthreadd（PID 2）代替：内核线程总是待在宿主机最初的命名空间里。',
      'cgroup is shared: on cgroup v1 engines keep containers in the host cgroup namespace (--cgroupns=host is the v1 default).':
        'cgroup 是共用的：在 cgroup v1 上，引擎让容器留在宿主机的 cgroup 命名空间里（v1 默认 --cgroupns=host）。',
      "This engine gives each container its own time namespace (Docker Engine 29.5 and later do by default): its boot and monotonic clocks could be shifted without touching the host's; the wall clock is shared.":
        '这个引擎给每个容器一个自己的 time 命名空间（Docker Engine 29.5 起默认如此）：容器的开机时钟和单调时钟可以单独偏移，不影响宿主机；墙上时钟仍是共享的。',
      'cgroup is private: on cgroup v2 each container gets its own cgroup namespace (--cgroupns=private is the v2 default).':
        'cgroup 是私有的：在 cgroup v2 上，每个容器有自己的 cgroup 命名空间（v2 默认 --cgroupns=private）。',
      'This engine creates no time namespace (Docker before 29.5 and Podman do not).':
        '这个引擎不创建 time 命名空间（Docker 29.5 之前的版本和 Podman 都不创建）。',
      'Without --userns-remap or rootless mode, no engine creates a user namespace.':
        '不开 --userns-remap、也不是 rootless 模式时，没有哪个引擎会创建 user 命名空间。',
      'The map sends every uid to itself: a process escaping as uid 0 would be root on the host. Rootless engines map uid 0 to your own user instead.':
        '这张映射表把每个 uid 映射成它自己：以 uid 0 逃出来的进程，在宿主机上就是 root。rootless 引擎则把 uid 0 映射成你自己的用户。',
      "Inside, / is {inside} (the image layers plus a writable layer); the host's / is {host} on {device}. Different mount namespaces, different trees.":
        '容器里的 / 是 {inside}（镜像层加一个可写层）；宿主机的 / 是 {device} 上的 {host}。挂载命名空间不同，目录树就不同。',
      'Start two ordinary containers': '启动两个普通容器',
      'Read their namespaces from inside': '从里面读出它们的命名空间',
      "Read the host's namespaces": '读出宿主机的命名空间',
      'Compare: private or shared?': '比一比：独有还是共用？',
      'The user namespace is shared: root inside is root on the host':
        'user 命名空间是共用的：容器里的 root 就是宿主机的 root',
      'Its own hostname, PID numbers and root filesystem': '自己的主机名、PID 编号和根文件系统',
      "Share one on purpose: join the first container's network": '故意共用一个：加入第一个容器的网络',
      'The first gets the default network (a third container will join it later); the second gets none.':
        '第一个容器用默认网络（稍后会有第三个容器加入它）；第二个容器没有网络。',
      'Each entry of /proc/<pid>/ns is a link named after the namespace and its inode number: the same number means the same namespace.':
        '/proc/<pid>/ns 里的每一项都是一个链接，名字里带着命名空间类型和 inode 编号：编号相同，就是同一个命名空间。',
      'For each namespace: its inode in the first container, on the host, and in the second container.':
        '每种命名空间依次列出：第一个容器里、宿主机上、第二个容器里的 inode 编号。',
      'Same interfaces, same IP, same ports: two containers talking over localhost. This is how a Kubernetes pod shares one network.':
        '同样的网卡、同样的 IP、同样的端口：两个容器通过 localhost 通信。Kubernetes 的 Pod 就是这样共用一个网络的。',
    },
    facts: {
      containerId: '第一个容器的 ID（短）',
      hostReference: '代表宿主机命名空间的进程',
      pidNamespace: 'pid 命名空间（inode 编号）',
      netNamespace: 'net 命名空间（inode 编号）',
      mntNamespace: 'mnt 命名空间（inode 编号）',
      utsNamespace: 'uts 命名空间（inode 编号）',
      ipcNamespace: 'ipc 命名空间（inode 编号）',
      userNamespace: 'user 命名空间（inode 编号）',
      cgroupNamespace: 'cgroup 命名空间（inode 编号）',
      timeNamespace: 'time 命名空间（inode 编号）',
      privateFromHost: '独有的命名空间',
      sharedWithHost: '与宿主机共用的命名空间',
      sharedBetweenContainers: '两个容器共用的命名空间',
      uidInside: '容器内的 uid',
      uidMap: '容器内的 uid_map（内部起点 外部起点 数量）',
      uidOnHost: '同一进程在宿主机上的 uid',
      hostnameInside: '容器内的主机名',
      hostnameHost: '宿主机的主机名',
      hostnameIsContainerId: '容器内主机名就是容器 ID',
      pid1Inside: '容器内的 PID 1',
      hostPid: '同一进程在宿主机上的 PID',
      rootFsInside: '容器内挂在 / 的文件系统',
      rootFsHost: '宿主机上挂在 / 的文件系统',
      joinedNamespaces: '加入的容器：net 与 pid 命名空间',
      sharedNetNamespaceMatches: '它的 net 命名空间就是第一个容器的',
      joinedPidNamespaceDiffers: '它的 pid 命名空间仍是自己的',
      firstAddresses: '第一个容器的地址',
      joinedAddresses: '加入的容器的地址',
    },
  },
});
