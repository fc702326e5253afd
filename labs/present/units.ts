import type { FactValue } from '../kit/core/events.ts';
import type { Lang } from './types.ts';

/** Binary units for limits (48 MiB is what --memory 48m sets), decimal for sizes (as docker images prints). */
export function mib(bytes: number): string {
  return `${Number((bytes / 2 ** 20).toFixed(1))} MiB`;
}

export function size(bytes: number): string {
  if (bytes < 1000) return `${bytes} B`;
  if (bytes < 1e6) return `${(bytes / 1e3).toFixed(1)} kB`;
  return `${(bytes / 1e6).toFixed(2)} MB`;
}

export function ms(value: number): string {
  return value >= 1000 ? `${(value / 1000).toFixed(2)} s` : `${Math.round(value)} ms`;
}

export const yes = (value: boolean, lang: Lang) => (lang === 'zh' ? (value ? '是' : '否') : value ? 'yes' : 'no');

const isNumber = (value: FactValue | undefined): value is number => typeof value === 'number' && Number.isFinite(value);
const isString = (value: FactValue | undefined): value is string => typeof value === 'string';
const isBoolean = (value: FactValue | undefined): value is boolean => typeof value === 'boolean';

/** Reads facts by type; a missing or mistyped fact is undefined, so its card is left out. */
export const read = {
  number: (value: FactValue | undefined) => (isNumber(value) ? value : undefined),
  string: (value: FactValue | undefined) => (isString(value) ? value : undefined),
  boolean: (value: FactValue | undefined) => (isBoolean(value) ? value : undefined),
  strings: (value: FactValue | undefined) =>
    Array.isArray(value) && value.every(isString) ? (value as string[]) : undefined,
  record: (value: FactValue | undefined) =>
    value !== null && typeof value === 'object' && !Array.isArray(value)
      ? (value as Record<string, FactValue>)
      : undefined,
};

/**
 * Any fact value as one readable line: numbers and strings as they are, yes/no for booleans, lists
 * joined, objects as `key value` pairs; long text is cut with an ellipsis.
 */
export function factText(value: FactValue, lang: Lang, max = 80): string {
  const text = (v: FactValue): string => {
    if (v === null) return '—';
    if (typeof v === 'boolean') return yes(v, lang);
    if (typeof v === 'number' || typeof v === 'string') return String(v);
    if (Array.isArray(v)) return v.map(text).join(', ');
    return Object.entries(v)
      .map(([key, inner]) => `${key} ${text(inner)}`)
      .join(' · ');
  };
  const line = text(value);
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
}
