import type { FactValue } from '../kit/core/events.ts';
import { layers as text } from '../text/layers.ts';
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
  text,
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
    packedBytes: (v) => (typeof v === 'number' ? size(v) : undefined),
    sharedBytes: (v) => (typeof v === 'number' ? size(v) : undefined),
    writableLayerBytes: (v) => (typeof v === 'number' ? size(v) : undefined),
    rootFsBytes: (v) => (typeof v === 'number' ? size(v) : undefined),
  },
});
