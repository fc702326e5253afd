import type { FactValue } from '../kit/core/events.ts';
import { type LabText, type Said, sentence } from '../kit/core/text.ts';
import type { LabPresentation, Lang } from './types.ts';
import { factText } from './units.ts';

/** A unit in brackets at the end of a label: "Measured over (ms)", "测量时长（毫秒）". */
const UNIT_IN_LABEL = /\s*(\((ms|µs|s|×|bytes)\)|（(毫秒|微秒|秒|倍|字节)）)$/;

/**
 * A fact's label in the language on screen (its key when the lab's text has none). Where the
 * presentation gives the value its own unit ("2.09 s", "0.50 CPU"), the label's unit goes:
 * "Measured over (ms): 2.09 s" would contradict itself.
 */
export function factLabel(
  presentation: LabPresentation | undefined,
  text: LabText | undefined,
  lang: Lang,
  key: string,
): string {
  const label = (text?.[lang].facts as Record<string, string> | undefined)?.[key] ?? key;
  return presentation?.units?.[key] ? label.replace(UNIT_IN_LABEL, '') : label;
}

/** A fact whose value is a sentence by key (why no VM booted): `{ key: 'kit.vmNoQemu' }`. */
const isSaid = (value: FactValue): value is Said =>
  value !== null &&
  typeof value === 'object' &&
  !Array.isArray(value) &&
  typeof value.key === 'string' &&
  Object.keys(value).every((name) => name === 'key' || name === 'values');

/** A fact's value as a person reads it: in the lab's units where it has them, else as plain text. */
export function factValue(
  presentation: LabPresentation | undefined,
  text: LabText | undefined,
  lang: Lang,
  key: string,
  value: FactValue,
  max?: number,
): string {
  const unit = presentation?.units?.[key]?.(value, lang);
  if (unit !== undefined) return unit;
  return isSaid(value) ? sentence(text, lang, value) : factText(value, lang, max);
}
