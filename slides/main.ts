import Reveal from 'reveal.js';
import Markdown from 'reveal.js/plugin/markdown';
import Notes from 'reveal.js/plugin/notes';
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
import { LangSwitch } from './plugins/lang-switch.ts';

async function start(): Promise<void> {
  performance.mark('wharf:start');
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
    plugins: [Markdown, Diagrams(lang), LabRunner(lang), LangSwitch(lang), Notes, ...(highlight ? [highlight] : [])],
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
