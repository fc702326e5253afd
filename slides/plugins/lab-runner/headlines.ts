import type { LabPresentation } from '../../../labs/present/index.ts';
import type { Lang } from '../../deck/lang.ts';
import type { Facts } from './types.ts';

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
      value.textContent = card.value;
      const caption = document.createElement('span');
      caption.textContent = card.caption;
      element.append(value, caption);
      return element;
    }),
  );
}
