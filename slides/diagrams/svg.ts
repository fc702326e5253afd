// Tiny SVG string builders shared by the diagram modules. Diagrams render at 1:1 (one user unit =
// one slide pixel), which keeps label sizes predictable and lets reveal's auto-animate translate
// SVG groups in slide pixels.

/** Visual role of a box; each maps to a colour pair in theme/diagrams.css. */
export type Kind =
  | 'hw'
  | 'os'
  | 'hyper'
  | 'guest'
  | 'libs'
  | 'app'
  | 'engine'
  | 'client'
  | 'api'
  | 'registry'
  | 'layer'
  | 'writable'
  | 'process'
  | 'ns'
  | 'cg'
  | 'fs'
  | 'vm';

export function esc(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

export interface TextSpec {
  x: number;
  y: number;
  lines: readonly string[];
  size?: number;
  anchor?: 'start' | 'middle' | 'end';
  weight?: 'normal' | 'bold';
  mono?: boolean;
  cls?: string;
}

/** Multi-line text centred vertically on `y`. */
export function text(t: TextSpec): string {
  const size = t.size ?? 24;
  const lineHeight = size * 1.2;
  const first = t.y - ((t.lines.length - 1) * lineHeight) / 2;
  const classes = ['dg-text', t.mono ? 'dg-mono' : '', t.cls ?? ''].filter(Boolean).join(' ');
  const spans = t.lines
    .map((line, i) => `<tspan x="${t.x}" y="${round(first + i * lineHeight)}">${esc(line)}</tspan>`)
    .join('');
  return (
    `<text class="${classes}" font-size="${size}" text-anchor="${t.anchor ?? 'middle'}"` +
    ` font-weight="${t.weight ?? 'normal'}" dominant-baseline="central">${spans}</text>`
  );
}

export interface BoxSpec {
  x: number;
  y: number;
  w: number;
  h: number;
  kind: Kind;
  lines: readonly string[];
  /** Stable id for reveal auto-animate (matched by `data-id` across slides). */
  id?: string;
  size?: number;
  mono?: boolean;
  weight?: 'normal' | 'bold';
  dashed?: boolean;
}

/** A labelled box: `g.dg-box > rect + text`; the deck test checks the text stays inside the rect. */
export function box(b: BoxSpec): string {
  const id = b.id ? ` data-id="${esc(b.id)}"` : '';
  const dash = b.dashed ? ' stroke-dasharray="8 6"' : '';
  return (
    `<g class="dg-box dg-${b.kind}"${id}>` +
    `<rect x="${b.x}" y="${b.y}" width="${b.w}" height="${b.h}" rx="10"${dash}/>` +
    text({
      x: b.x + b.w / 2,
      y: b.y + b.h / 2,
      lines: b.lines,
      size: b.size,
      mono: b.mono,
      weight: b.weight,
    }) +
    `</g>`
  );
}

export interface ArrowSpec {
  from: readonly [number, number];
  to: readonly [number, number];
  /** Marker id prefix from `svg()`; arrows point at `to`. */
  uid: string;
  both?: boolean;
  dashed?: boolean;
}

export function arrow(a: ArrowSpec): string {
  const [x1, y1] = a.from;
  const [x2, y2] = a.to;
  const start = a.both ? ` marker-start="url(#${a.uid}-head)"` : '';
  const dash = a.dashed ? ' stroke-dasharray="8 6"' : '';
  return (
    `<line class="dg-arrow" x1="${x1}" y1="${y1}" x2="${x2}" y2="${y2}"` +
    ` marker-end="url(#${a.uid}-head)"${start}${dash}/>`
  );
}

export interface SvgSpec {
  width: number;
  height: number;
  /** Accessible name, in the current language. */
  title: string;
  uid: string;
  body: string;
  className?: string;
}

export function svg(s: SvgSpec): string {
  // orient="auto-start-reverse" lets the same marker serve both ends of a two-way arrow.
  const defs =
    `<defs><marker id="${s.uid}-head" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7"` +
    ` markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" class="dg-head"/>` +
    `</marker></defs>`;
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" class="dg ${s.className ?? ''}" role="img"` +
    ` width="${s.width}" height="${s.height}" viewBox="0 0 ${s.width} ${s.height}"` +
    ` aria-label="${esc(s.title)}"><title>${esc(s.title)}</title>${defs}${s.body}</svg>`
  );
}

function round(n: number): number {
  return Math.round(n * 10) / 10;
}
