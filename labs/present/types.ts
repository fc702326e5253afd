// How a lab's results are presented to a room: its words (labs/text/), headline facts and units.
// Imported by the deck as well as the terminal, so nothing here may need Node.
import type { Facts, FactValue } from '../kit/core/events.ts';
import type { LabText, Lang } from '../kit/core/text.ts';

export type { Lang };

/** One big card on a lab slide: a value in human units and what it means. */
export interface Headline {
  /** The fact keys this card shows, so tests can check the facts are really there. */
  facts: string[];
  value: string;
  caption: string;
}

export interface LabPresentation {
  /** What the lab says, in every language: the same table the lab file imports. */
  text: LabText;
  /** Three to five cards, from what the lab observed; a card whose facts are missing is left out. */
  headlines(facts: Facts, lang: Lang): Headline[];
  /** Facts that read better in units than as raw numbers (bytes, microseconds), by fact key. */
  units?: Record<string, (value: FactValue, lang: Lang) => string | undefined>;
}

export const definePresentation = (presentation: LabPresentation) => presentation;
