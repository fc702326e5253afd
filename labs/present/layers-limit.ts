import { layersLimit as text } from '../text/layers-limit.ts';
import { definePresentation } from './types.ts';
import { read } from './units.ts';

export const layersLimit = definePresentation({
  text,
  headlines(facts, lang) {
    const t = (en: string, zh: string) => (lang === 'zh' ? zh : en);
    const limit = read.number(facts.loadLimitLayers);
    const message = read.string(facts.loadMessage);
    const atRun = read.string(facts.refusedWhen) === 'run';
    const reached = read.number(facts.buildLayersReached);
    const step = read.number(facts.buildRefusedAtStep);
    const runRefused = read.string(facts.builtRunMessage) !== undefined;
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
            caption: atRun
              ? t(
                  'what the engine says one layer later, when a container starts (the image loaded)',
                  '再多一层时引擎的回答：在启动容器时（镜像本身加载成功）',
                )
              : t('what the engine says one layer later', '再多一层时引擎的回答'),
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
        : reached !== undefined && runRefused
          ? {
              facts: ['buildLayersReached', 'builtRunMessage'],
              value: String(reached),
              caption: t(
                'layers a BuildKit build made; no container starts from it',
                'BuildKit 构建出的层数；用它启动不了容器',
              ),
            }
          : undefined,
    ].filter((card) => card !== undefined);
  },
});
