import { defineText } from '../kit/core/text.ts';

export const volumes = defineText({
  en: {
    title: 'Data that outlives its container',
    shows:
      'A file in the writable layer disappears with its container; one in a named volume or a bind mount survives.',
    lines: {
      inTheLayer: 'A file in the writable layer goes with its container',
      layerRemoved:
        '--rm removed the first container, and its writable layer with it. The second container starts from the ' +
        'image again, where /data/note.txt never existed.',
      inAVolume: 'A file in a named volume outlives its container',
      volumeOutsideLayers:
        "A volume is a directory the engine manages outside every container's layers: removing the container " +
        "leaves it alone (this lab's cleanup removes it at the end).",
      bindMount: 'A bind mount: one directory, seen from both sides',
      bindDirHere:
        "The engine runs on this machine (a local unix socket, and it reports this host's name, {name}), so a " +
        "temporary directory here ({dir}) is a directory on the engine's host too.",
      bindDirElsewhere:
        'The engine runs elsewhere ({product} on "{host}", via {via}): most likely a VM, where a bind-mount path ' +
        'means a path in the VM and only folders shared into it exist. Home directories are shared by default ' +
        '(Docker Desktop, Colima, OrbStack, Podman machine), so the directory goes under {home}. If yours is not ' +
        'shared, the mount fails below and the lab says so.',
      mountFailed:
        "The engine could not mount this directory, so its host does not share this machine's files here. Share " +
        "the folder with the engine's VM (Docker Desktop: Settings → Resources → File sharing; Colima/Podman " +
        'machine: their mount settings) and run the lab again.',
      sameDirectory:
        'A bind mount is the host directory itself, not a copy: both sides see each write at once. Files keep ' +
        'numeric owners, so what root wrote in the container belongs to uid 0 here unless the engine maps users ' +
        '(rootless engines, Docker Desktop).',
    },
    facts: {
      writableLayerFileSurvived: 'File written in the writable layer still there in a new container',
      volumeName: 'Volume name',
      volumeFileSurvived: 'File written in the volume still there in a new container',
      volumeFileContent: 'What the second container read from the volume',
      volumeMountpoint: "Where the volume's files live on the engine's host",
      bindMountDir: 'Directory on this machine, mounted at /data',
      bindHostToContainer: 'Written on the host, read in the container',
      bindContainerToHost: 'Written in the container, read on the host',
      bindMountRoundTrip: 'Both directions worked',
      containerFileOwnerUid: "Owner (uid) on this machine of the file the container's root wrote",
      bindMountDirRemoved: 'Temporary directory removed',
    },
  },
  zh: {
    title: '比容器活得更久的数据',
    shows: '写在可写层里的文件随容器一起消失；写在具名卷或绑定挂载里的文件留了下来。',
    lines: {
      inTheLayer: '写在可写层的文件随容器一起消失',
      layerRemoved:
        '--rm 删掉了第一个容器，它的可写层也一起没了。第二个容器又从镜像开始，而镜像里从来没有 /data/note.txt。',
      inAVolume: '写在具名卷里的文件比容器活得久',
      volumeOutsideLayers: '卷是引擎在所有容器层之外管理的一个目录：删除容器不会动它（本实验结束时的清理会删掉它）。',
      bindMount: '绑定挂载：同一个目录，两边都看得见',
      bindDirHere:
        '引擎就跑在这台机器上（本地 unix socket，而且它报告的主机名正是本机的 {name}），所以这里的临时目录' +
        '（{dir}）也是引擎宿主机上的目录。',
      bindDirElsewhere:
        '引擎运行在别处（{product}，主机名 "{host}"，经由 {via}）：多半是一台虚拟机，绑定挂载的路径指的是虚拟机里的' +
        '路径，只有共享进去的文件夹才存在。Docker Desktop、Colima、OrbStack 和 Podman machine 默认共享用户主目录，' +
        '所以目录建在 {home} 下。如果你的没有共享，下面的挂载会失败，实验会说明原因。',
      mountFailed:
        '引擎挂载不了这个目录，所以在这里它的宿主机看不到本机的文件。把这个文件夹共享给引擎的虚拟机（Docker Desktop：' +
        'Settings → Resources → File sharing；Colima/Podman machine：各自的挂载设置），然后再运行一次实验。',
      sameDirectory:
        '绑定挂载就是宿主机目录本身，而不是副本：两边都能立刻看到对方的每一次写入。文件保留的是数字属主，所以容器里 ' +
        'root 写的文件在这里属于 uid 0，除非引擎做了用户映射（rootless 引擎、Docker Desktop）。',
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
