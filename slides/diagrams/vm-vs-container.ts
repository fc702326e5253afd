import type { Lang } from '../deck/lang.ts';
import { box, svg, text } from './svg.ts';
import type { Diagram, RenderOptions } from './types.ts';

// Two stages of one drawing (data-step="vm" | "container"). Shared boxes keep their data-id and
// size in both stages, so reveal's auto-animate slides them into place instead of redrawing: the
// apps and their libraries drop one row when the guest OS row disappears.

const labels = {
  en: {
    titleVm: 'Virtual machine stack: three apps, three guest operating systems',
    titleCt: 'Container stack: three apps on one shared kernel',
    infra: 'Infrastructure',
    hostOs: 'Host OS',
    hyper: 'Hypervisor',
    engine: 'Container engine',
    guest: 'Guest OS',
    libs: 'Bins/Libs',
    apps: ['App A', 'App B', 'App C'],
    noteVm: ['3 guest OSes', '× 700 MB', '≈ 2.1 GB of disk', '', 'before any app;', 'plus their RAM', 'and CPU'],
    noteCt: ['one kernel:', 'the host’s', '', 'each app ships', 'only its own', 'bins and libs'],
  },
  zh: {
    titleVm: '虚拟机架构：三个应用，三个客户机操作系统',
    titleCt: '容器架构：三个应用共享一个内核',
    infra: '基础设施',
    hostOs: '宿主机操作系统',
    hyper: 'Hypervisor',
    engine: '容器引擎',
    guest: '客户机 OS',
    libs: 'Bins/Libs',
    apps: ['应用 A', '应用 B', '应用 C'],
    noteVm: ['3 个客户机 OS', '× 700 MB', '≈ 2.1 GB 磁盘', '', '应用还没装；', '还要占内存', '和 CPU'],
    noteCt: ['只有一个内核：', '宿主机的内核', '', '每个应用只带', '自己的', 'bins 和 libs'],
  },
} satisfies Record<Lang, { apps: string[]; noteVm: string[]; noteCt: string[] } & Record<string, unknown>>;

const W = 1180;
const H = 400;
const STACK = 860;
const ROW = 56;
const GAP = 8;
const COL_GAP = 16;
const rowY = (fromBottom: number) => 340 - fromBottom * (ROW + GAP);
const colW = (STACK - 2 * COL_GAP) / 3;
const colX = (i: number) => i * (colW + COL_GAP);
const ids = ['a', 'b', 'c'] as const;

function render({ lang, uid, step }: RenderOptions): string {
  const l = labels[lang];
  const vm = step !== 'container';
  // rows above the middle layer: the VM stack has one more (the guest OS)
  const libsRow = vm ? 4 : 3;
  const parts: string[] = [
    box({ id: 'stack-infra', x: 0, y: rowY(0), w: STACK, h: ROW, kind: 'hw', lines: [l.infra] }),
    box({ id: 'stack-host', x: 0, y: rowY(1), w: STACK, h: ROW, kind: 'os', lines: [l.hostOs] }),
    vm
      ? box({ id: 'stack-hyper', x: 0, y: rowY(2), w: STACK, h: ROW, kind: 'hyper', lines: [l.hyper], weight: 'bold' })
      : box({
          id: 'stack-engine',
          x: 0,
          y: rowY(2),
          w: STACK,
          h: ROW,
          kind: 'engine',
          lines: [l.engine],
          weight: 'bold',
        }),
  ];
  ids.forEach((id, i) => {
    if (vm) {
      parts.push(
        box({ id: `stack-guest-${id}`, x: colX(i), y: rowY(3), w: colW, h: ROW, kind: 'guest', lines: [l.guest] }),
      );
    }
    parts.push(
      box({ id: `stack-libs-${id}`, x: colX(i), y: rowY(libsRow), w: colW, h: ROW, kind: 'libs', lines: [l.libs] }),
    );
    parts.push(
      box({
        id: `stack-app-${id}`,
        x: colX(i),
        y: rowY(libsRow + 1),
        w: colW,
        h: ROW,
        kind: 'app',
        lines: [l.apps[i] ?? ''],
      }),
    );
  });
  const note = vm ? l.noteVm : l.noteCt;
  parts.push(
    `<g class="dg-note ${vm ? 'dg-note-warn' : 'dg-note-ok'}" data-id="${vm ? 'stack-note-vm' : 'stack-note-ct'}">` +
      `<rect x="${STACK + 30}" y="${rowY(5)}" width="${W - STACK - 30}" height="${rowY(0) + ROW - rowY(5)}" rx="12"/>` +
      text({ x: STACK + 30 + (W - STACK - 30) / 2, y: (rowY(5) + rowY(0) + ROW) / 2, lines: note, size: 26 }) +
      `</g>`,
  );
  return svg({ width: W, height: H, title: vm ? l.titleVm : l.titleCt, uid, body: parts.join('') });
}

export const vmVsContainer: Diagram = { name: 'vm-vs-container', render };
