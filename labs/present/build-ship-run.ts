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
        ? {
            facts: ['cachedSteps', 'totalSteps'],
            value: t(`${cached} of ${total}`, `${total} 步中 ${cached} 步`),
            caption: t('steps from the cache on an unchanged rebuild', '原样重建时命中缓存的步骤'),
          }
        : undefined,
      rebuilt
        ? {
            facts: ['rebuiltAfterEdit'],
            value: t(`${rebuilt.length} rebuilt`, `重建 ${rebuilt.length} 步`),
            caption: t('after one late change: it and every step after it', '改动靠后的一条指令后：它和它之后的每一步'),
          }
        : undefined,
      before && after
        ? {
            facts: ['originalImageId', 'loadedImageId'],
            value: before === after ? t('same id', 'ID 不变') : t('new id', 'ID 变了'),
            caption: t('after save → rmi → load', '经过 save → rmi → load 之后'),
          }
        : undefined,
      p50 !== undefined
        ? {
            facts: ['startupP50Ms'],
            value: ms(p50),
            caption: t(
              `docker run --rm, median${p95 !== undefined ? ` (p95 ${ms(p95)})` : ''}`,
              `docker run --rm 的中位数${p95 !== undefined ? `（p95 ${ms(p95)}）` : ''}`,
            ),
          }
        : undefined,
    ].filter((card) => card !== undefined);
  },
  units: {
    imageBytes: (v) => (typeof v === 'number' ? size(v) : undefined),
    archiveBytes: (v) => (typeof v === 'number' ? size(v) : undefined),
  },
  zh: {
    text: {
      'Each instruction is a step. RUN runs in a temporary container; RUN and COPY each leave a layer, ENV, ENTRYPOINT and CMD only change the config. The last LABEL steps are the Wharf labels the lab asked for, so cleanup can find the image.':
        '每条指令是一步。RUN 在一个临时容器里执行；RUN 和 COPY 各留下一层，ENV、ENTRYPOINT 和 CMD 只改配置。最后几步 LABEL 是实验要求加上的 Wharf 标签，清理时靠它们找到镜像。',
      'Every step after FROM said "Using cache": same parent, same instruction, same files → the engine reuses the image it made last time. FROM builds nothing, so it has nothing to cache.':
        'FROM 之后的每一步都显示 "Using cache"：父镜像相同、指令相同、文件相同 → 引擎直接复用上次做好的镜像。FROM 什么也不构建，所以没有可缓存的。',
      "A step's cache key is its parent image plus its instruction. The edited RUN misses the cache; every step after it has a new parent, so it misses too. Steps that change often belong at the end.":
        '一步的缓存键是它的父镜像加上它的指令。改过的 RUN 命中不了缓存；它之后的每一步都有了新的父镜像，所以也命中不了。经常变的步骤应该放在最后。',
      'The id is the digest of the image config, which names every layer by its digest: the same bytes give the same id on any machine. Labels live in that config, so the loaded image keeps them (and cleanup finds it).':
        '镜像 ID 是镜像配置的摘要，而配置又用摘要点名了每一层：同样的字节在任何机器上得到同样的 ID。标签也写在这份配置里，所以加载回来的镜像仍带着它们（清理也能找到它）。',
      "Some notes claim a single ENTRYPOINT cannot be overridden. It can: --entrypoint replaced echo with sh, which read the file named by the image's ENV. A new --entrypoint also drops the image's CMD, so its arguments follow the image name.":
        '有的笔记说唯一的 ENTRYPOINT 不能被覆盖。其实可以：--entrypoint 把 echo 换成了 sh，sh 读的是镜像 ENV 指定的文件。新的 --entrypoint 还会丢掉镜像的 CMD，所以参数要写在镜像名后面。',
      'This is the whole `docker run --rm` round trip, API calls included: no kernel to boot, but far from free. The myths chapter compares it with "containers start in milliseconds".':
        '这是一次完整的 `docker run --rm` 往返，含全部 API 调用：不用启动内核，但也远非零成本。“误区”一章会拿它和“容器毫秒级启动”对比。',
      'Build an image from a Dockerfile': '用 Dockerfile 构建镜像',
      'Build it again, unchanged': '原样再构建一次',
      'Edit one late instruction and rebuild': '改一条靠后的指令，再构建',
      'Ship it: save the image as a tar': '发货：把镜像存成 tar',
      'Remove it, then load the tar back': '删掉它，再把 tar 加载回来',
      'Run the loaded image: ENTRYPOINT is the program, CMD its default arguments':
        '运行加载回来的镜像：ENTRYPOINT 是程序，CMD 是默认参数',
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
