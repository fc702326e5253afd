import type { RevealApi, RevealPlugin } from 'reveal.js';
import type { Lang } from '../../deck/lang.ts';
import { printRequested } from '../../deck/print.ts';
import { openRunnerSession } from './session.ts';

/**
 * Adds a lab pane to every slide marked `data-lab="<id>"`. Live runs go through the local runner
 * that `npm start` serves, from a tab opened with the link it printed; a static build, the PDF and
 * a tab without that link show each lab's last recording instead. A lab's steps are the slide's
 * fragments: → walks through them, in print each gets its own page. The myth slides' charts draw
 * from the same recordings, and from this tab's live runs.
 *
 * The panes, the charts and every lab's words load after the first slide is on screen (they are
 * most of the deck's script); only print, which lays out every page at once, waits for them.
 */
/** `onMounted` hears when the panes are in place, or why they could not be. */
export function LabRunner(
  lang: Lang,
  runnerKey: string | undefined,
  onMounted: (error?: unknown) => void,
): RevealPlugin {
  return {
    id: 'wharf-lab-runner',
    async init(deck: RevealApi) {
      const printing = printRequested();
      const access = printing ? { kind: 'none' as const } : await openRunnerSession(runnerKey);
      const mount = async () => {
        const { mountLabs } = await import('./mount.ts');
        await mountLabs(deck, lang, access, printing);
        onMounted();
      };
      if (printing) await mount();
      else deck.on('ready', () => void mount().catch(onMounted));
    },
  };
}
