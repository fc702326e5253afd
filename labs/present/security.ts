import { definePresentation } from './types.ts';
import { read } from './units.ts';

export const security = definePresentation({
  headlines(facts, lang) {
    const t = (en: string, zh: string) => (lang === 'zh' ? zh : en);
    const asRoot = read.number(facts.hostOwnerAsRoot);
    const asUser = read.number(facts.hostOwnerAsUser1000);
    const caps = read.strings(facts.defaultCapabilities);
    const hostCaps = read.number(facts.hostRootCapabilityCount);
    const chownFailed = read.boolean(facts.chownCapDropAllFailed);
    const readOnly = read.boolean(facts.readOnlyWriteFailed);
    const tmpfs = read.boolean(facts.tmpfsWriteOk);
    return [
      asRoot !== undefined
        ? {
            facts: ['hostOwnerAsRoot'],
            value: `uid ${asRoot}`,
            caption: t(
              `host owner of the file container root wrote${asUser !== undefined ? ` (uid ${asUser} with --user 1000)` : ''}`,
              `容器里 root 写的文件在宿主机上的属主${asUser !== undefined ? `（--user 1000 时为 uid ${asUser}）` : ''}`,
            ),
          }
        : undefined,
      caps && hostCaps !== undefined
        ? {
            facts: ['defaultCapabilities', 'hostRootCapabilityCount'],
            value: t(`${caps.length} of ${hostCaps}`, `${hostCaps} 项中的 ${caps.length} 项`),
            caption: t('capabilities root keeps in a default container', '默认容器里 root 保留的能力（capabilities）'),
          }
        : undefined,
      chownFailed !== undefined
        ? {
            facts: ['chownCapDropAllFailed'],
            value: chownFailed ? t('chown denied', 'chown 被拒') : t('chown allowed', 'chown 成功'),
            caption: t('uid 0 with --cap-drop ALL', '--cap-drop ALL 下的 uid 0'),
          }
        : undefined,
      readOnly !== undefined
        ? {
            facts: ['readOnlyWriteFailed', 'tmpfsWriteOk'],
            value: readOnly ? t('read-only', '只读') : t('writable', '可写'),
            caption: t(
              `root filesystem with --read-only${tmpfs ? '; the tmpfs stays writable' : ''}`,
              `--read-only 下的根文件系统${tmpfs ? '；tmpfs 仍可写' : ''}`,
            ),
          }
        : undefined,
    ].filter((card) => card !== undefined);
  },
  zh: {
    text: {
      "A bind mount names a path on the engine's host, so helpers make the shared directory there, read its owners there, and remove it at the end.":
        '绑定挂载指的是引擎所在主机上的路径，所以由辅助容器在那台主机上建好共享目录、在那里读取文件属主，并在结束时删掉它。',
      'making the directory on the engine host': '正在引擎所在的主机上建目录',
      "The kernel knows only numbers: uid 0 in the container is uid 0 here, the host's root, and uid 1000 is whoever has uid 1000 on the host. Any host path a container can reach, its root touches as the host's root.":
        '内核只认数字：容器里的 uid 0 在这里也是 uid 0，就是宿主机的 root；uid 1000 就是宿主机上 uid 为 1000 的那个人。容器能碰到的任何宿主机路径，它的 root 都以宿主机 root 的身份去碰。',
      'Read it as "uid 0 inside is uid 0 outside, for all {count} uids": the identity. Only userns-remap or a rootless engine changes that.':
        '读作“里面的 uid 0 就是外面的 uid 0，共 {count} 个 uid 都如此”：恒等映射。只有 userns-remap 或 rootless 引擎会改变这一点。',
      "Root in the container holds {kept} of the host root's {all} capabilities: no sys_admin (mount), no sys_module (load kernel modules), no sys_time… That list, with seccomp and AppArmor/SELinux, is the wall, not a hypervisor.":
        '容器里的 root 只拥有宿主机 root {all} 项能力中的 {kept} 项：没有 sys_admin（mount）、没有 sys_module（加载内核模块）、没有 sys_time……这张清单加上 seccomp 和 AppArmor/SELinux，才是那道墙，而不是 hypervisor。',
      'Root in a container writes a file into a host directory': '容器里的 root 往宿主机目录写一个文件',
      'Why: no user namespace maps root to someone else': '原因：没有 user 命名空间把 root 映射成别人',
      'What root inside may do: capabilities': '容器里的 root 能做什么：capabilities',
      'Drop every capability': '丢掉所有 capabilities',
      'A read-only root filesystem, with one writable tmpfs': '只读的根文件系统，外加一块可写的 tmpfs',
      'Still uid 0, yet not allowed: without CAP_CHOWN root cannot give a file away. Drop all, add back only what the app needs (--cap-add).':
        '仍然是 uid 0，却不被允许：没有 CAP_CHOWN，root 就不能把文件转给别人。先全部丢掉，再只加回应用需要的（--cap-add）。',
      "Even root cannot change the image's files: an intruder cannot plant a binary. Scratch space lives in memory, capped at 1 MiB.":
        '连 root 也改不了镜像里的文件：入侵者没法植入可执行文件。临时空间放在内存里，上限 1 MiB。',
    },
    facts: {
      hostDirectory: '共享进容器的宿主机目录（结束时删除）',
      hostOwnerAsRoot: '容器里 root 写的文件在宿主机上的属主',
      hostOwnerAsUser1000: 'uid 1000 写的文件在宿主机上的属主',
      uidMap: '容器内的 uid_map（内部 uid、外部 uid、数量）',
      userNamespaceRemapped: '容器的 uid 被 user 命名空间重新映射',
      defaultCapEff: '默认容器的有效能力掩码',
      defaultCapabilities: '默认容器里 root 的 capabilities',
      defaultCapBnd: '边界集（最多能拥有的）',
      hostRootCapabilityCount: '宿主机 root（PID 1）的 capabilities 数',
      chownDefaultOk: '默认容器里 chown 可用（它有 CAP_CHOWN）',
      capDropAllCapEff: '--cap-drop ALL 时的有效能力掩码',
      chownCapDropAllFailed: '没有 capabilities 时 chown 失败',
      chownCapDropAllMessage: 'chown 的报错',
      readOnlyWriteFailed: '写只读根文件系统失败',
      readOnlyWriteMessage: 'touch 的报错',
      tmpfsWriteOk: '写 tmpfs 成功',
    },
  },
});
