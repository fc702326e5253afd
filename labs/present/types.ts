// How a lab's results are presented to a room: headline facts and Chinese text. Imported by the
// deck as well as the terminal, so nothing here may need Node.
import type { Facts, FactValue } from '../kit/core/events.ts';

export type Lang = 'en' | 'zh';

/** One big card on a lab slide: a value in human units and what it means. */
export interface Headline {
  /** The fact keys this card shows, so tests can check the facts are really there. */
  facts: string[];
  value: string;
  caption: string;
}

export interface LabPresentation {
  /** Three to five cards, from what the lab observed; a card whose facts are missing is left out. */
  headlines(facts: Facts, lang: Lang): Headline[];
  /**
   * Chinese for the lab's words. `text` is keyed by the English of a step title, note or wait
   * label; `{name}` in a key stands for a value the lab filled in and reappears in the translation.
   * `facts` is keyed by fact key.
   */
  zh: { text: Record<string, string>; facts: Record<string, string> };
  /** Facts that read better in units than as raw numbers (bytes, microseconds), by fact key. */
  units?: Record<string, (value: FactValue, lang: Lang) => string | undefined>;
}

export const definePresentation = (presentation: LabPresentation) => presentation;
