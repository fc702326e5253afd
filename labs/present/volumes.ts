import { definePresentation } from './types.ts';
import { read } from './units.ts';

export const volumes = definePresentation({
  headlines(facts, lang) {
    const t = (en: string, zh: string) => (lang === 'zh' ? zh : en);
    const layerSurvived = read.boolean(facts.writableLayerFileSurvived);
    const volumeSurvived = read.boolean(facts.volumeFileSurvived);
    const roundTrip = read.boolean(facts.bindMountRoundTrip);
    const owner = read.number(facts.containerFileOwnerUid);
    return [
      layerSurvived !== undefined
        ? {
            facts: ['writableLayerFileSurvived'],
            value: layerSurvived ? t('kept', '还在') : t('gone', '没了'),
            caption: t(
              'a file in the writable layer, after the container is removed',
              '写在可写层里的文件，容器删除之后',
            ),
          }
        : undefined,
      volumeSurvived !== undefined
        ? {
            facts: ['volumeFileSurvived'],
            value: volumeSurvived ? t('kept', '还在') : t('gone', '没了'),
            caption: t('a file in a named volume, after the container is removed', '写在具名卷里的文件，容器删除之后'),
          }
        : undefined,
      roundTrip !== undefined
        ? {
            facts: ['bindMountRoundTrip'],
            value: roundTrip ? t('both ways', '双向可见') : t('not shared', '不共享'),
            caption: t('a bind mount: host and container see the same file', '绑定挂载：宿主机和容器看到同一个文件'),
          }
        : undefined,
      owner !== undefined
        ? {
            facts: ['containerFileOwnerUid'],
            value: `uid ${owner}`,
            caption: t(
              "owner on this machine of what the container's root wrote",
              '容器里的 root 写的文件，在本机上的属主',
            ),
          }
        : undefined,
    ].filter((card) => card !== undefined);
  },
  zh: {
    text: {
      'The engine runs elsewhere ({product} on "{host}", via {via}): most likely a VM, where a bind-mount path means a path in the VM and only folders shared into it exist. Home directories are shared by default (Docker Desktop, Colima, OrbStack, Podman machine), so the directory goes under {home}. If yours is not shared, the mount fails below and the lab says so.':
        '引擎运行在别处（{product}，主机名 "{host}"，经由 {via}）：多半是一台虚拟机，绑定挂载的路径指的是虚拟机里的路径，只有共享进去的文件夹才存在。Docker Desktop、Colima、OrbStack 和 Podman machine 默认共享用户主目录，所以目录建在 {home} 下。如果你的没有共享，下面的挂载会失败，实验会说明原因。',
      '--rm removed the first container, and its writable layer with it. The second container starts from the image again, where /data/note.txt never existed.':
        '--rm 删掉了第一个容器，它的可写层也一起没了。第二个容器又从镜像开始，而镜像里从来没有 /data/note.txt。',
      "A volume is a directory the engine manages outside every container's layers: removing the container leaves it alone (this lab's cleanup removes it at the end).":
        '卷是引擎在所有容器层之外管理的一个目录：删除容器不会动它（本实验结束时的清理会删掉它）。',
      "The engine runs on this machine (a local unix socket, and it reports this host's name, {name}), so a temporary directory here ({dir}) is a directory on the engine's host too.":
        '引擎就跑在这台机器上（本地 unix socket，而且它报告的主机名正是本机的 {name}），所以这里的临时目录（{dir}）也是引擎宿主机上的目录。',
      'A bind mount is the host directory itself, not a copy: both sides see each write at once. Files keep numeric owners, so what root wrote in the container belongs to uid 0 here unless the engine maps users (rootless engines, Docker Desktop).':
        '绑定挂载就是宿主机目录本身，而不是副本：两边都能立刻看到对方的每一次写入。文件保留的是数字属主，所以容器里 root 写的文件在这里属于 uid 0，除非引擎做了用户映射（rootless 引擎、Docker Desktop）。',
      'A file in the writable layer goes with its container': '写在可写层的文件随容器一起消失',
      'A file in a named volume outlives its container': '写在具名卷里的文件比容器活得久',
      'A bind mount: one directory, seen from both sides': '绑定挂载：同一个目录，两边都看得见',
    },
    facts: {
      writableLayerFileSurvived: '写在可写层的文件在新容器里还在',
      volumeName: '卷名',
      volumeFileSurvived: '写在卷里的文件在新容器里还在',
      volumeFileContent: '第二个容器从卷里读到的内容',
      volumeMountpoint: '卷的文件在引擎宿主机上的位置',
      bindMountDir: '本机上的目录，挂载到 /data',
      bindHostToContainer: '宿主机写、容器读',
      bindContainerToHost: '容器写、宿主机读',
      bindMountRoundTrip: '两个方向都通',
      containerFileOwnerUid: '容器里的 root 写的文件在本机上的属主（uid）',
      bindMountDirRemoved: '临时目录已删除',
    },
  },
});
