import type { FactValue } from '../kit/core/events.ts';
import type { LabPresentation, Lang } from './types.ts';
import { factText } from './units.ts';

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
  const exact = new Map(Object.entries(presentation.zh.text).filter(([key]) => !key.includes('{')));
  const templates = Object.entries(presentation.zh.text)
    .filter(([key]) => key.includes('{'))
    .map(([key, translation]) => compile(key, translation));
  return (english) => {
    const known = exact.get(english);
    if (known !== undefined) return known;
    for (const template of templates) {
      const match = template.pattern.exec(english);
      if (!match) continue;
      return template.names.reduce(
        (text, name, i) => text.replaceAll(`{${name}}`, match[i + 1]!),
        template.translation,
      );
    }
    return english;
  };
}

/** A fact's label in the language on screen (the lab's English label when there is no translation). */
export function factLabel(presentation: LabPresentation | undefined, lang: Lang, key: string, english: string): string {
  return lang === 'zh' ? (presentation?.zh.facts[key] ?? english) : english;
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
