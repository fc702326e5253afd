import type { Facts } from '../../labs/kit/core/events.ts';
import { read } from '../../labs/present/units.ts';
import type { Lang } from '../deck/lang.ts';
import { esc, svg, text } from '../diagrams/svg.ts';
import { legend, WIDTH } from './bars.ts';
import { legendFor, t } from './common.ts';
import { textWidth } from './format.ts';
import type { MythChart, Run } from './types.ts';

// Not a quantity but an identity: whose kernel answers inside a container and inside a VM. Lab
// kernel reads the release (uname -r) and the boot id (changed at every boot) in each place; the
// host's appear once, and each other row says whether it is the same kernel (=) or not (≠).

const FONT = 20;
const LINE = 34;
const LABEL_W = 190;
const BOOT_CHARS = 8;

function cutText(value: string, width: number, mono = false): string {
  if (textWidth(value, FONT, mono) <= width) return value;
  let kept = value;
  while (kept.length > 1 && textWidth(`${kept}…`, FONT, mono) > width) kept = kept.slice(0, -1);
  return `${kept}…`;
}

function column(run: Run, source: 'recorded' | 'live', x: number, width: number, top: number, lang: Lang): string {
  const w = t(lang);
  const f: Facts = run.facts;
  const host = read.string(f.hostBootId);
  // Release, boot id and the mark side by side, never spread across a wide column.
  const releaseW = Math.min(width - BOOT_CHARS * 0.6 * FONT - 70, 26 * 0.6 * FONT);
  const cell = (row: number, keys: string[], value: string, mono = true) =>
    `<g class="chart-cell chart-${source}" data-source="${source}" data-facts="${esc(keys.join(' '))}">` +
    text({ x, y: top + row * LINE + LINE / 2, lines: [value], size: FONT, anchor: 'start', mono }) +
    `</g>`;
  const boot = (row: number, key: string, id: string, same?: boolean) =>
    `<g class="chart-cell chart-${source}" data-source="${source}" data-facts="${key}">` +
    text({
      x: x + releaseW + 16,
      y: top + row * LINE + LINE / 2,
      lines: [id.slice(0, BOOT_CHARS)],
      size: FONT,
      anchor: 'start',
      mono: true,
    }) +
    `</g>` +
    (same === undefined
      ? ''
      : text({
          x: x + releaseW + 16 + BOOT_CHARS * 0.6 * FONT + 30,
          y: top + row * LINE + LINE / 2,
          lines: [same ? '=' : '≠'],
          size: 26,
          weight: 'bold',
          cls: same ? 'chart-same' : 'chart-differs',
        }));
  const parts: string[] = [];
  const rows: [string, string][] = [
    ['hostRelease', 'hostBootId'],
    ['containerRelease', 'containerBootId'],
    ['vmRelease', 'vmBootId'],
  ];
  rows.forEach(([releaseKey, bootKey], row) => {
    const release = read.string(f[releaseKey]);
    const id = read.string(f[bootKey]);
    if (release) parts.push(cell(row, [releaseKey], cutText(release, releaseW, true)));
    if (id) parts.push(boot(row, bootKey, id, row === 0 || host === undefined ? undefined : id === host));
  });
  // Why there is no VM is a sentence by key (`{ key: 'kit.vmNoQemu' }`): only whether it is there matters here.
  const skipped = read.record(f.vmSkipped);
  if (!read.string(f.vmRelease) && skipped)
    parts.push(cell(2, ['vmSkipped'], w('no VM here', '这里没有虚拟机'), false));
  return parts.join('');
}

export const kernelChart: MythChart = {
  name: 'kernel',
  lab: 'kernel',
  render(input, lang, uid) {
    const w = t(lang);
    const keys = legendFor(input, lang, false);
    const key = legend(keys);
    // A column per run, headed in its legend colour; "your machine" keeps its column for the hint.
    const sources = (['recorded', 'live'] as const).filter((source) => keys[source] !== undefined);
    const colW = (WIDTH - LABEL_W) / Math.max(sources.length, 1);
    const top = key.height + LINE;
    const heads = sources.map((source, i) => {
      const x = LABEL_W + i * colW;
      const y = key.height + LINE / 2;
      return (
        `<g class="chart-cell chart-${source}">` +
        `<rect x="${x}" y="${y - 9}" width="26" height="18" rx="3"/>` +
        text({ x: x + 36, y, lines: ['uname -r · boot id'], size: FONT, anchor: 'start' }) +
        `</g>`
      );
    });
    const labels = [w('engine host', '引擎宿主机'), w('a container', '一个容器'), w('a VM', '一台虚拟机')].map(
      (label, row) => text({ x: 0, y: top + row * LINE + LINE / 2, lines: [label], size: FONT, anchor: 'start' }),
    );
    const columns = sources.map((source, i) => {
      const run = input[source];
      return run ? column(run, source, LABEL_W + i * colW, colW - 24, top, lang) : '';
    });
    return svg({
      width: WIDTH,
      height: top + 3 * LINE + 4,
      title: w('Whose kernel: release and boot id, from lab kernel', '谁的内核：内核版本和 boot id，来自 kernel 实验'),
      uid,
      body: key.body + heads.join('') + labels.join('') + columns.join(''),
      className: 'dg-chart',
    });
  },
};
