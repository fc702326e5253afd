import Reveal from 'reveal.js';
import Notes from 'reveal.js/plugin/notes';
import 'reveal.js/reveal.css';
import 'reveal.js/theme/black.css';

const deck = new Reveal({ hash: true, plugins: [Notes] });
void deck.initialize();
