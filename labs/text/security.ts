import { defineText } from '../kit/core/text.ts';

export const security = defineText({
  en: {
    title: 'Container root is host root',
    shows:
      'A file written by root in a container belongs to root on the host; ' +
      'capabilities and a read-only root are what hold it back.',
    lines: {
      rootWrites: 'Root in a container writes a file into a host directory',
      helpersOnEngineHost:
        "A bind mount names a path on the engine's host, so helpers make the shared directory there, read its " +
        'owners there, and remove it at the end.',
      makingDirectory: 'making the directory on the engine host',
      hostRootOwns:
        "The kernel knows only numbers: uid 0 in the container is uid 0 here, the host's root, and uid 1000 is " +
        "whoever has uid 1000 on the host. Any host path a container can reach, its root touches as the host's root.",
      ownerMapped:
        'The file shows uid {uid} here, not 0: something between the container and this machine maps owners ' +
        "(a user namespace, or a VM's file sharing).",
      whyRoot: 'Why: the uid map says who root is outside',
      uidsRemapped: 'This engine remaps uids (userns-remap or rootless): uid 0 inside is an unprivileged uid outside.',
      identityMap:
        'Read it as "uid 0 inside is uid 0 outside, for all 4294967295 uids": the identity. Only userns-remap or a ' +
        'rootless engine changes that.',
      capabilities: 'What root inside may do: capabilities',
      helperRunning: 'running a helper with --pid=host',
      capabilitiesKept:
        "Root in the container holds {kept} of the host root's {all} capabilities: no sys_admin (mount), no " +
        'sys_module (load kernel modules), no sys_time… That list, with seccomp and AppArmor/SELinux, is the wall, ' +
        'not a hypervisor.',
      dropAll: 'Drop every capability',
      noChown:
        'Still uid 0, yet not allowed: without CAP_CHOWN root cannot give a file away. Drop all, add back only what ' +
        'the app needs (--cap-add).',
      readOnly: 'A read-only root filesystem, with one writable tmpfs',
      readOnlyRoot:
        "Even root cannot change the image's files: an intruder cannot plant a binary. Scratch space lives in " +
        'memory, capped at 1 MiB.',
    },
    facts: {
      hostDirectory: 'Host directory shared into the container (removed at the end)',
      hostOwnerAsRoot: 'Host owner of the file root wrote in the container',
      hostOwnerAsUser1000: 'Host owner of the file uid 1000 wrote',
      uidMap: 'uid_map inside (uid inside, uid outside, how many)',
      userNamespaceRemapped: 'Container uids remapped by a user namespace',
      defaultCapEff: 'Effective capability mask, default container',
      defaultCapabilities: 'Capabilities of root in a default container',
      defaultCapBnd: 'Bounding set (the most it could ever get)',
      hostRootCapabilityCount: 'Capabilities of root on the host (its PID 1)',
      chownDefaultOk: 'chown works in the default container (it has chown)',
      capDropAllCapEff: 'Effective capability mask with --cap-drop ALL',
      chownCapDropAllFailed: 'chown fails without capabilities',
      chownCapDropAllMessage: 'What chown said',
      readOnlyWriteFailed: 'Writing to the read-only root fails',
      readOnlyWriteMessage: 'What touch said',
      tmpfsWriteOk: 'Writing to the tmpfs works',
    },
  },
  zh: {
    title: '容器里的 root 就是宿主机的 root',
    shows: '容器里 root 写的文件，在宿主机上也属于 root；拦住它的是 capabilities 和只读的根文件系统。',
    lines: {
      rootWrites: '容器里的 root 往宿主机目录写一个文件',
      helpersOnEngineHost:
        '绑定挂载指的是引擎所在主机上的路径，所以由辅助容器在那台主机上建好共享目录、在那里读取文件属主，' +
        '并在结束时删掉它。',
      makingDirectory: '正在引擎所在的主机上建目录',
      hostRootOwns:
        '内核只认数字：容器里的 uid 0 在这里也是 uid 0，就是宿主机的 root；uid 1000 就是宿主机上 uid 为 1000 的那个人。' +
        '容器能碰到的任何宿主机路径，它的 root 都以宿主机 root 的身份去碰。',
      ownerMapped:
        '这个文件在这里显示的属主是 uid {uid}，而不是 0：容器和这台机器之间有东西在映射属主' +
        '（user 命名空间，或者虚拟机的文件共享）。',
      whyRoot: '原因：uid 映射表决定了 root 在外面是谁',
      uidsRemapped: '这个引擎会重新映射 uid（userns-remap 或 rootless）：里面的 uid 0 在外面是一个没有特权的 uid。',
      identityMap:
        '读作“里面的 uid 0 就是外面的 uid 0，共 4294967295 个 uid 都如此”：恒等映射。' +
        '只有 userns-remap 或 rootless 引擎会改变这一点。',
      capabilities: '容器里的 root 能做什么：capabilities',
      helperRunning: '正在运行带 --pid=host 的辅助容器',
      capabilitiesKept:
        '容器里的 root 只拥有宿主机 root {all} 项能力中的 {kept} 项：没有 sys_admin（mount）、' +
        '没有 sys_module（加载内核模块）、没有 sys_time……这张清单加上 seccomp 和 AppArmor/SELinux，' +
        '才是那道墙，而不是 hypervisor。',
      dropAll: '丢掉所有 capabilities',
      noChown:
        '仍然是 uid 0，却不被允许：没有 CAP_CHOWN，root 就不能把文件转给别人。先全部丢掉，再只加回应用需要的（--cap-add）。',
      readOnly: '只读的根文件系统，外加一块可写的 tmpfs',
      readOnlyRoot: '连 root 也改不了镜像里的文件：入侵者没法植入可执行文件。临时空间放在内存里，上限 1 MiB。',
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
