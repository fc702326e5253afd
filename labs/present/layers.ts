import type { FactValue } from '../kit/core/events.ts';
import type { Lang } from './types.ts';
import { definePresentation } from './types.ts';
import { read, size } from './units.ts';

/** What a container sees of the lab's files, as the terminal showed it: each file's content or its absence. */
function fileView(value: FactValue, lang: Lang): string | undefined {
  const view = read.record(value);
  if (!view) return undefined;
  const zh = lang === 'zh';
  return Object.entries(view)
    .map(([key, content]) => {
      if (key === 'passwdLines') return `/etc/passwd ${content}${zh ? ' 行' : ' lines'}`;
      return `${key} ${content === null ? (zh ? '不存在' : 'absent') : `“${content}”`}`;
    })
    .join(' · ');
}

export const layers = definePresentation({
  headlines(facts, lang) {
    const t = (en: string, zh: string) => (lang === 'zh' ? zh : en);
    const shared = read.record(facts.sharedLayers);
    const sharedCount = read.number(shared?.count);
    const sharedBytes = read.number(facts.sharedBytes);
    const added = read.strings(facts.added);
    const changed = read.strings(facts.changed);
    const deleted = read.strings(facts.deleted);
    const writable = read.number(facts.writableLayerBytes);
    const rootFs = read.number(facts.rootFsBytes);
    const secondView = read.record(facts.secondContainerView);
    const stillThere = secondView ? read.string(secondView['/opt/common.txt']) : undefined;
    return [
      sharedCount !== undefined
        ? {
            facts: ['sharedLayers'],
            value: t(`${sharedCount} shared layers`, `${sharedCount} 个共享层`),
            caption: t(
              `same digests in both images, stored once${sharedBytes !== undefined ? ` (${size(sharedBytes)})` : ''}`,
              `两个镜像里摘要相同，只存一份${sharedBytes !== undefined ? `（${size(sharedBytes)}）` : ''}`,
            ),
          }
        : undefined,
      added && changed && deleted
        ? {
            facts: ['added', 'changed', 'deleted'],
            value: `A ${added.length} · C ${changed.length} · D ${deleted.length}`,
            caption: t('docker diff: added, changed, deleted', 'docker diff：新增、修改、删除'),
          }
        : undefined,
      writable !== undefined
        ? {
            facts: ['writableLayerBytes'],
            value: size(writable),
            caption: t(
              `its writable layer${rootFs !== undefined ? `, on a ${size(rootFs)} root filesystem` : ''}`,
              `它的可写层${rootFs !== undefined ? `，整个根文件系统 ${size(rootFs)}` : ''}`,
            ),
          }
        : undefined,
      secondView
        ? {
            facts: ['secondContainerView'],
            value: stillThere ? t('untouched', '原封不动') : t('changed', '被改了'),
            caption: t('the image, as a second container sees it (copy-on-write)', '第二个容器看到的镜像（写时复制）'),
          }
        : undefined,
    ].filter((card) => card !== undefined);
  },
  units: {
    imageView: fileView,
    firstContainerView: fileView,
    secondContainerView: fileView,
    imageBytes: (v) => (typeof v === 'number' ? size(v) : undefined),
    sharedBytes: (v) => (typeof v === 'number' ? size(v) : undefined),
    writableLayerBytes: (v) => (typeof v === 'number' ? size(v) : undefined),
    rootFsBytes: (v) => (typeof v === 'number' ? size(v) : undefined),
  },
  zh: {
    text: {
      "layers-b's first RUN said 'Using cache': same parent image, same instruction, so the engine reused the layer layers-a had just made.":
        "layers-b 的第一个 RUN 显示 'Using cache'：父镜像相同、指令相同，所以引擎复用了 layers-a 刚做好的那一层。",
      "A layer is named by the digest of its content. Both images list the same {lower} lower layers ({base} from {image}, then the common RUN), so the engine stores them once; {own} layer of each is its own. The common RUN pins its files' timestamps (touch -d @0), so its bytes, and its digest, come out the same whenever it is built. LABEL adds no layer: it only changes the image's config.":
        '层以其内容的摘要命名。两个镜像列出了同样的 {lower} 个下层（{base} 个来自 {image}，然后是共同的 RUN），所以引擎只存一份；每个镜像各有 {own} 层是自己的。共同的 RUN 把文件时间戳固定下来（touch -d @0），所以无论何时构建，它的字节和摘要都一样。LABEL 不增加层：它只改镜像配置。',
      'A = added, C = changed, D = deleted. The parent directories count as changed: a directory is copied up into the writable layer before anything in it can be added, changed or deleted.':
        'A = 新增，C = 修改，D = 删除。父目录也算“修改”：目录里的东西要新增、修改或删除之前，目录本身先被复制到可写层（copy-up）。',
      'Copy-on-write: the first container wrote into its own layer. The image stayed read-only, so the second container still has /opt/common.txt and the original /etc/passwd.':
        '写时复制：第一个容器写进的是它自己的层。镜像保持只读，所以第二个容器仍然有 /opt/common.txt 和原来的 /etc/passwd。',
      'Each container gets its own upper directory and a small -init layer (mount points for /etc/hosts and friends); below that, both stack the very same image layer directories, read-only. The MergedDir is the overlay mount the process sees as /.':
        '每个容器有自己的 upper 目录和一个小小的 -init 层（给 /etc/hosts 等准备挂载点）；在它们下面，两个容器叠的是完全相同、只读的镜像层目录。MergedDir 就是进程看到的 / 那个 overlay 挂载。',
      'That directory is the whole writable layer: the new file, a full copy of the changed /etc/passwd, and for the deleted file a "whiteout" (a 0/0 character device) that hides the image\'s copy below.':
        '这个目录就是整个可写层：新文件、改过的 /etc/passwd 的完整副本，以及给被删文件的一个 “whiteout”（0/0 字符设备），它遮住了下面镜像里的那份。',
      'Build two images that start with the same instruction': '构建两个开头指令相同的镜像',
      'Compare their layers': '比较它们的层',
      'Change files inside a container': '在容器里改动文件',
      'Start a second container from the same image': '用同一个镜像再启动第二个容器',
      'Where the layers live on the engine host': '这些层在引擎宿主机上的位置',
      'The writable layer is small; the image is shared': '可写层很小；镜像是共享的',
      'A new container costs an empty directory, not a copy of the image: the engine only stores what each container writes.':
        '新容器的代价是一个空目录，而不是镜像的一份拷贝：引擎只保存每个容器自己写下的内容。',
    },
    facts: {
      layersA: '镜像 A 的层（摘要、大小、指令）',
      layersB: '镜像 B 的层',
      sharedLayers: '两个镜像都有的层（摘要相同）',
      imageBytes: 'docker images 显示的镜像大小',
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
      imageLayerDirs: '镜像的层目录，自上而下',
      upperDirEntries: '第一个容器的 upper 目录里的内容',
      writableLayerBytes: '第一个容器可写层的字节数（SizeRw）',
      rootFsBytes: '它整个根文件系统的字节数，含镜像层（SizeRootFs）',
    },
  },
});
