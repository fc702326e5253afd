import { definePresentation } from './types.ts';
import { ms, read, size } from './units.ts';

export const buildShipRun = definePresentation({
  headlines(facts, lang) {
    const t = (en: string, zh: string) => (lang === 'zh' ? zh : en);
    const total = read.number(facts.totalSteps);
    const cached = read.number(facts.cachedSteps);
    const rebuilt = read.strings(facts.rebuiltAfterEdit);
    const before = read.string(facts.originalImageId);
    const after = read.string(facts.loadedImageId);
    const p50 = read.number(facts.startupP50Ms);
    const p95 = read.number(facts.startupP95Ms);
    return [
      total !== undefined && cached !== undefined
        ? { facts: ['cachedSteps', 'totalSteps'], value: t(`${cached} of ${total}`, `${total} 步中 ${cached} 步`), caption: t('steps from the cache on an unchanged rebuild', '原样重建时命中缓存的步骤') }
        : undefined,
      rebuilt ? { facts: ['rebuiltAfterEdit'], value: t(`${rebuilt.length} rebuilt`, `重建 ${rebuilt.length} 步`), caption: t('after one late change: it and every step after it', '改动靠后的一条指令后：它和它之后的每一步') } : undefined,
      before && after
        ? { facts: ['originalImageId', 'loadedImageId'], value: before === after ? t('same id', 'ID 不变') : t('new id', 'ID 变了'), caption: t('after save → rmi → load', '经过 save → rmi → load 之后') }
        : undefined,
      p50 !== undefined
        ? { facts: ['startupP50Ms'], value: ms(p50), caption: t(`docker run --rm, median${p95 !== undefined ? ` (p95 ${ms(p95)})` : ''}`, `docker run --rm 的中位数${p95 !== undefined ? `（p95 ${ms(p95)}）` : ''}`) }
        : undefined,
    ].filter((card) => card !== undefined);
  },
  units: {
    imageBytes: (v) => (typeof v === 'number' ? size(v) : undefined),
    archiveBytes: (v) => (typeof v === 'number' ? size(v) : undefined),
  },
  zh: {
    text: {
      'Build an image from a Dockerfile': '用 Dockerfile 构建镜像',
      'Build it again, unchanged': '原样再构建一次',
      'Edit one late instruction and rebuild': '改一条靠后的指令，再构建',
      'Ship it: save the image as a tar': '发货：把镜像存成 tar',
      'Remove it, then load the tar back': '删掉它，再把 tar 加载回来',
      'Run the loaded image: ENTRYPOINT is the program, CMD its default arguments': '运行加载回来的镜像：ENTRYPOINT 是程序，CMD 是默认参数',
      'How long does a container take to start? (10 runs of `true`)': '启动一个容器要多久？（运行 `true` 10 次）',
      'An image is nothing more than this: a config (JSON), one tar per layer, and a manifest tying them together. A registry stores the same pieces.':
        '镜像不过如此：一份配置（JSON）、每层一个 tar，再加一份把它们串起来的清单。镜像仓库存的也是这些东西。',
    },
    facts: {
      totalSteps: '构建的步骤数',
      cachedSteps: '重建时来自缓存的步骤数',
      editedInstruction: '改动的指令',
      cachedAfterEdit: '仍来自缓存',
      rebuiltAfterEdit: '重新构建',
      imageBytes: '镜像大小',
      archiveBytes: 'tar 的大小',
      manifestRepoTags: 'manifest.json 里的 RepoTags',
      manifestLayers: 'manifest.json 列出的层 tar 数',
      imageLayers: '镜像的层数（RootFS.Layers）',
      originalImageId: '保存前的镜像 ID',
      loadedImageId: '加载后的镜像 ID',
      loadedImageHasRunLabel: '加载后的镜像仍带着运行标签',
      defaultRun: '加载后的镜像默认运行结果（ENTRYPOINT + CMD）',
      cmdOverride: '镜像名后的参数替换 CMD',
      entrypointOverride: '--entrypoint 连 ENTRYPOINT 也替换',
      startupSamplesMs: '每次 docker run --rm：创建、启动、等待退出、取日志、删除（毫秒）',
      startupP50Ms: '启动耗时 p50（毫秒）',
      startupP95Ms: '启动耗时 p95（毫秒）',
    },
  },
});
