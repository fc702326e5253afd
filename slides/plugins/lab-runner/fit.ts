/**
 * How a step is laid out in its box without measuring the page (print view and slides that are not
 * on screen have no layout to measure): monospace text has a known width per character, so rows
 * can be counted. The largest font at which the whole step fits on one page wins. If even the
 * smallest does not, long outputs lose their middle lines (never the first or last) and the step
 * continues on a second page: the presenter's next → shows it. Nothing is ever cut off at the
 * bottom, and no text gets smaller than 18 px.
 */
export const STEP_FONT_SIZES = [22, 20, 18] as const;
/** Width of a monospace character in em, rounded up from the usual 0.6 so estimates err on the safe side. */
const CHAR_EM = 0.62;
export const LINE_HEIGHT = 1.3;
/**
 * An output longer than this share of a page keeps only its first and last lines: the first share
 * that gets the step onto the fewest pages wins, so a step spills onto a second page only when its
 * commands, notes and facts need it, not for a long listing.
 */
const OUTPUT_SHARES = [0.4, 0.25, 0.15] as const;

export interface Box {
  width: number;
  height: number;
}

export interface Block {
  /** Lines as they will be printed (before wrapping). */
  lines: string[];
  /** Output may lose middle lines; titles, commands, notes and facts may not. */
  shrinkable: boolean;
  /** Extra indent in characters that wrapped lines keep. */
  indent?: number;
  /** Never last on a page when the next block could follow it there (a command and its output). */
  keepWithNext?: boolean;
}

export interface Layout<B extends Block> {
  fontSize: number;
  pages: B[][];
}

/** CJK characters and full-width punctuation take about two monospace columns. */
const WIDE = /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/g;
export const columnsOf = (text: string) => text.length + (text.match(WIDE)?.length ?? 0);

/**
 * Rows a line takes when the browser wraps it as the pane does (white-space: pre-wrap; overflow-wrap:
 * break-word): at spaces, and inside a word only when the word is wider than a whole row. Rows after
 * the first are `indent` characters narrower (the hanging indent).
 */
export function wrappedRows(line: string, columns: number, indent = 0): number {
  const later = Math.max(1, columns - indent);
  let rows = 1;
  let width = columns;
  let used = 0;
  for (const word of line.split(/(?<= )/)) {
    if (used + columnsOf(word.trimEnd()) <= width) {
      used += columnsOf(word);
      continue;
    }
    let rest = columnsOf(word.trimEnd());
    if (used > 0) {
      rows += 1;
      width = later;
      used = 0;
    }
    while (rest > width) {
      rest -= width;
      rows += 1;
      width = later;
    }
    used = rest + (word.endsWith(' ') ? 1 : 0);
  }
  return rows;
}

function rowsAt(block: Block, columns: number): number {
  return block.lines.reduce((rows, line) => rows + wrappedRows(line, columns, block.indent ?? 0), 0);
}

const rowsOf = (blocks: Block[], columns: number) => blocks.reduce((sum, block) => sum + rowsAt(block, columns), 0);

/** Keeps the first and last lines, with a marker saying how many were left out between them. */
export function elide(lines: string[], keep: number, marker: (hidden: number) => string): string[] {
  if (lines.length <= keep + 1) return lines;
  const head = Math.ceil(keep / 2);
  return [...lines.slice(0, head), marker(lines.length - keep), ...lines.slice(lines.length - (keep - head))];
}

/** The advance of the deck's monospace face (JetBrains Mono: 600 of 1000 units), for what must not overflow. */
export const MONO_EM = 0.6;

/** Monospace columns a row of the box holds at a font size (estimated low by default, see CHAR_EM). */
export const columnsAt = (box: Box, fontSize: number, em = CHAR_EM) => Math.floor(box.width / (fontSize * em));

const grid = (box: Box, fontSize: number) => ({
  columns: columnsAt(box, fontSize),
  // one row kept free for the step counter in the corner
  rows: Math.floor(box.height / (fontSize * LINE_HEIGHT)) - 1,
});

export function layoutStep<B extends Block>(
  blocks: B[],
  box: Box,
  options: { linesHidden(count: number): string; continued?: B },
): Layout<B> {
  for (const fontSize of STEP_FONT_SIZES) {
    const { columns, rows } = grid(box, fontSize);
    if (rowsOf(blocks, columns) <= rows) return { fontSize, pages: [blocks] };
  }
  const fontSize = STEP_FONT_SIZES.at(-1)!;
  const { columns, rows } = grid(box, fontSize);
  const paginate = (share: number): B[][] => {
    const longest = Math.max(3, Math.floor(rows * share));
    const shortened = blocks.map((block) =>
      block.shrinkable && block.lines.length > longest
        ? { ...block, lines: elide(block.lines, longest - 1, options.linesHidden) }
        : block,
    );
    const pages: B[][] = [[]];
    let used = 0;
    const continuedRows = options.continued ? rowsAt(options.continued, columns) : 0;
    shortened.forEach((block, i) => {
      const height = rowsAt(block, columns);
      const next = shortened[i + 1];
      // A command left at the foot of a page with its output overleaf reads as if it printed
      // nothing: it moves over too, when the two fit together on a fresh page.
      const together = block.keepWithNext && next ? height + rowsAt(next, columns) : height;
      const orphaned = together > height && used + together > rows && continuedRows + together <= rows;
      if ((used + height > rows || orphaned) && used > 0) {
        const page = options.continued ? [options.continued] : [];
        pages.push(page);
        used = rowsOf(page, columns);
      }
      pages.at(-1)!.push(block);
      used += height;
    });
    return pages;
  };
  const layouts = OUTPUT_SHARES.map(paginate);
  const pages = layouts.reduce((best, layout) => (layout.length < best.length ? layout : best));
  return { fontSize, pages };
}
