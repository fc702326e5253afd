import type { RevealApi, RevealPlugin } from 'reveal.js';
import { type Lang, otherLang, switchUrl, ui } from '../deck/lang.ts';
import { isPrintView } from '../deck/print.ts';

/**
 * A small link in the top-right corner, on every slide, that reloads the deck in the other
 * language on the same slide (ids are shared, so `#/<slide id>` keeps the place). `L` does the
 * same from the keyboard.
 */
export function LangSwitch(lang: Lang): RevealPlugin {
  return {
    id: 'lang-switch',
    init(deck: RevealApi) {
      // nothing to click in a printout or in the speaker view's slide previews (`?receiver`)
      if (isPrintView(deck) || deck.isSpeakerNotes()) return;
      const target = otherLang(lang);
      const link = document.createElement('a');
      link.className = 'wharf-lang';
      link.lang = target === 'zh' ? 'zh-CN' : 'en';
      link.textContent = ui[lang].switchTo;
      link.title = ui[lang].switchLabel;
      link.setAttribute('aria-label', ui[lang].switchLabel);

      const href = () => switchUrl(window.location, target, deck.getCurrentSlide()?.id ?? '');
      const refresh = () => link.setAttribute('href', href());
      const go = () => window.location.assign(href());

      link.addEventListener('click', (event) => {
        event.preventDefault();
        go();
      });
      deck.on('ready', refresh);
      deck.on('slidechanged', refresh);
      deck.addKeyBinding({ keyCode: 76, key: 'L', description: ui[lang].switchLabel }, go);
      deck.getRevealElement()?.append(link);
    },
  };
}
