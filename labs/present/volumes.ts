import { volumes as text } from '../text/volumes.ts';
import { definePresentation } from './types.ts';
import { read } from './units.ts';

export const volumes = definePresentation({
  text,
  headlines(facts, lang) {
    const t = (en: string, zh: string) => (lang === 'zh' ? zh : en);
    const layerSurvived = read.boolean(facts.writableLayerFileSurvived);
    const volumeSurvived = read.boolean(facts.volumeFileSurvived);
    const roundTrip = read.boolean(facts.bindMountRoundTrip);
    const owner = read.number(facts.containerFileOwnerUid);
    return [
      layerSurvived !== undefined
        ? {
            facts: ['writableLayerFileSurvived'],
            value: layerSurvived ? t('kept', '还在') : t('gone', '没了'),
            caption: t(
              'a file in the writable layer, after the container is removed',
              '写在可写层里的文件，容器删除之后',
            ),
          }
        : undefined,
      volumeSurvived !== undefined
        ? {
            facts: ['volumeFileSurvived'],
            value: volumeSurvived ? t('kept', '还在') : t('gone', '没了'),
            caption: t('a file in a named volume, after the container is removed', '写在具名卷里的文件，容器删除之后'),
          }
        : undefined,
      roundTrip !== undefined
        ? {
            facts: ['bindMountRoundTrip'],
            value: roundTrip ? t('both ways', '双向可见') : t('not shared', '不共享'),
            caption: t('a bind mount: host and container see the same file', '绑定挂载：宿主机和容器看到同一个文件'),
          }
        : undefined,
      owner !== undefined
        ? {
            facts: ['containerFileOwnerUid'],
            value: `uid ${owner}`,
            caption: t(
              "owner on this machine of what the container's root wrote",
              '容器里的 root 写的文件，在本机上的属主',
            ),
          }
        : undefined,
    ].filter((card) => card !== undefined);
  },
});
