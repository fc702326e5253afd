import { security as text } from '../text/security.ts';
import { definePresentation } from './types.ts';
import { read } from './units.ts';

export const security = definePresentation({
  text,
  headlines(facts, lang) {
    const t = (en: string, zh: string) => (lang === 'zh' ? zh : en);
    const asRoot = read.number(facts.hostOwnerAsRoot);
    const asUser = read.number(facts.hostOwnerAsUser1000);
    const caps = read.strings(facts.defaultCapabilities);
    const hostCaps = read.number(facts.hostRootCapabilityCount);
    const chownFailed = read.boolean(facts.chownCapDropAllFailed);
    const readOnly = read.boolean(facts.readOnlyWriteFailed);
    const tmpfs = read.boolean(facts.tmpfsWriteOk);
    return [
      asRoot !== undefined
        ? {
            facts: ['hostOwnerAsRoot'],
            value: `uid ${asRoot}`,
            caption: t(
              `host owner of the file container root wrote${asUser !== undefined ? ` (uid ${asUser} with --user 1000)` : ''}`,
              `容器里 root 写的文件在宿主机上的属主${asUser !== undefined ? `（--user 1000 时为 uid ${asUser}）` : ''}`,
            ),
          }
        : undefined,
      caps && hostCaps !== undefined
        ? {
            facts: ['defaultCapabilities', 'hostRootCapabilityCount'],
            value: t(`${caps.length} of ${hostCaps}`, `${hostCaps} 项中的 ${caps.length} 项`),
            caption: t('capabilities root keeps in a default container', '默认容器里 root 保留的能力（capabilities）'),
          }
        : undefined,
      chownFailed !== undefined
        ? {
            facts: ['chownCapDropAllFailed'],
            value: chownFailed ? t('chown denied', 'chown 被拒') : t('chown allowed', 'chown 成功'),
            caption: t('uid 0 with --cap-drop ALL', '--cap-drop ALL 下的 uid 0'),
          }
        : undefined,
      readOnly !== undefined
        ? {
            facts: ['readOnlyWriteFailed', 'tmpfsWriteOk'],
            value: readOnly ? t('read-only', '只读') : t('writable', '可写'),
            caption: t(
              `root filesystem with --read-only${tmpfs ? '; the tmpfs stays writable' : ''}`,
              `--read-only 下的根文件系统${tmpfs ? '；tmpfs 仍可写' : ''}`,
            ),
          }
        : undefined,
    ].filter((card) => card !== undefined);
  },
});
