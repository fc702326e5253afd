import type { StepWords } from './step-view.ts';
import type { LabEvent } from './types.ts';

/** Every fact the run observed, labelled in the language on screen, for the "all facts" panel. */
export function renderAllFacts(
  host: HTMLElement,
  facts: Extract<LabEvent, { type: 'fact' }>[],
  words: StepWords,
): void {
  const list = document.createElement('dl');
  for (const fact of facts) {
    const term = document.createElement('dt');
    term.textContent = words.factLabel(fact.key);
    const value = document.createElement('dd');
    value.textContent = words.factValue(fact.key, fact.value, 160);
    list.append(term, value);
  }
  host.replaceChildren(list);
}
