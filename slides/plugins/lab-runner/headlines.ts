import type { LabPresentation } from '../../../labs/present/index.ts';
import type { Lang } from '../../deck/lang.ts';
import type { Facts } from './types.ts';

/** A number stays on the line of the unit or word after it ("1.99 MB", "48 MiB", "128 + 9"). */
export const keepUnits = (text: string) =>
  text.replace(/(\d) ([+×=/-]) (?=\d)/g, '$1\u00a0$2\u00a0').replace(/(\d) (?=[^\s\d])/g, '$1\u00a0');

/** A command-line option ("--user", "--cap-drop") is one word: the browser would break it after a hyphen. */
function unbrokenOptions(text: string): Node[] {
  return text.split(/((?<![\w-])--?[A-Za-z][\w-]*)/).map((part, i) => {
    if (i % 2 === 0) return document.createTextNode(part);
    const option = document.createElement('span');
    option.className = 'lab-nb';
    option.textContent = part;
    return option;
  });
}

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
      value.append(...unbrokenOptions(keepUnits(card.value)));
      const caption = document.createElement('span');
      caption.append(...unbrokenOptions(keepUnits(card.caption)));
      element.append(value, caption);
      return element;
    }),
  );
}
