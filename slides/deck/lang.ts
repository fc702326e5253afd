// The deck speaks two languages; everything language-dependent outside the chapter files lives here.
export const LANGS = ['en', 'zh'] as const;
export type Lang = (typeof LANGS)[number];

export function isLang(value: unknown): value is Lang {
  return typeof value === 'string' && (LANGS as readonly string[]).includes(value);
}

/** `?lang=zh` or `?lang=en`; anything else falls back to English. */
export function langFromUrl(url: URL | Location = window.location): Lang {
  const value = new URLSearchParams(url.search).get('lang');
  return isLang(value) ? value : 'en';
}

/** The value for `<html lang>`: zh-CN makes browsers pick Simplified Chinese glyph variants. */
export const htmlLang: Record<Lang, string> = { en: 'en', zh: 'zh-CN' };

export const ui: Record<Lang, { title: string; switchTo: string; switchLabel: string }> = {
  en: {
    title: 'Wharf — containers vs virtual machines',
    switchTo: '中文',
    switchLabel: '切换到中文 (switch to Chinese)',
  },
  zh: {
    title: 'Wharf —— 容器与虚拟机',
    switchTo: 'EN',
    switchLabel: 'Switch to English（切换到英文）',
  },
};

export function otherLang(lang: Lang): Lang {
  return lang === 'en' ? 'zh' : 'en';
}

/**
 * URL of the same slide in the other language. Slide ids are identical in both languages, so the
 * hash alone carries the position across the reload.
 */
export function switchUrl(current: Location, target: Lang, slideId: string): string {
  const url = new URL(current.href);
  url.searchParams.set('lang', target);
  url.hash = slideId ? `#/${slideId}` : '';
  return url.toString();
}
