import { network as text } from '../text/network.ts';
import { definePresentation } from './types.ts';
import { read } from './units.ts';

export const network = definePresentation({
  text,
  headlines(facts, lang) {
    const t = (en: string, zh: string) => (lang === 'zh' ? zh : en);
    const ip = read.string(facts.containerIp);
    const gateway = read.string(facts.gateway);
    const none = read.strings(facts.noneInterfaces);
    const status = read.number(facts.status);
    const path = read.string(facts.path);
    return [
      ip
        ? {
            facts: ['containerIp'],
            value: ip,
            caption: t(
              `eth0 on the default bridge${gateway ? `, gateway ${gateway}` : ''}`,
              `默认网桥上的 eth0${gateway ? `，网关 ${gateway}` : ''}`,
            ),
          }
        : undefined,
      none
        ? {
            facts: ['noneInterfaces'],
            value: none.join(' '),
            caption: t('all there is with --network none', '--network none 时仅有的网卡'),
          }
        : undefined,
      status !== undefined && path
        ? {
            facts: ['status', 'path'],
            value: `HTTP ${status}`,
            caption: t(`through the published port: ${path}`, `经由发布的端口：${path}`),
          }
        : undefined,
    ].filter((card) => card !== undefined);
  },
  units: {
    fetchedFrom: (v, lang) =>
      lang === 'zh' ? { 'this machine': '本机', 'the engine host': '引擎所在的主机' }[String(v)] : undefined,
  },
});
