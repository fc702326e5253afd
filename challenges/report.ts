import { styleText } from 'node:util';
import type { Challenge, CheckLine, Lang, Setting } from './challenge.ts';
import { challenges } from './index.ts';
import { describeError } from './kit.ts';

// node:util's styleText rather than chalk: the check path stays free of zx, and starts faster.
type Style = Parameters<typeof styleText>[0];
const paint = (style: Style) => (text: string) =>
  process.stdout.isTTY && !process.env.NO_COLOR ? styleText(style, text) : text;
const ink = {
  bold: paint('bold'),
  dim: paint('dim'),
  green: paint('green'),
  red: paint('red'),
  yellow: paint('yellow'),
  greenBold: paint(['green', 'bold']),
};

const WORDS = {
  en: {
    task: 'Task',
    names: 'Names to use',
    hint: 'Hint',
    of: 'of',
    lastHint: 'That was the last hint: --solution shows one way to do it.',
    solution: 'One solution',
    check: 'When done',
    slide: 'slide',
    answer: 'answer',
  },
  zh: {
    task: '任务',
    names: '要用的名字',
    hint: '提示',
    of: '/',
    lastHint: '这是最后一条提示：--solution 会给出一种做法。',
    solution: '一种解法',
    check: '完成后',
    slide: '幻灯片',
    answer: '答案',
  },
} as const;

const namesOf = (c: Challenge) => [
  ...(c.names.containers ?? []).map((n) => `container ${n}`),
  ...(c.names.volumes ?? []).map((n) => `volume ${n}`),
  ...[...(c.names.images ?? [])].sort().map((n) => `image ${n}`),
];

export function listText(lang: Lang): string {
  return challenges
    .map((c) => `${ink.bold(c.id.padEnd(15))} ${c.title[lang]} ${ink.dim(`(${c.slide.chapter})`)}`)
    .join('\n');
}

export function taskText(c: Challenge, setting: Setting, lang: Lang): string {
  const w = WORDS[lang];
  const answer = c.answer ? ` <${c.answer[lang]}>` : '';
  return [
    ink.bold(`${c.title[lang]}  ${ink.dim(`[${c.id}] · ${w.slide} ${c.slide.chapter} › ${c.slide.id}`)}`),
    '',
    c.task(setting)[lang],
    '',
    `${ink.bold(w.names)}: ${namesOf(c).join(', ')}  ${ink.dim(`(CLI: ${setting.cli}, image: wharf/base)`)}`,
    `${ink.bold(w.check)}: npm run check -- ${c.id}${answer}   ·   --hint   ·   --solution   ·   --reset`,
  ].join('\n');
}

export function hintText(c: Challenge, index: number, last: boolean, text: string, lang: Lang): string {
  const w = WORDS[lang];
  return `${ink.yellow(`${w.hint} ${index + 1} ${w.of} ${c.hints.length}`)}: ${text}${last ? `\n${ink.dim(w.lastHint)}` : ''}`;
}

export function solutionText(c: Challenge, setting: Setting, lang: Lang): string {
  const w = WORDS[lang];
  const answer = c.answer ? `\nnpm run check -- ${c.id} <${c.answer[lang]}>` : '';
  return `${ink.bold(w.solution)} (${setting.cli}):\n${c
    .solution(setting)
    .map((l) => `  ${l}`)
    .join('\n')}${answer}`;
}

/** A check's verdict for a person: one line per thing looked at, a hint and a slide under each miss. */
export function verdictText(c: Challenge, lines: CheckLine[]): string {
  const out = lines.map((l) => {
    if (l.ok) return `${ink.green('✔')} ${l.what}`;
    const under = [
      l.hint && `    ${ink.yellow(l.hint)}`,
      l.slide && ink.dim(`    see slide ${l.slide.chapter} › ${l.slide.id}`),
    ].filter(Boolean);
    return [`${ink.red('✘')} ${l.what}`, ...under].join('\n');
  });
  const misses = lines.filter((l) => !l.ok).length;
  out.push(
    '',
    misses === 0
      ? ink.greenBold(`Solved: ${c.id}.`)
      : ink.red(`${misses} thing${misses === 1 ? '' : 's'} to fix. (npm run challenge -- ${c.id} --hint)`),
  );
  return out.join('\n');
}

/** An error for a person: the message and what to do, never a stack trace (WHARF_DEBUG=1 shows it). */
export function printFatal(error: unknown): void {
  const { message, hint } = describeError(error);
  process.stderr.write(`${ink.red('✘')} ${message}\n${hint ? `${hint}\n` : ''}`);
  if (process.env.WHARF_DEBUG && error instanceof Error) process.stderr.write(`${error.stack}\n`);
}
