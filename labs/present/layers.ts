import { definePresentation } from './types.ts';
import { read, size } from './units.ts';

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
        ? { facts: ['sharedLayers'], value: t(`${sharedCount} shared layers`, `${sharedCount} 个共享层`), caption: t(`same digests in both images, stored once${sharedBytes !== undefined ? ` (${size(sharedBytes)})` : ''}`, `两个镜像里摘要相同，只存一份${sharedBytes !== undefined ? `（${size(sharedBytes)}）` : ''}`) }
        : undefined,
      added && changed && deleted
        ? { facts: ['added', 'changed', 'deleted'], value: `A ${added.length} · C ${changed.length} · D ${deleted.length}`, caption: t('docker diff: added, changed, deleted', 'docker diff：新增、修改、删除') }
        : undefined,
      writable !== undefined
        ? { facts: ['writableLayerBytes'], value: size(writable), caption: t(`its writable layer${rootFs !== undefined ? `, on a ${size(rootFs)} root filesystem` : ''}`, `它的可写层${rootFs !== undefined ? `，整个根文件系统 ${size(rootFs)}` : ''}`) }
        : undefined,
      secondView
        ? { facts: ['secondContainerView'], value: stillThere ? t('untouched', '原封不动') : t('changed', '被改了'), caption: t('the image, as a second container sees it (copy-on-write)', '第二个容器看到的镜像（写时复制）') }
        : undefined,
    ].filter((card) => card !== undefined);
  },
  units: {
    imageBytes: (v) => (typeof v === 'number' ? size(v) : undefined),
    sharedBytes: (v) => (typeof v === 'number' ? size(v) : undefined),
    writableLayerBytes: (v) => (typeof v === 'number' ? size(v) : undefined),
    rootFsBytes: (v) => (typeof v === 'number' ? size(v) : undefined),
  },
  zh: {
    text: {
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
