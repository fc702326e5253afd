import type { RevealApi, RevealPlugin } from 'reveal.js';
import type { Lang } from '../../deck/lang.ts';
import { printRequested } from '../../deck/print.ts';
import { drawMythCharts } from './myth-charts.ts';
import { LabPane } from './pane.ts';
import { openRunnerSession } from './session.ts';
import './lab-runner.css';

const R_KEY = 82;

/**
 * Adds a lab pane to every slide marked `data-lab="<id>"`. Live runs go through the local runner
 * that `npm start` serves, from a tab opened with the link it printed; a static build, the PDF and
 * a tab without that link show each lab's last recording instead. A lab's steps are the slide's
 * fragments: → walks through them, in print each gets its own page. The myth slides' charts draw
 * from the same recordings, and from this tab's live runs.
 */
export function LabRunner(lang: Lang, runnerKey: string | undefined): RevealPlugin {
  return {
    id: 'wharf-lab-runner',
    async init(deck: RevealApi) {
      const printing = printRequested();
      const access = printing ? { kind: 'none' as const } : await openRunnerSession(runnerKey);
      const panes = new Map<Element, LabPane>();
      for (const slide of deck.getSlidesElement()?.querySelectorAll<HTMLElement>('section[data-lab]') ?? []) {
        const stepsChanged = (latest: number, live: boolean) => {
          deck.syncFragments(slide);
          // A live run follows its newest step while the presenter is on its slide.
          if (live && deck.getCurrentSlide() === slide) deck.navigateFragment(latest - 1);
        };
        const pane = new LabPane(slide.dataset.lab ?? '', lang, access, stepsChanged);
        slide.append(pane.element);
        panes.set(slide, pane);
      }
      // Before reveal lays out the slides: a chart is part of its slide, like a diagram.
      const root = deck.getRevealElement();
      if (root) await drawMythCharts(root, lang, access);
      if (printing) {
        await Promise.all([...panes.values()].map((pane) => pane.showInitial()));
        return;
      }
      const current = () => panes.get(deck.getCurrentSlide());
      const reveal = (slide: Element | undefined) => void (slide && panes.get(slide)?.showInitial());
      // The slide on screen first, then every other lab's recording once the deck is up: a lab
      // slide's steps (its fragments) are then known before the presenter arrives on it.
      deck.on('ready', () => {
        reveal(deck.getCurrentSlide());
        void Promise.all([...panes.values()].map((pane) => pane.showInitial()));
      });
      deck.on('slidechanged', (event) => reveal((event as unknown as { currentSlide: Element }).currentSlide));
      if (access.kind === 'session') {
        // Only a key the person pressed: reveal's triggerKey (its postMessage API, the speaker view)
        // calls bindings with a plain object, never a trusted event.
        deck.addKeyBinding(
          { keyCode: R_KEY, key: 'R', description: 'Run or stop the lab on this slide' },
          (event?: Event) => {
            if (event?.isTrusted === true) void current()?.toggle();
          },
        );
      }
    },
  };
}
