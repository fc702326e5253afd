import Reveal from 'reveal.js';
import Markdown from 'reveal.js/plugin/markdown';
import 'reveal.js/reveal.css';
// serif is the one light base theme that neither embeds ~430 kB of fonts nor @imports web fonts;
// theme/wharf.css replaces its fonts and colours anyway.
import 'reveal.js/theme/serif.css';
import './theme/wharf.css';
import './theme/diagrams.css';
import './theme/code.css';
import { chapterSection, loadChapters } from './deck/chapters.ts';
import { highlightPlugin } from './deck/highlight.ts';
import { htmlLang, langFromUrl, ui } from './deck/lang.ts';
import { printRequested } from './deck/print.ts';
import { createStatus } from './deck/status.ts';
import { Diagrams } from './plugins/diagrams.ts';
import { LabRunner } from './plugins/lab-runner/index.ts';
import { isSpeakerPreview, takeRunnerKey } from './plugins/lab-runner/session.ts';
import { LangSwitch } from './plugins/lang-switch.ts';

/**
 * reveal.js's postMessage API obeys any window that holds a reference to the deck, whatever its
 * origin. Only the speaker view's previews need it, and they are driven from the deck's own origin:
 * everything else is dropped before reveal sees it.
 */
function acceptMessagesFromOwnOriginOnly(): void {
  window.addEventListener(
    'message',
    (event) => {
      if (event.origin !== window.location.origin) event.stopImmediatePropagation();
    },
    { capture: true },
  );
}

async function start(): Promise<void> {
  performance.mark('wharf:start');
  // Before reveal reads the hash as a slide id.
  const runnerKey = takeRunnerKey();
  const speakerPreview = isSpeakerPreview();
  if (speakerPreview) acceptMessagesFromOwnOriginOnly();
  const lang = langFromUrl();
  const status = createStatus(lang);
  document.documentElement.lang = htmlLang[lang];
  document.title = ui[lang].title;

  const slides = document.querySelector('.reveal .slides');
  if (!slides) throw new Error('index.html lacks .reveal .slides');
  const printing = printRequested();
  const [chapters, highlight] = await Promise.all([
    loadChapters(lang),
    printing ? highlightPlugin() : Promise.resolve(null),
  ]);
  slides.replaceChildren(...chapters.map(chapterSection));
  performance.mark('wharf:chapters');

  const deck = new Reveal({
    width: 1280,
    height: 720,
    margin: 0.04,
    hash: true,
    // Every slide is a fixed 720 px tall box (theme/wharf.css), so centring keeps it at the top;
    // centre mode is also what lets auto-animate measure SVG groups (it uses getBoundingClientRect).
    center: true,
    transition: 'slide',
    slideNumber: 'c/t',
    showNotes: false,
    markdown: { smartypants: false },
    // Off in the deck itself: another site could open it and drive it (triggerKey) through this API.
    postMessage: speakerPreview,
    postMessageEvents: speakerPreview,
    plugins: [
      Markdown,
      Diagrams(lang),
      LabRunner(lang, runnerKey, (error) => {
        if (error === undefined) status.labs = true;
        else {
          status.error = `The lab panes could not load: ${error instanceof Error ? error.message : String(error)}`;
          console.error(status.error);
        }
      }),
      LangSwitch(lang),
      ...(highlight ? [highlight] : []),
    ],
  });
  status.reveal = deck;

  deck.on('pdf-ready', () => {
    status.printReady = true;
  });
  await deck.initialize();
  performance.mark('wharf:ready');
  status.ready = true;
  status.readyMs = Math.round(performance.now());
  document.documentElement.dataset.deck = 'ready';

  // The speaker view (S) is for the presenter, not the first slide: it loads right after.
  deck.registerPlugin((await import('reveal.js/plugin/notes')).default());
  if (highlight) {
    status.highlighted = true;
  } else {
    deck.registerPlugin(await highlightPlugin());
    status.highlighted = true;
  }
}

start().catch((error: unknown) => {
  const message = error instanceof Error ? error.message : String(error);
  if (window.wharfDeck) window.wharfDeck.error = message;
  console.error('Wharf deck failed to start:', error);
});
