import { processes as text } from '../text/processes.ts';
import { definePresentation } from './types.ts';
import { read } from './units.ts';

export const processes = definePresentation({
  text,
  headlines(facts, lang) {
    const t = (en: string, zh: string) => (lang === 'zh' ? zh : en);
    const inside = read.number(facts.pidInside);
    const host = read.number(facts.hostPid);
    const keeper = read.string(facts.keeperProcess);
    const shared = read.boolean(facts.pidNamespaceShared);
    const exit = read.number(facts.exitCode);
    return [
      inside !== undefined && host !== undefined
        ? {
            facts: ['pidInside', 'hostPid'],
            value: `${inside} ↔ ${host}`,
            caption: t('the same sleep: its PID inside ↔ on the host', '同一个 sleep：容器内的 PID ↔ 宿主机上的 PID'),
          }
        : undefined,
      shared !== undefined
        ? {
            facts: ['pidNamespaceShared'],
            value: shared ? t('shared', '共享') : t('its own', '独立'),
            caption: t('PID namespace, compared with the host’s', 'PID 命名空间（与宿主机相比）'),
          }
        : undefined,
      keeper
        ? {
            facts: ['keeperProcess'],
            value: keeper,
            caption: t(
              'its parent on the host: the runtime shim, not the daemon',
              '它在宿主机上的父进程：运行时 shim，而不是守护进程',
            ),
          }
        : undefined,
      exit !== undefined
        ? {
            facts: ['exitCode'],
            value: String(exit),
            caption: t(
              'exit code after docker stop: 128 + 9 (SIGKILL)',
              'docker stop 之后的退出码：128 + 9（SIGKILL）',
            ),
          }
        : undefined,
    ].filter((card) => card !== undefined);
  },
});
