import type { RevealApi } from 'reveal.js';
import type { Lang } from '../../deck/lang.ts';
import { drawMythCharts } from './myth-charts.ts';
import { LabPane } from './pane.ts';
import type { RunnerAccess } from './session.ts';
import './lab-runner.css';

const R_KEY = 82;

/**
 * Puts a lab pane on every slide marked `data-lab="<id>"` and draws the myth slides' charts. In
 * print every pane shows its recording before this resolves; on screen the slide being shown goes
 * first, then every other lab's recording, so a lab slide's steps (its fragments) are known before
 * the presenter arrives on it.
 */
export async function mountLabs(deck: RevealApi, lang: Lang, access: RunnerAccess, printing: boolean): Promise<void> {
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
  const root = deck.getRevealElement();
  if (root) await drawMythCharts(root, lang, access);
  if (printing) {
    await Promise.all([...panes.values()].map((pane) => pane.showInitial()));
    return;
  }
  const reveal = (slide: Element | undefined) => slide && panes.get(slide)?.showInitial();
  await reveal(deck.getCurrentSlide());
  deck.on('slidechanged', (event) => void reveal((event as unknown as { currentSlide: Element }).currentSlide));
  if (access.kind === 'session') {
    // Only a key the person pressed: reveal's triggerKey (its postMessage API, the speaker view)
    // calls bindings with a plain object, never a trusted event.
    deck.addKeyBinding(
      { keyCode: R_KEY, key: 'R', description: 'Run or stop the lab on this slide' },
      (event?: Event) => {
        if (event?.isTrusted === true) void panes.get(deck.getCurrentSlide())?.toggle();
      },
    );
  }
  await Promise.all([...panes.values()].map((pane) => pane.showInitial()));
}
