import { defineText } from '../kit/core/text.ts';

export const namespaces = defineText({
  en: {
    title: 'Namespaces: what a container has of its own',
    shows:
      'Namespace by namespace, what a container shares with the host and with its neighbour, then one shared on ' +
      'purpose.',
    lines: {
      start: 'Start two ordinary containers',
      twoContainers: 'The first gets the default network (a third container will join it later); the second gets none.',
      readInside: 'Read their namespaces from inside',
      nsLinks:
        'Each entry of /proc/<pid>/ns is a link named after the namespace and its inode number: the same number ' +
        'means the same namespace.',
      readHost: "Read the host's namespaces",
      helperJoinsHost:
        "A helper joins the host's PID and UTS namespaces; CAP_SYS_PTRACE lets it read the namespace links of a " +
        'process that is not its own.',
      helperRunning: 'running a helper with --pid=host --uts=host',
      kthreaddStandsIn:
        "PID 1's links could not be read from a container on this host, so kthreadd (PID 2) stands in: a kernel " +
        "thread always lives in the host's initial namespaces.",
      compare: 'Compare: private or shared?',
      compareColumns: 'For each namespace: its inode in the first container, on the host, and in the second container.',
      cgroupShared:
        'cgroup is shared: on cgroup v1 engines keep containers in the host cgroup namespace (--cgroupns=host is the ' +
        'v1 default).',
      cgroupPrivate:
        'cgroup is private: on cgroup v2 each container gets its own cgroup namespace (--cgroupns=private is the v2 ' +
        'default).',
      timePrivate:
        'This engine gives each container its own time namespace (Docker Engine 29.5 and later do by default): its ' +
        "boot and monotonic clocks could be shifted without touching the host's; the wall clock is shared.",
      timeShared: 'This engine creates no time namespace (Docker before 29.5 and Podman do not).',
      noUserNamespace: 'Without --userns-remap or rootless mode, no engine creates a user namespace.',
      userNamespaceOwn:
        'user is private: this engine gives each container a user namespace of its own (--userns-remap, or a ' +
        'rootless engine).',
      users: 'Who root inside is on the host',
      identityMap:
        'Root inside is root on the host: the map sends every uid to itself, so a process escaping as uid 0 would be ' +
        'root there. Rootless engines map uid 0 to your own user instead.',
      uidsRemapped:
        "Root inside is uid {host} on the host: this engine maps the container's uids to an unprivileged range, so " +
        'a process escaping as uid 0 would hold no privilege there.',
      ownTree: 'Its own hostname, PID numbers and root filesystem',
      rootFs:
        "Inside, / is {inside} (the image layers plus a writable layer); the host's / is {host} on {device}. " +
        'Different mount namespaces, different trees.',
      rootFsHostUnread:
        "Inside, / is {inside} (the image layers plus a writable layer); the host's / is ?. Different mount " +
        'namespaces, different trees.',
      joinNetwork: "Share one on purpose: join the first container's network",
      podNetwork:
        'Same interfaces, same IP, same ports: two containers talking over localhost. This is how a Kubernetes pod ' +
        'shares one network.',
    },
    facts: {
      containerId: 'First container id (short)',
      hostReference: "Host process whose namespaces count as the host's",
      pidNamespace: 'pid namespace (inode numbers)',
      netNamespace: 'net namespace (inode numbers)',
      mntNamespace: 'mnt namespace (inode numbers)',
      utsNamespace: 'uts namespace (inode numbers)',
      ipcNamespace: 'ipc namespace (inode numbers)',
      userNamespace: 'user namespace (inode numbers)',
      cgroupNamespace: 'cgroup namespace (inode numbers)',
      timeNamespace: 'time namespace (inode numbers)',
      privateFromHost: 'Namespaces of its own',
      sharedWithHost: 'Namespaces shared with the host',
      sharedBetweenContainers: 'Namespaces the two containers share',
      uidInside: 'uid inside the container',
      uidMap: 'uid_map inside (inside-start host-start count)',
      uidOnHost: 'uid of the same process on the host (/proc/<pid>/status)',
      hostnameInside: 'Hostname inside',
      hostnameHost: 'Hostname of the host',
      hostnameIsContainerId: 'Hostname inside is the container id',
      pid1Inside: 'PID 1 inside the container',
      hostPid: 'The same process on the host',
      rootFsInside: 'Filesystem mounted at / inside',
      rootFsHost: 'Filesystem mounted at / on the host',
      joinedNamespaces: 'Joined container: net and pid namespaces',
      sharedNetNamespaceMatches: "Its net namespace is the first container's",
      joinedPidNamespaceDiffers: 'Its pid namespace is still its own',
      firstAddresses: 'Addresses in the first container',
      joinedAddresses: 'Addresses in the joined container',
    },
  },
  zh: {
    title: '命名空间：容器自己独有什么',
    shows: '逐个命名空间地看：容器和宿主机、和邻居容器各共用了什么，最后再故意共用一个。',
    lines: {
      start: '启动两个普通容器',
      twoContainers: '第一个容器用默认网络（稍后会有第三个容器加入它）；第二个容器没有网络。',
      readInside: '从里面读出它们的命名空间',
      nsLinks:
        '/proc/<pid>/ns 里的每一项都是一个链接，名字里带着命名空间类型和 inode 编号：编号相同，就是同一个命名空间。',
      readHost: '读出宿主机的命名空间',
      helperJoinsHost: '一个辅助容器加入宿主机的 PID 和 UTS 命名空间；CAP_SYS_PTRACE 让它能读别人进程的命名空间链接。',
      helperRunning: '正在运行带 --pid=host --uts=host 的辅助容器',
      kthreaddStandsIn:
        '在这台宿主机上，容器读不到 PID 1 的链接，所以由 kthreadd（PID 2）代替：内核线程总是待在宿主机最初的命名空间里。',
      compare: '比一比：独有还是共用？',
      compareColumns: '每种命名空间依次列出：第一个容器里、宿主机上、第二个容器里的 inode 编号。',
      cgroupShared:
        'cgroup 是共用的：在 cgroup v1 上，引擎让容器留在宿主机的 cgroup 命名空间里（v1 默认 --cgroupns=host）。',
      cgroupPrivate:
        'cgroup 是私有的：在 cgroup v2 上，每个容器有自己的 cgroup 命名空间（v2 默认 --cgroupns=private）。',
      timePrivate:
        '这个引擎给每个容器一个自己的 time 命名空间（Docker Engine 29.5 起默认如此）：容器的开机时钟和单调时钟可以单独' +
        '偏移，不影响宿主机；墙上时钟仍是共享的。',
      timeShared: '这个引擎不创建 time 命名空间（Docker 29.5 之前的版本和 Podman 都不创建）。',
      noUserNamespace: '不开 --userns-remap、也不是 rootless 模式时，没有哪个引擎会创建 user 命名空间。',
      userNamespaceOwn:
        'user 是私有的：这个引擎给每个容器一个自己的 user 命名空间（--userns-remap，或 rootless 引擎）。',
      users: '容器里的 root 在宿主机上是谁',
      identityMap:
        '容器里的 root 就是宿主机的 root：这张映射表把每个 uid 映射成它自己，以 uid 0 逃出来的进程在宿主机上就是 ' +
        'root。rootless 引擎则把 uid 0 映射成你自己的用户。',
      uidsRemapped:
        '容器里的 root 在宿主机上是 uid {host}：这个引擎把容器的 uid 映射到一段没有特权的范围，以 uid 0 ' +
        '逃出来的进程在宿主机上没有任何特权。',
      ownTree: '自己的主机名、PID 编号和根文件系统',
      rootFs:
        '容器里的 / 是 {inside}（镜像层加一个可写层）；宿主机的 / 是 {device} 上的 {host}。挂载命名空间不同，目录树就不同。',
      rootFsHostUnread:
        '容器里的 / 是 {inside}（镜像层加一个可写层）；宿主机的 / 是 ?。挂载命名空间不同，目录树就不同。',
      joinNetwork: '故意共用一个：加入第一个容器的网络',
      podNetwork:
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
