import type { Lang } from './lang.ts';

// Each language's chapters are globbed (every slides/<lang>/*.md that exists) into one chunk of
// their own, so only the language on screen is fetched, in a single request.
const bundles: Record<Lang, () => Promise<{ sources: Record<string, string> }>> = {
  en: () => import('./chapters-en.ts'),
  zh: () => import('./chapters-zh.ts'),
};

export interface Chapter {
  /** File name without extension, e.g. `03-two-stacks`. */
  name: string;
  markdown: string;
}

/** Every chapter file of a language, in file-name order (the NN- prefix orders the talk). */
export async function loadChapters(lang: Lang): Promise<Chapter[]> {
  const { sources } = await bundles[lang]();
  return Object.entries(sources)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([path, markdown]) => ({
      name: path.replace(/^.*\//, '').replace(/\.md$/, ''),
      markdown: normalise(markdown),
    }));
}

/** The markdown plugin dedents by the first line's indentation, so start clean. */
function normalise(text: string): string {
  return `${text
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n')
    .trim()}\n`;
}

/**
 * One `section[data-markdown]` per chapter; the markdown plugin splits it into slides on `---` and
 * copies `data-chapter` onto each slide it creates.
 */
export function chapterSection(chapter: Chapter): HTMLElement {
  const section = document.createElement('section');
  section.setAttribute('data-markdown', '');
  section.setAttribute('data-separator-notes', '^Note:');
  section.setAttribute('data-chapter', chapter.name);
  const template = document.createElement('script');
  template.type = 'text/template';
  template.textContent = chapter.markdown;
  section.append(template);
  return section;
}
