import type { FactValue } from '../kit/core/events.ts';
import type { LabPresentation, Lang } from './types.ts';
import { factText } from './units.ts';

/** What the kit itself may say in any lab (the base image, where the engine runs), in Chinese. */
const KIT_TEXT_ZH: Record<string, string> = {
  'Built {image} from the vendored busybox (no registry needed).':
    '已用仓库自带的 busybox 构建 {image}（不需要镜像仓库）。',
  'The engine runs elsewhere ({product} on "{host}", via {via}).':
    '引擎运行在别处（{product}，主机名 "{host}"，经由 {via}）。',
  "The engine runs on this machine (a local unix socket, and it reports this host's name, {host}).":
    '引擎就运行在本机（本地 unix 套接字，且它报告的主机名就是本机的 {host}）。',
};

interface Template {
  pattern: RegExp;
  names: string[];
  translation: string;
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function compile(key: string, translation: string): Template {
  const names: string[] = [];
  const source = key
    .split(/(\{\w+\})/)
    .map((part) => {
      const name = /^\{(\w+)\}$/.exec(part)?.[1];
      if (!name) return escapeRegExp(part);
      names.push(name);
      return '(.+?)';
    })
    .join('');
  return { pattern: new RegExp(`^${source}$`, 's'), names, translation };
}

/**
 * A function from the lab's English (a step title, a note) to the language on screen. Keys may hold
 * `{name}` for a value the lab filled in: "{started} sleeps plus the shell" matches "15 sleeps plus
 * the shell", and the translation gets the same 15. Text without a translation stays English.
 */
export function translator(presentation: LabPresentation | undefined, lang: Lang): (english: string) => string {
  if (lang === 'en' || !presentation) return (english) => english;
  const table = { ...KIT_TEXT_ZH, ...presentation.zh.text };
  const exact = new Map(Object.entries(table).filter(([key]) => !key.includes('{')));
  const templates = Object.entries(table)
    .filter(([key]) => key.includes('{'))
    .map(([key, translation]) => compile(key, translation));
  // A value filled into a sentence may be a phrase of its own ("Not compared: {why}."), so it goes
  // through the same tables; a number or a name has no entry and stays as it is.
  const translate = (english: string): string => {
    const known = exact.get(english);
    if (known !== undefined) return known;
    for (const template of templates) {
      const match = template.pattern.exec(english);
      if (!match) continue;
      return template.names.reduce(
        (text, name, i) => text.replaceAll(`{${name}}`, translate(match[i + 1]!)),
        template.translation,
      );
    }
    return english;
  };
  return translate;
}

/** A unit in brackets at the end of a label: "Measured over (ms)", "测量时长（毫秒）". */
const UNIT_IN_LABEL = /\s*(\((ms|µs|s|×|bytes)\)|（(毫秒|微秒|秒|倍|字节)）)$/;

/**
 * A fact's label in the language on screen (the lab's English label when there is no translation).
 * Where the presentation gives the value its own unit ("2.09 s", "0.50 CPU"), the label's unit goes:
 * "Measured over (ms): 2.09 s" would contradict itself.
 */
export function factLabel(presentation: LabPresentation | undefined, lang: Lang, key: string, english: string): string {
  const label = lang === 'zh' ? (presentation?.zh.facts[key] ?? english) : english;
  return presentation?.units?.[key] ? label.replace(UNIT_IN_LABEL, '') : label;
}

/** A fact's value as a person reads it: in the lab's units where it has them, else as plain text. */
export function factValue(
  presentation: LabPresentation | undefined,
  lang: Lang,
  key: string,
  value: FactValue,
  max?: number,
): string {
  return presentation?.units?.[key]?.(value, lang) ?? factText(value, lang, max);
}
