import type { FactValue } from '../kit/core/events.ts';
import { namespaces as text } from '../text/namespaces.ts';
import { definePresentation, type Lang } from './types.ts';
import { read } from './units.ts';

/** One namespace type compared: whose it is first, then the inode numbers that say so. */
function inodes(value: FactValue, lang: Lang): string | undefined {
  const ns = read.record(value);
  const container = read.number(ns?.container);
  const host = read.number(ns?.host);
  const second = read.number(ns?.secondContainer);
  const shared = read.boolean(ns?.sharedWithHost);
  if (container === undefined || host === undefined || shared === undefined) return undefined;
  const zh = lang === 'zh';
  if (shared && (second === undefined || second === host))
    return zh ? `与宿主机共用：都是 ${host}` : `shared with the host: ${host} everywhere`;
  if (zh)
    return `${shared ? '与宿主机共用' : '自己的'}：容器 ${container}，宿主机 ${host}${second === undefined ? '' : `，第二个容器 ${second}`}`;
  return `${shared ? 'shared with the host' : 'its own'}: container ${container}, host ${host}${second === undefined ? '' : `, second container ${second}`}`;
}

export const namespaces = definePresentation({
  text,
  headlines(facts, lang) {
    const t = (en: string, zh: string) => (lang === 'zh' ? zh : en);
    const own = read.strings(facts.privateFromHost);
    const shared = read.strings(facts.sharedWithHost);
    const uidInside = read.number(facts.uidInside);
    const uidOnHost = read.number(facts.uidOnHost);
    const joined = read.boolean(facts.sharedNetNamespaceMatches);
    return [
      own
        ? {
            facts: ['privateFromHost'],
            value: own.join(' '),
            caption: t('namespaces of its own', '它自己独有的命名空间'),
          }
        : undefined,
      shared
        ? {
            facts: ['sharedWithHost'],
            value: shared.length ? shared.join(' ') : t('none', '无'),
            caption: t('namespaces shared with the host', '与宿主机共用的命名空间'),
          }
        : undefined,
      uidInside !== undefined && uidOnHost !== undefined
        ? {
            facts: ['uidInside', 'uidOnHost'],
            value: `uid ${uidInside} → ${uidOnHost}`,
            caption: t('root inside, as the host sees it', '容器里的 root，在宿主机眼里是谁'),
          }
        : undefined,
      joined !== undefined
        ? {
            facts: ['sharedNetNamespaceMatches'],
            value: joined ? t('one network', '同一个网络') : t('two networks', '两个网络'),
            caption: t(
              '--network container: joins the first one’s net namespace',
              '--network container: 加入第一个容器的网络命名空间',
            ),
          }
        : undefined,
    ].filter((card) => card !== undefined);
  },
  units: Object.fromEntries(
    ['pid', 'net', 'mnt', 'uts', 'ipc', 'user', 'cgroup', 'time'].map((type) => [`${type}Namespace`, inodes]),
  ),
});
