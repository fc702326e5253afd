import type { FactValue, LabEvent } from './types.ts';

const MAX_VALUE_CHARS = 48;

function short(value: FactValue): string {
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return text.length > MAX_VALUE_CHARS ? `${text.slice(0, MAX_VALUE_CHARS - 1)}…` : text;
}

/** The compact summary shown beside the terminal: each observed fact's label and value. */
export function renderFacts(container: HTMLElement, events: LabEvent[]): void {
  const list = document.createElement('dl');
  for (const event of events) {
    if (event.type !== 'fact') continue;
    const term = document.createElement('dt');
    term.textContent = event.label;
    const value = document.createElement('dd');
    value.textContent = short(event.value);
    value.title = typeof event.value === 'string' ? event.value : JSON.stringify(event.value);
    list.append(term, value);
  }
  container.replaceChildren(list);
}
