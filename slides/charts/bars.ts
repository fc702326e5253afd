import { esc, svg, text } from '../diagrams/svg.ts';
import { textWidth } from './format.ts';
import type { Source } from './types.ts';

// One horizontal bar chart on one scale: a row per quantity, a bar per measurement (the recording,
// this machine) and the notes' figure as a dashed line across the row, its words under the row's
// name. Drawn 1:1 in slide pixels like the diagrams, no text under 18 px.

/** One measurement in a row: a bar when it has a value, else only its text (why there is none). */
export interface Entry {
  source: Exclude<Source, 'notes'>;
  text: string;
  value?: number;
  /** The fact keys the figure comes from: the deck test finds them in the lab's recording. */
  facts?: readonly string[];
}

export interface Row {
  label: string;
  /** What the notes claim for this quantity: their words, and where that falls on the scale. */
  notes?: { text: string; value?: number };
  entries: readonly Entry[];
  /** Said in the bar area when no run measures this quantity. */
  aside?: string;
}

export interface Scale {
  kind: 'log' | 'linear';
  min: number;
  max: number;
  ticks: readonly { value: number; label: string }[];
  /** A reference line drawn stronger than the grid, such as 1× on a chart of ratios. */
  reference?: number;
}

export interface BarChart {
  title: string;
  uid: string;
  legend: Partial<Record<Source, string>>;
  rows: readonly Row[];
  scale: Scale;
}

export const WIDTH = 1150;
const LABEL_W = 300;
const BAR_X = LABEL_W + 16;
const VALUE_ROOM = 150;
const BAR_H = 24;
const PITCH = 27;
const ROW_GAP = 10;
const FONT = 20;
const TICK_FONT = 18;
const LEGEND_LINE = 32;
const SWATCH = 26;
const ORDER: readonly Source[] = ['notes', 'recorded', 'live'];

function position(scale: Scale, value: number, width: number): number {
  const clamped = Math.min(Math.max(value, scale.min), scale.max);
  const share =
    scale.kind === 'log'
      ? (Math.log10(clamped) - Math.log10(scale.min)) / (Math.log10(scale.max) - Math.log10(scale.min))
      : (clamped - scale.min) / (scale.max - scale.min);
  return Math.round(share * width * 10) / 10;
}

/** The legend, wrapped onto as many lines as it needs; returns its SVG and height. */
export function legend(entries: Partial<Record<Source, string>>, width = WIDTH): { body: string; height: number } {
  const parts: string[] = [];
  let x = 0;
  let line = 0;
  for (const source of ORDER) {
    const label = entries[source];
    if (label === undefined) continue;
    const w = SWATCH + 10 + textWidth(label, FONT) + 30;
    if (x > 0 && x + w > width) {
      x = 0;
      line += 1;
    }
    const y = line * LEGEND_LINE + LEGEND_LINE / 2;
    parts.push(
      `<g class="chart-key chart-${source}" data-key="${source}">` +
        (source === 'notes'
          ? `<line x1="${x + SWATCH / 2}" y1="${y - 12}" x2="${x + SWATCH / 2}" y2="${y + 12}"/>`
          : `<rect x="${x}" y="${y - 9}" width="${SWATCH}" height="18" rx="3"/>`) +
        text({ x: x + SWATCH + 10, y, lines: [label], size: FONT, anchor: 'start' }) +
        `</g>`,
    );
    x += w;
  }
  return { body: parts.join(''), height: parts.length ? (line + 1) * LEGEND_LINE : 0 };
}

export function barChart(chart: BarChart): string {
  const key = legend(chart.legend);
  const span = WIDTH - BAR_X - VALUE_ROOM;
  const top = key.height + 10;
  const parts: string[] = [];
  let y = top;
  for (const row of chart.rows) {
    const entries = [...row.entries].sort((a, b) => ORDER.indexOf(a.source) - ORDER.indexOf(b.source));
    const height = Math.max(entries.length, 2) * PITCH;
    parts.push(text({ x: 0, y: y + PITCH / 2, lines: [row.label], size: FONT, anchor: 'start', cls: 'chart-label' }));
    const notesX = row.notes?.value === undefined ? undefined : BAR_X + position(chart.scale, row.notes.value, span);
    if (row.notes) {
      const marker =
        notesX === undefined ? '' : `<line x1="${notesX}" y1="${y + 1}" x2="${notesX}" y2="${y + height - 1}"/>`;
      parts.push(
        `<g class="chart-notes" data-source="notes">${marker}` +
          text({ x: 0, y: y + PITCH * 1.5, lines: [row.notes.text], size: FONT, anchor: 'start' }) +
          `</g>`,
      );
    }
    if (row.aside && !entries.length) {
      parts.push(
        text({ x: BAR_X, y: y + PITCH / 2, lines: [row.aside], size: FONT, anchor: 'start', cls: 'dg-muted' }),
      );
    }
    entries.forEach((entry, i) => {
      const mid = y + i * PITCH + PITCH / 2;
      const facts = entry.facts?.length ? ` data-facts="${esc(entry.facts.join(' '))}"` : '';
      const open = `<g class="chart-bar chart-${entry.source}" data-source="${entry.source}"${facts}>`;
      if (entry.value === undefined) {
        parts.push(`${open}${text({ x: BAR_X, y: mid, lines: [entry.text], size: FONT, anchor: 'start' })}</g>`);
        return;
      }
      const w = Math.max(position(chart.scale, entry.value, span), 3);
      const width = textWidth(entry.text, FONT);
      // The figure starts after the bar, or after the notes' line where that falls just past the bar.
      const end = BAR_X + w;
      const from = notesX !== undefined && notesX > end - 4 && notesX < end + 8 + width ? notesX + 4 : end;
      const outside = from + 8 + width <= WIDTH;
      parts.push(
        open +
          `<rect x="${BAR_X}" y="${mid - BAR_H / 2}" width="${w}" height="${BAR_H}" rx="3"/>` +
          text({
            x: outside ? from + 8 : end - 8,
            y: mid,
            lines: [entry.text],
            size: FONT,
            anchor: outside ? 'start' : 'end',
            weight: 'bold',
            cls: outside ? 'chart-value' : 'chart-value chart-inside',
          }) +
          `</g>`,
      );
    });
    y += height + ROW_GAP;
  }
  const bottom = y - ROW_GAP + 4;
  const grid = chart.scale.ticks.map(({ value, label }) => {
    const x = BAR_X + position(chart.scale, value, span);
    const cls = value === chart.scale.reference ? 'chart-grid chart-reference' : 'chart-grid';
    return (
      `<line class="${cls}" x1="${x}" y1="${top - 4}" x2="${x}" y2="${bottom}"/>` +
      text({ x, y: bottom + 14, lines: [label], size: TICK_FONT, cls: 'dg-muted' })
    );
  });
  // Grid, then the notes' lines, then the bars: a figure's text (with a white halo) stays readable
  // where it crosses a line, and a bar that passes the notes' figure visibly covers its line.
  const notes = parts.filter((p) => p.startsWith('<g class="chart-notes"'));
  const bars = parts.filter((p) => !p.startsWith('<g class="chart-notes"'));
  const body = key.body + grid.join('') + notes.join('') + bars.join('');
  return svg({ width: WIDTH, height: bottom + 26, title: chart.title, uid: chart.uid, body, className: 'dg-chart' });
}
