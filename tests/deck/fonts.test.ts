// The Chinese face is cut down to the characters the deck uses (scripts/fonts-cjk.ts): the
// committed CSS must match what the script makes from today's sources.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cjkFontCss, cssFiles, fontDir, outputFile, toUnicodeRange, usedCodePoints } from '../../scripts/fonts-cjk.ts';

describe('Chinese font subset', () => {
  it('slides/theme/fonts-cjk.css is up to date (run `npm run fonts` after adding Chinese text)', () => {
    expect(readFileSync(outputFile, 'utf8')).toBe(cjkFontCss());
  });

  it('ships exactly the font files the CSS names, with the licence, from the deck itself', () => {
    const named = cssFiles(readFileSync(outputFile, 'utf8'));
    expect(named.length).toBeGreaterThan(0);
    expect(readdirSync(fontDir).sort()).toEqual([...new Set(named), 'LICENSE'].sort());
  });

  it('covers every CJK character of the zh deck', () => {
    const css = readFileSync(outputFile, 'utf8');
    const covered = new Set<number>();
    for (const [, list] of css.matchAll(/unicode-range:([^}]+)}/g)) {
      for (const part of list!.split(',')) {
        const [a, b] = part
          .replace('U+', '')
          .split('-')
          .map((h) => parseInt(h, 16));
        for (let cp = a!; cp <= (b ?? a!); cp++) covered.add(cp);
      }
    }
    const cjk = [...usedCodePoints()].filter((cp) => cp >= 0x4e00 && cp <= 0x9fff);
    expect(cjk.length).toBeGreaterThan(500);
    expect(cjk.filter((cp) => !covered.has(cp)).map((cp) => String.fromCodePoint(cp))).toEqual([]);
  });

  it('writes compact ranges', () => {
    expect(toUnicodeRange([0x4e00, 0x4e01, 0x4e02, 0x4e05])).toBe('U+4e00-4e02,U+4e05');
  });
});
