import type { FactValue } from './events.ts';

/**
 * The words a lab's output is told in. Commands and engine output are printed as they are; step
 * titles, notes, fact labels and values and the runner's own phrases go through these, so the
 * terminal can tell a lab in Chinese (labs/present/words.ts) as the deck does.
 */
export interface Words {
  translate(english: string): string;
  factLabel(key: string, english: string): string;
  factValue(key: string, value: FactValue): string;
  cleanedUp(count: number): string;
  leftBehind: string;
  done(seconds: string): string;
}

export const englishWords: Words = {
  translate: (english) => english,
  factLabel: (_key, english) => english,
  factValue: (_key, value) => (typeof value === 'string' ? value : JSON.stringify(value)),
  cleanedUp: (count) => `cleaned up: ${count} engine object${count === 1 ? '' : 's'} removed`,
  leftBehind: 'left behind',
  done: (seconds) => `done in ${seconds} s`,
};
