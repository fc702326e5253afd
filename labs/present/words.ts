import type { Words } from '../kit/core/words.ts';
import { presentations } from './index.ts';
import { factLabel, factValue, translator } from './translate.ts';
import type { Lang } from './types.ts';

/** A lab's words in a language, for the terminal: the same tables the deck's lab slides use. */
export function wordsFor(labId: string, lang: Lang): Words {
  const presentation = presentations[labId];
  const zh = lang === 'zh';
  return {
    translate: translator(presentation, lang),
    factLabel: (key, english) => factLabel(presentation, lang, key, english),
    factValue: (key, value) => factValue(presentation, lang, key, value, 200),
    cleanedUp: (count) =>
      zh ? `已清理：删除了 ${count} 个引擎对象` : `cleaned up: ${count} engine object${count === 1 ? '' : 's'} removed`,
    leftBehind: zh ? '遗留' : 'left behind',
    done: (seconds) => (zh ? `完成，用时 ${seconds} 秒` : `done in ${seconds} s`),
  };
}

/** `--lang`, else the locale (LC_ALL, LC_MESSAGES, LANG): zh_* speaks Chinese, anything else English. */
export function terminalLang(flag: string | undefined, env: NodeJS.ProcessEnv = process.env): Lang {
  if (flag !== undefined) {
    if (flag !== 'en' && flag !== 'zh') throw new Error(`--lang must be en or zh, not "${flag}".`);
    return flag;
  }
  const locale = env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
  return /^zh/i.test(locale) ? 'zh' : 'en';
}
