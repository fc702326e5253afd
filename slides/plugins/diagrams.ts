import type { RevealPlugin } from 'reveal.js';
import type { Lang } from '../deck/lang.ts';
import { diagrams } from '../diagrams/index.ts';

/**
 * Replaces every `<div class="diagram" data-diagram="NAME">` placeholder with its SVG, labelled in
 * the deck's language. Registered after the markdown plugin (plugins start one after the other),
 * so the placeholders exist; runs before reveal lays out the slides.
 */
export function Diagrams(lang: Lang): RevealPlugin {
  return {
    id: 'diagrams',
    init(deck) {
      const root = deck.getRevealElement();
      if (!root) return;
      root.querySelectorAll<HTMLElement>('.diagram[data-diagram]').forEach((el, index) => {
        const name = el.dataset.diagram ?? '';
        const diagram = diagrams.get(name);
        if (!diagram) {
          // Visible on the slide and in the console, so a typo in a chapter cannot go unnoticed.
          el.textContent = `[unknown diagram: ${name}]`;
          el.classList.add('diagram-missing');
          console.error(`Unknown diagram "${name}"`);
          return;
        }
        el.innerHTML = diagram.render({ lang, uid: `dg${index}`, step: el.dataset.step });
        el.classList.add('diagram-rendered');
      });
    },
  };
}
