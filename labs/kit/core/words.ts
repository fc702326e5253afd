import type { EngineGone, FactValue } from './events.ts';
import { type LabText, type Said, sentence } from './text.ts';

/**
 * The words a lab's output is told in. Commands and engine output are printed as they are; the
 * lab's title, step titles, notes, fact labels and values and the runner's own phrases go through
 * these, so the terminal tells a lab in Chinese (labs/present/words.ts) as the deck does.
 */
export interface Words {
  title: string;
  shows: string;
  say(said: Said): string;
  factLabel(key: string): string;
  /** `max`: the longest a value may read before it is cut (the terminal asks for 200). */
  factValue(key: string, value: FactValue, max?: number): string;
  cleanedUp(count: number): string;
  leftBehind: string;
  done(seconds: string): string;
  /** One line: what runs whose process ended had left, removed before this run. */
  sweptEarlier(count: number, pids: number[]): string;
  /** Cleanup could not reach the engine. */
  notCleanedUp: string;
  /** The engine stopped answering mid-run: what happened, then what is left and what to do. */
  engineGone(gone: EngineGone): { message: string; hint: string };
}

const plural = (count: number, one: string, many = `${one}s`) => `${count} ${count === 1 ? one : many}`;

/** The English of the fault phrases; the step is named by its title in the lab's text. */
export function englishEngineGone(gone: EngineGone, text?: LabText): { message: string; hint: string } {
  const when =
    gone.phase === 'cleanup'
      ? 'while the lab cleaned up'
      : gone.phase === 'step' && gone.step
        ? `during the step “${sentence(text, 'en', gone.step)}”`
        : 'before the first step';
  return {
    message: `The engine stopped answering at ${gone.host} ${when}.`,
    hint:
      `Probably left behind: what this run had created (engine objects labelled wharf.run=${gone.runLabel}); ` +
      'its containers stop with the engine. Start the engine again: the next lab run removes them.',
  };
}

/** A lab's words in English, values as plain text (labs/present/words.ts adds units and Chinese). */
export function englishWords(text?: LabText): Words {
  return {
    title: text?.en.title ?? '',
    shows: text?.en.shows ?? '',
    say: (said) => sentence(text, 'en', said),
    factLabel: (key) => (text?.en.facts as Record<string, string> | undefined)?.[key] ?? key,
    factValue: (_key, value) => (typeof value === 'string' ? value : JSON.stringify(value)),
    cleanedUp: (count) => `cleaned up: ${plural(count, 'engine object')} removed`,
    leftBehind: 'left behind',
    done: (seconds) => `done in ${seconds} s`,
    sweptEarlier: (count, pids) =>
      pids.length === 1
        ? `removed ${plural(count, 'object')} left by an earlier run that ended (pid ${pids[0]})`
        : `removed ${plural(count, 'object')} left by earlier runs that ended (pids ${pids.join(', ')})`,
    notCleanedUp: 'not cleaned up: the engine is not answering',
    engineGone: (gone) => englishEngineGone(gone, text),
  };
}
