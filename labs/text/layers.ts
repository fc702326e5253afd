import { defineText } from '../kit/core/text.ts';

export const layers = defineText({
  en: {
    title: 'Layers and copy-on-write',
    shows: 'Two images sharing their lower layers, and a container whose changes stay in its own thin writable layer.',
    lines: {
      buildTwo: 'Build two images that start with the same instruction',
      building: 'building {name}',
      cacheReused:
        "layers-b's first RUN said 'Using cache': same parent image, same instruction, so the engine reused the " +
        'layer layers-a had just made.',
      cacheReusedBuildKit:
        "layers-b's first RUN says CACHED: BuildKit had just run that very instruction on the same parent for " +
        'layers-a, so it reused the layer it made then.',
      compare: 'Compare their layers',
      sharedLayers:
        'A layer is named by the digest of its content. Both images list the same {lower} lower layers ({base} from ' +
        '{image}, then the common RUN), so the engine stores them once; {own} layer of each is its own. The common ' +
        "RUN pins its files' timestamps (touch -d @0), so its bytes, and its digest, come out the same whenever it " +
        "is built. LABEL adds no layer: it only changes the image's config.",
      packedAndUnpacked:
        'This engine keeps images in the containerd image store, which holds every layer twice: packed, as the ' +
        'compressed blob an image travels as ({packed} here), and unpacked, as the snapshot directories containers ' +
        'mount ({unpacked}). docker images adds both: {total}. The layer sizes above are the unpacked ones.',
      changeFiles: 'Change files inside a container',
      diffKinds:
        'A = added, C = changed, D = deleted. The parent directories count as changed: a directory is copied up ' +
        'into the writable layer before anything in it can be added, changed or deleted.',
      secondContainer: 'Start a second container from the same image',
      copyOnWrite:
        'Copy-on-write: the first container wrote into its own layer. The image stayed read-only, so the second ' +
        'container still has /opt/common.txt and the original /etc/passwd.',
      onDisk: 'Where the layers live on the engine host',
      noLayerDirs:
        'The {driver} storage driver does not report lower and upper directories (overlay2 does), so there is ' +
        "nothing on disk to point at here; the diff above is still the container's own layer.",
      ownUpperAndInit:
        'Each container gets its own upper directory and a small -init layer (mount points for /etc/hosts and ' +
        'friends); below that, both stack the very same image layer directories, read-only. The MergedDir is the ' +
        'overlay mount the process sees as /.',
      ownUpper:
        'Each container gets its own upper directory; below that, both stack the very same image layer ' +
        'directories, read-only. The MergedDir is the overlay mount the process sees as /.',
      lookingIntoUpper: 'looking into the upper directory from a helper container',
      upperNotMounted:
        'The engine would not mount its own upper directory into a helper here ({error}), so its contents are not ' +
        'shown.',
      upperHolds:
        'That directory is the whole writable layer: the new file, a full copy of the changed /etc/passwd, and for ' +
        'the deleted file a "whiteout" (a 0/0 character device) that hides the image\'s copy below.',
      smallLayer: 'The writable layer is small; the image is shared',
      emptyDirectory:
        'A new container costs an empty directory, not a copy of the image: the engine only stores what each ' +
        'container writes.',
    },
    facts: {
      layersA: 'Layers of image A (digest, size, instruction)',
      layersB: 'Layers of image B',
      sharedLayers: 'Layers both images have (same digest)',
      imageBytes: 'Size of image A, as docker images shows it',
      packedBytes: 'Of that, its packed blobs (containerd image store only)',
      sharedBytes: 'Bytes of those shared layers, stored once for both images',
      imageView: 'What a fresh container of the image sees',
      firstContainerView: 'What the first container sees after its changes',
      added: 'Added (docker diff A)',
      changed: 'Changed (docker diff C)',
      deleted: 'Deleted (docker diff D)',
      secondContainerView: 'What the second container sees',
      storageDriver: 'Storage driver',
      upperDirFirst: 'Writable (upper) directory of the first container',
      upperDirSecond: 'Writable (upper) directory of the second container',
      lowerDirsFirst: 'Read-only (lower) directories of the first container, top first',
      lowerDirsSecond: 'Read-only (lower) directories of the second container',
      imageLayerDirs: 'Layer directories of image A, top first',
      upperDirEntries: "What the first container's upper directory holds",
      writableLayerBytes: "Bytes in the first container's writable layer (SizeRw)",
      rootFsBytes: 'Bytes of its whole root filesystem, image layers included (SizeRootFs)',
    },
  },
  zh: {
    title: '层与写时复制',
    shows: '两个镜像共享它们的下层；一个容器的改动只留在它自己那层薄薄的可写层里。',
    lines: {
      buildTwo: '构建两个开头指令相同的镜像',
      building: '正在构建 {name}',
      cacheReused:
        "layers-b 的第一个 RUN 显示 'Using cache'：父镜像相同、指令相同，所以引擎复用了 layers-a 刚做好的那一层。",
      cacheReusedBuildKit:
        'layers-b 的第一个 RUN 显示 CACHED：BuildKit 刚刚为 layers-a 在同一个父层上执行过一模一样的指令，' +
        '所以复用了那时做出的层。',
      compare: '比较它们的层',
      sharedLayers:
        '层以其内容的摘要命名。两个镜像列出了同样的 {lower} 个下层（{base} 个来自 {image}，然后是共同的 RUN），' +
        '所以引擎只存一份；每个镜像各有 {own} 层是自己的。共同的 RUN 把文件时间戳固定下来（touch -d @0），' +
        '所以无论何时构建，它的字节和摘要都一样。LABEL 不增加层：它只改镜像配置。',
      packedAndUnpacked:
        '这个引擎把镜像放在 containerd 镜像存储里，每一层都存两份：一份是打包的，即镜像传输时那个压缩的 blob' +
        '（这里共 {packed}）；一份是解包的，即容器挂载的快照目录（{unpacked}）。docker images 把两份加在一起：{total}。' +
        '上面各层的大小是解包后的。',
      changeFiles: '在容器里改动文件',
      diffKinds:
        'A = 新增，C = 修改，D = 删除。父目录也算“修改”：目录里的东西要新增、修改或删除之前，目录本身先被复制到' +
        '可写层（copy-up）。',
      secondContainer: '用同一个镜像再启动第二个容器',
      copyOnWrite:
        '写时复制：第一个容器写进的是它自己的层。镜像保持只读，所以第二个容器仍然有 /opt/common.txt 和原来的 ' +
        '/etc/passwd。',
      onDisk: '这些层在引擎宿主机上的位置',
      noLayerDirs:
        '{driver} 存储驱动不报告 lower 和 upper 目录（overlay2 会报告），所以这里没有磁盘上的目录可指；' +
        '上面的 diff 仍然就是这个容器自己的层。',
      ownUpperAndInit:
        '每个容器有自己的 upper 目录和一个小小的 -init 层（给 /etc/hosts 等准备挂载点）；在它们下面，两个容器叠的是' +
        '完全相同、只读的镜像层目录。MergedDir 就是进程看到的 / 那个 overlay 挂载。',
      ownUpper:
        '每个容器有自己的 upper 目录；在它下面，两个容器叠的是完全相同、只读的镜像层目录。MergedDir 就是进程看到的 ' +
        '/ 那个 overlay 挂载。',
      lookingIntoUpper: '正在从辅助容器里查看 upper 目录',
      upperNotMounted: '引擎在这里不肯把它自己的 upper 目录挂载进辅助容器（{error}），所以看不到里面的内容。',
      upperHolds:
        '这个目录就是整个可写层：新文件、改过的 /etc/passwd 的完整副本，以及给被删文件的一个 “whiteout”' +
        '（0/0 字符设备），它遮住了下面镜像里的那份。',
      smallLayer: '可写层很小；镜像是共享的',
      emptyDirectory: '新容器的代价是一个空目录，而不是镜像的一份拷贝：引擎只保存每个容器自己写下的内容。',
    },
    facts: {
      layersA: '镜像 A 的层（摘要、大小、指令）',
      layersB: '镜像 B 的层',
      sharedLayers: '两个镜像都有的层（摘要相同）',
      imageBytes: 'docker images 显示的镜像大小',
      packedBytes: '其中打包的 blob 占多少（仅 containerd 镜像存储）',
      sharedBytes: '这些共享层的字节数，两个镜像只存一份',
      imageView: '镜像的新容器看到的内容',
      firstContainerView: '第一个容器改动之后看到的内容',
      added: '新增（docker diff A）',
      changed: '修改（docker diff C）',
      deleted: '删除（docker diff D）',
      secondContainerView: '第二个容器看到的内容',
      storageDriver: '存储驱动',
      upperDirFirst: '第一个容器的可写（upper）目录',
      upperDirSecond: '第二个容器的可写（upper）目录',
      lowerDirsFirst: '第一个容器的只读（lower）目录，自上而下',
      lowerDirsSecond: '第二个容器的只读（lower）目录',
      imageLayerDirs: '镜像 A 的层目录，自上而下',
      upperDirEntries: '第一个容器的 upper 目录里的内容',
      writableLayerBytes: '第一个容器可写层的字节数（SizeRw）',
      rootFsBytes: '它整个根文件系统的字节数，含镜像层（SizeRootFs）',
    },
  },
});
