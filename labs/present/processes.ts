import { definePresentation } from './types.ts';
import { read } from './units.ts';

export const processes = definePresentation({
  headlines(facts, lang) {
    const t = (en: string, zh: string) => (lang === 'zh' ? zh : en);
    const inside = read.number(facts.pidInside);
    const host = read.number(facts.hostPid);
    const keeper = read.string(facts.keeperProcess);
    const shared = read.boolean(facts.pidNamespaceShared);
    const exit = read.number(facts.exitCode);
    return [
      inside !== undefined && host !== undefined
        ? {
            facts: ['pidInside', 'hostPid'],
            value: `${inside} ↔ ${host}`,
            caption: t('the same sleep: its PID inside ↔ on the host', '同一个 sleep：容器内的 PID ↔ 宿主机上的 PID'),
          }
        : undefined,
      shared !== undefined
        ? {
            facts: ['pidNamespaceShared'],
            value: shared ? t('shared', '共享') : t('its own', '独立'),
            caption: t('PID namespace, compared with the host’s', 'PID 命名空间（与宿主机相比）'),
          }
        : undefined,
      keeper
        ? {
            facts: ['keeperProcess'],
            value: keeper,
            caption: t(
              'its parent on the host: the runtime shim, not the daemon',
              '它在宿主机上的父进程：运行时 shim，而不是守护进程',
            ),
          }
        : undefined,
      exit !== undefined
        ? {
            facts: ['exitCode'],
            value: String(exit),
            caption: t(
              'exit code after docker stop: 128 + 9 (SIGKILL)',
              'docker stop 之后的退出码：128 + 9（SIGKILL）',
            ),
          }
        : undefined,
    ].filter((card) => card !== undefined);
  },
  zh: {
    text: {
      'The parent is the runtime shim (conmon under Podman), not the engine daemon: containerd can restart without killing the container, but dockerd stops its containers when it stops unless live-restore is on (it is off by default).':
        '父进程是运行时的 shim（Podman 下是 conmon），而不是引擎守护进程：containerd 重启不会杀死容器，但 dockerd 停止时会停掉它的容器，除非开启了 live-restore（默认关闭）。',
      'Start a container that only sleeps': '启动一个只会 sleep 的容器',
      'Look from inside: the container sees only itself': '从里面看：容器只看得到自己',
      'Look from the engine: the same process has a host PID': '从引擎看：同一个进程有宿主机上的 PID',
      "Find it in the host's process list": '在宿主机的进程列表里找到它',
      'Follow its parents up to the engine': '沿着父进程一路找到引擎',
      'Stop it': '停止它',
      'A throw-away helper container joins the host PID namespace (--pid=host), so this works even when the engine runs inside a VM.':
        '一个用完即删的辅助容器加入宿主机的 PID 命名空间（--pid=host），所以引擎跑在虚拟机里时这一步也照样可行。',
      'docker stop sends SIGTERM, waits, then sends SIGKILL. PID 1 gets no default signal handlers, so sleep ignores SIGTERM.':
        'docker stop 先发 SIGTERM，等一会儿，再发 SIGKILL。PID 1 没有默认的信号处理，所以 sleep 不理会 SIGTERM。',
      'running a helper with --pid=host': '正在运行带 --pid=host 的辅助容器',
      'stopping (1 s grace period)': '正在停止（宽限 1 秒）',
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
