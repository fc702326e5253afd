import { buildShipRun as text } from '../text/build-ship-run.ts';
import { definePresentation } from './types.ts';
import { ms, read, size } from './units.ts';

export const buildShipRun = definePresentation({
  text,
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
});
