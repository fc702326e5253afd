import { definePresentation } from './types.ts';
import { read } from './units.ts';

export const layersLimit = definePresentation({
  headlines(facts, lang) {
    const t = (en: string, zh: string) => (lang === 'zh' ? zh : en);
    const limit = read.number(facts.loadLimitLayers);
    const message = read.string(facts.loadMessage);
    const reached = read.number(facts.buildLayersReached);
    const step = read.number(facts.buildRefusedAtStep);
    return [
      limit !== undefined
        ? {
            facts: ['loadLimitLayers', 'loadRefusedLayers'],
            value: String(limit),
            caption: t(
              'most layers an image may have here (the notes: 127)',
              '这里一个镜像最多能有的层数（笔记里说 127）',
            ),
          }
        : undefined,
      message !== undefined
        ? {
            facts: ['loadMessage'],
            value: message,
            caption: t('what the engine says one layer later', '再多一层时引擎的回答'),
          }
        : undefined,
      reached !== undefined && step !== undefined
        ? {
            facts: ['buildLayersReached', 'buildRefusedAtStep'],
            value: String(reached),
            caption: t(
              `layers a real build reached (refused at step ${step})`,
              `真实构建达到的层数（第 ${step} 步被拒绝）`,
            ),
          }
        : undefined,
    ].filter((card) => card !== undefined);
  },
  zh: {
    text: {
      'Stack tiny layers until the engine refuses': '一层层叠加小层，直到引擎拒绝',
      'A Dockerfile past the limit': '一个超过上限的 Dockerfile',
      'Each stack is the base image plus N layers of one small file each, written as a docker save archive and loaded. Loading the same layers again is cheap, so the search doubles N, then halves the gap.':
        '每一叠都是基础镜像加上 N 层、每层一个小文件，写成 docker save 归档再加载。再次加载相同的层很便宜，所以搜索先把 N 翻倍，再把区间对半缩小。',
      "The build stops at the same {n} layers as docker load: the limit is the engine's layer store's, not the Dockerfile's nor the builder's. The notes say 127.":
        '构建停在和 docker load 相同的 {n} 层：这个上限属于引擎的层存储，而不是 Dockerfile 或构建器。笔记里说的是 127。',
      'The build stopped at {reached} layers, docker load at {limit}: each build step also runs in a container. The notes say 127.':
        '构建停在 {reached} 层，docker load 停在 {limit} 层：每个构建步骤还要在容器里运行。笔记里说的是 127。',
      '{n} steps, one layer each': '{n} 个步骤，每步一层',
    },
    facts: {
      baseLayers: '基础镜像的层数',
      loadsTried: '为找到上限加载的镜像叠数',
      loadLimitLayers: '一个镜像最多能有的层数（docker load）',
      loadRefusedLayers: '被拒绝的最少层数',
      loadMessage: '引擎的回答',
      buildFromLayers: 'Dockerfile 的 FROM 镜像的层数',
      buildLayersReached: '构建产出的最后一个镜像的层数',
      buildRefusedAtStep: '引擎拒绝的构建步骤（null：没有）',
      buildMessage: '构建的报错',
    },
  },
});
