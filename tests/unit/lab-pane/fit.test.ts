import { describe, expect, it } from 'vitest';
import { elide, layoutStep, STEP_FONT_SIZES, wrappedRows } from '../../../slides/plugins/lab-runner/fit.ts';

describe('wrappedRows', () => {
  it('wraps at spaces the way pre-wrap does, with a hanging indent', () => {
    expect(wrappedRows('short', 10)).toBe(1);
    expect(wrappedRows('aaaa bbbb', 9)).toBe(1);
    expect(wrappedRows('aaaa bbbbb', 9)).toBe(2);
    // the second row is 2 narrower: 'cccccc' (6) does not fit in 9 - 2 = 7 after 'bbbb '
    expect(wrappedRows('aaaa bbbb cccccc', 9, 2)).toBe(2);
    expect(wrappedRows('aaaa bbbb cccccc dd', 9, 2)).toBe(3);
  });

  it('breaks a word only when it is wider than a row', () => {
    expect(wrappedRows(`id: ${'x'.repeat(25)}`, 10)).toBe(4);
  });

  it('counts CJK characters as two columns', () => {
    expect(wrappedRows('容器'.repeat(5), 20)).toBe(1);
    expect(wrappedRows('容器'.repeat(6), 20)).toBe(2);
  });
});

describe('elide', () => {
  it('keeps the first and last lines and says how many went', () => {
    const lines = Array.from({ length: 10 }, (_, i) => `line ${i}`);
    expect(elide(lines, 4, (n) => `… ${n} more`)).toEqual(['line 0', 'line 1', '… 6 more', 'line 8', 'line 9']);
    expect(elide(lines.slice(0, 5), 4, (n) => `… ${n} more`)).toEqual(lines.slice(0, 5));
  });
});

describe('layoutStep', () => {
  const box = { width: 600, height: 300 };
  const block = (n: number, shrinkable = false) => ({
    lines: Array.from({ length: n }, (_, i) => `row ${i}`),
    shrinkable,
  });

  it('picks the largest font at which the step fits one page', () => {
    expect(layoutStep([block(3)], box, { linesHidden: String })).toEqual({
      fontSize: STEP_FONT_SIZES[0],
      pages: [[block(3)]],
    });
  });

  it('shortens long output and continues on another page, never below the smallest font', () => {
    const title = { lines: ['● title'], shrinkable: false };
    const continued = { lines: ['● title (continued)'], shrinkable: false };
    const layout = layoutStep([title, block(40, true), block(8), block(8)], box, {
      linesHidden: (n) => `… ${n}`,
      continued,
    });
    expect(layout.fontSize).toBe(STEP_FONT_SIZES.at(-1));
    expect(layout.pages.length).toBeGreaterThan(1);
    expect(layout.pages[1]![0]).toBe(continued);
    const output = layout.pages.flat().find((b) => b.shrinkable)!;
    expect(output.lines.length).toBeLessThan(40);
    expect(output.lines[0]).toBe('row 0');
    expect(output.lines.at(-1)).toBe('row 39');
    // every page fits: 300 px / (18 px × 1.3) = 12 rows, one kept for the counter
    for (const page of layout.pages) expect(page.reduce((rows, b) => rows + b.lines.length, 0)).toBeLessThanOrEqual(11);
  });

  it('moves a command that would end a page over to its output, when both fit the next page', () => {
    const title = { lines: ['● title'], shrinkable: false };
    const continued = { lines: ['● title (continued)'], shrinkable: false };
    const command = { lines: ['$ docker diff x'], shrinkable: false, keepWithNext: true };
    // 11 rows a page (see above): title + 9 rows leaves one row, the command's, before the output
    const layout = layoutStep([title, block(9), command, block(6)], box, { linesHidden: String, continued });
    expect(layout.pages).toHaveLength(2);
    expect(layout.pages[0]).toEqual([title, block(9)]);
    expect(layout.pages[1]).toEqual([continued, command, block(6)]);
  });
});
