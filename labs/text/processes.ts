import { defineText } from '../kit/core/text.ts';

export const processes = defineText({
  en: {
    title: 'A container is a process',
    shows: 'The same sleeping process as PID 1 inside its container and as an ordinary PID on the host.',
    lines: {
      start: 'Start a container that only sleeps',
      inside: 'Look from inside: the container sees only itself',
      fromEngine: 'Look from the engine: the same process has a host PID',
      hostList: "Find it in the host's process list",
      helperJoinsHost:
        'A throw-away helper container joins the host PID namespace (--pid=host), so this works even when the ' +
        'engine runs inside a VM.',
      helperRunning: 'running a helper with --pid=host',
      parents: 'Follow its parents up to the engine',
      parentIsShim:
        'The parent is the runtime shim (conmon under Podman), not the engine daemon: containerd can restart ' +
        'without killing the container, but dockerd stops its containers when it stops unless live-restore is ' +
        'on (it is off by default).',
      stop: 'Stop it',
      stopSignals:
        'docker stop sends SIGTERM, waits, then sends SIGKILL. PID 1 gets no default signal handlers, so sleep ' +
        'ignores SIGTERM.',
      stopping: 'stopping (1 s grace period)',
    },
    facts: {
      containerId: 'Container id',
      pidInside: 'PID of sleep inside the container',
      processesVisibleInside: 'Processes visible inside (sleep and the ps we just ran)',
      hostPid: 'PID of the same process on the engine host',
      hostProcessListed: 'Listed among the host processes',
      hostCommand: 'Its command line, seen from the host',
      pidNamespaceContainer: 'PID namespace of the container',
      pidNamespaceHost: 'PID namespace of the host',
      pidNamespaceShared: 'Same PID namespace as the host',
      parentChain: 'Process and its ancestors on the host',
      keeperProcess: 'Parent that keeps the container alive',
      exitCode: 'Exit code (128 + signal number)',
    },
  },
  zh: {
    title: '容器就是一个进程',
    shows: '同一个 sleep 进程：在容器里是 PID 1，在宿主机上是一个普通的 PID。',
    lines: {
      start: '启动一个只会 sleep 的容器',
      inside: '从里面看：容器只看得到自己',
      fromEngine: '从引擎看：同一个进程有宿主机上的 PID',
      hostList: '在宿主机的进程列表里找到它',
      helperJoinsHost:
        '一个用完即删的辅助容器加入宿主机的 PID 命名空间（--pid=host），所以引擎跑在虚拟机里时这一步也照样可行。',
      helperRunning: '正在运行带 --pid=host 的辅助容器',
      parents: '沿着父进程一路找到引擎',
      parentIsShim:
        '父进程是运行时的 shim（Podman 下是 conmon），而不是引擎守护进程：containerd 重启不会杀死容器，' +
        '但 dockerd 停止时会停掉它的容器，除非开启了 live-restore（默认关闭）。',
      stop: '停止它',
      stopSignals:
        'docker stop 先发 SIGTERM，等一会儿，再发 SIGKILL。PID 1 没有默认的信号处理，所以 sleep 不理会 SIGTERM。',
      stopping: '正在停止（宽限 1 秒）',
    },
    facts: {
      containerId: '容器 ID',
      pidInside: 'sleep 在容器内的 PID',
      processesVisibleInside: '容器内可见的进程数（sleep 和刚运行的 ps）',
      hostPid: '同一进程在引擎宿主机上的 PID',
      hostProcessListed: '出现在宿主机进程列表中',
      hostCommand: '从宿主机看到的命令行',
      pidNamespaceContainer: '容器的 PID 命名空间',
      pidNamespaceHost: '宿主机的 PID 命名空间',
      pidNamespaceShared: '与宿主机共用 PID 命名空间',
      parentChain: '该进程及其在宿主机上的祖先进程',
      keeperProcess: '让容器保持运行的父进程',
      exitCode: '退出码（128 + 信号编号）',
    },
  },
});
