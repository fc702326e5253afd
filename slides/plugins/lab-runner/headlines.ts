import type { LabPresentation } from '../../../labs/present/index.ts';
import type { Lang } from '../../deck/lang.ts';
import type { Facts } from './types.ts';

/** A number stays on the line of the unit or word after it ("1.99 MB", "48 MiB", "128 + 9"). */
export const keepUnits = (text: string) => text.replace(/(\d) (?=[^\s\d])/g, '$1\u00a0');

/** The lab's headline facts as cards: a big value in human units and what it means. */
export function renderHeadlines(
  host: HTMLElement,
  presentation: LabPresentation | undefined,
  facts: Facts,
  lang: Lang,
): void {
  const cards = presentation?.headlines(facts, lang) ?? [];
  host.replaceChildren(
    ...cards.map((card) => {
      const element = document.createElement('div');
      element.className = 'lab-headline';
      element.dataset.facts = card.facts.join(' ');
      const value = document.createElement('strong');
      value.textContent = keepUnits(card.value);
      const caption = document.createElement('span');
      caption.textContent = keepUnits(card.caption);
      element.append(value, caption);
      return element;
    }),
  );
}
