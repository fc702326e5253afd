// Reads the chapter files the way the deck does (reveal's markdown plugin splits on a line holding
// only `---` and takes notes after `Note:`), so structural checks need no browser.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { labs } from '../../labs/index.ts';
import { repoRoot } from '../../scripts/pdf.ts';

export const LANGS = ['en', 'zh'] as const;
export type Lang = (typeof LANGS)[number];

/** Every lab the kit has: each needs exactly one lab slide per language. */
export const LAB_IDS: readonly string[] = labs.map((lab) => lab.id);

export interface Slide {
  chapter: string;
  /** Position in the whole deck, 0-based. */
  index: number;
  id: string;
  attributes: Record<string, string>;
  lab?: string;
  autoAnimate: boolean;
  diagrams: { name: string; step?: string; highlight?: string }[];
  body: string;
  notes: string;
  code: { lang: string; text: string }[];
}

export function chapterDir(lang: Lang): string {
  return join(repoRoot, 'slides', lang);
}

export function chapterFiles(lang: Lang): string[] {
  return readdirSync(chapterDir(lang))
    .filter((f) => f.endsWith('.md'))
    .sort((a, b) => a.localeCompare(b));
}

const SLIDE_COMMENT = /^<!--\s*\.slide:\s*(.*?)\s*-->/;
const ATTRIBUTE = /([a-zA-Z-]+)(?:="([^"]*)")?/g;

export function parseAttributes(source: string): Record<string, string> {
  const attributes: Record<string, string> = {};
  for (const match of source.matchAll(ATTRIBUTE)) {
    if (match[1]) attributes[match[1]] = match[2] ?? '';
  }
  return attributes;
}

export function parseChapter(chapter: string, text: string, firstIndex = 0): Slide[] {
  const normalised = `${text
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n')
    .trim()}\n`;
  return normalised.split(/\n---\n/).map((raw, i) => {
    const source = raw.trim();
    const comment = SLIDE_COMMENT.exec(source);
    const attributes = comment ? parseAttributes(comment[1] ?? '') : {};
    const parts = source.split(/^Note:/m);
    const body = parts[0] ?? '';
    const notes = parts.length === 2 ? (parts[1] ?? '').trim() : '';
    const diagrams = [...body.matchAll(/<div class="diagram"([^>]*)>/g)].map((m) => {
      const a = parseAttributes(m[1] ?? '');
      return {
        name: a['data-diagram'] ?? '',
        ...(a['data-step'] ? { step: a['data-step'] } : {}),
        ...(a['data-highlight'] ? { highlight: a['data-highlight'] } : {}),
      };
    });
    const code = [...body.matchAll(/```(\w*)\n([\s\S]*?)```/g)].map((m) => ({
      lang: m[1] ?? '',
      text: m[2] ?? '',
    }));
    return {
      chapter,
      index: firstIndex + i,
      id: attributes.id ?? '',
      attributes,
      ...(attributes['data-lab'] !== undefined ? { lab: attributes['data-lab'] } : {}),
      autoAnimate: 'data-auto-animate' in attributes,
      diagrams,
      body,
      notes,
      code,
    };
  });
}

/** Every slide of a language, in deck order (file-name order, as the deck loads them). */
export function deckSlides(lang: Lang): Slide[] {
  const slides: Slide[] = [];
  for (const file of chapterFiles(lang)) {
    const text = readFileSync(join(chapterDir(lang), file), 'utf8');
    slides.push(...parseChapter(file.replace(/\.md$/, ''), text, slides.length));
  }
  return slides;
}
