import type { RevealApi, RevealPlugin } from 'reveal.js';
import type { Lang } from '../../deck/lang.ts';
import { printRequested } from '../../deck/print.ts';
import { RunnerClient } from './client.ts';
import { LabPane } from './pane.ts';
import './lab-runner.css';

const R_KEY = 82;

/**
 * Adds a lab pane to every slide marked `data-lab="<id>"`. Live runs go through the local runner
 * that `npm start` serves; a static build or the PDF shows each lab's last recording instead.
 */
export function LabRunner(lang: Lang): RevealPlugin {
  return {
    id: 'wharf-lab-runner',
    init(deck: RevealApi) {
      const client = RunnerClient.fromPage();
      const panes = new Map<Element, LabPane>();
      for (const slide of deck.getSlidesElement()?.querySelectorAll<HTMLElement>('section[data-lab]') ?? []) {
        const pane = new LabPane(slide.dataset.lab ?? '', lang, client);
        slide.append(pane.element);
        panes.set(slide, pane);
      }
      const current = () => panes.get(deck.getCurrentSlide());
      const reveal = (slide: Element | undefined) => void (slide && panes.get(slide)?.showInitial());

      if (printRequested()) {
        return Promise.all([...panes.values()].map((pane) => pane.showInitial())).then(() => undefined);
      }
      deck.on('ready', () => reveal(deck.getCurrentSlide()));
      deck.on('slidechanged', (event) => reveal((event as unknown as { currentSlide: Element }).currentSlide));
      if (client) {
        deck.addKeyBinding({ keyCode: R_KEY, key: 'R', description: 'Run or stop the lab on this slide' }, () => void current()?.toggle());
      }
      return undefined;
    },
  };
}
