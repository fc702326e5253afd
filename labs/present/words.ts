import type { EngineGone } from '../kit/core/events.ts';
import { type Said, sentence } from '../kit/core/text.ts';
import { englishWords, type Words } from '../kit/core/words.ts';
import { presentations, texts } from './index.ts';
import { factLabel, factValue } from './translate.ts';
import type { Lang } from './types.ts';

function chineseEngineGone(gone: EngineGone, say: (said: Said) => string) {
  const when =
    gone.phase === 'cleanup'
      ? '清理时'
      : gone.phase === 'step' && gone.step
        ? `在“${say(gone.step)}”这一步`
        : '在第一步开始之前';
  return {
    message: `容器引擎（${gone.host}）${when}停止了响应。`,
    hint:
      `可能遗留的：这次运行创建的引擎对象（标签 wharf.run=${gone.runLabel}），其中的容器会随引擎一起停止。` +
      '请重新启动引擎：下一次运行实验时会自动删除它们。',
  };
}

/**
 * A lab's words in a language, for the terminal and the deck's lab pane: the same tables the deck's
 * lab slides use. Nothing here needs Node, so the deck bundles it.
 */
export function wordsFor(labId: string, lang: Lang): Words {
  const presentation = presentations[labId];
  const text = texts[labId];
  const base: Words = {
    ...englishWords(text),
    title: text?.[lang].title ?? labId,
    shows: text?.[lang].shows ?? '',
    say: (said) => sentence(text, lang, said),
    factLabel: (key) => factLabel(presentation, text, lang, key),
    factValue: (key, value, max) => factValue(presentation, text, lang, key, value, max),
  };
  if (lang !== 'zh') return base;
  return {
    ...base,
    cleanedUp: (count) => `已清理：删除了 ${count} 个引擎对象`,
    leftBehind: '遗留',
    done: (seconds) => `完成，用时 ${seconds} 秒`,
    sweptEarlier: (count, pids) => `已删除之前已结束的运行（pid ${pids.join('、')}）遗留的 ${count} 个对象`,
    notCleanedUp: '未能清理：容器引擎没有响应',
    engineGone: (gone) => chineseEngineGone(gone, base.say),
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
