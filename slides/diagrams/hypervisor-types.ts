import type { Lang } from '../deck/lang.ts';
import { box, svg, text } from './svg.ts';
import type { Diagram, RenderOptions } from './types.ts';

// Type 1 (bare metal) beside type 2 (hosted), hardware rows aligned so the extra host OS layer of
// type 2 is visible at a glance.

const labels = {
  en: {
    title: 'Type 1 and type 2 hypervisors side by side',
    type1: 'Type 1 — bare metal',
    type2: 'Type 2 — hosted',
    ex1: 'e.g. KVM · Hyper-V · Xen · ESXi',
    ex2: 'e.g. VirtualBox · VMware Workstation',
    hardware: 'Hardware',
    hostOs: 'Host OS',
    hyper1: 'Hypervisor',
    hyper2: 'Hypervisor (an app)',
    otherApps: 'other apps',
    guest: 'Guest OS',
    app: 'App',
  },
  zh: {
    title: '第一类与第二类 hypervisor 对比',
    type1: '第一类：裸金属型',
    type2: '第二类：宿主型',
    ex1: '例如 KVM · Hyper-V · Xen · ESXi',
    ex2: '例如 VirtualBox · VMware Workstation',
    hardware: '硬件',
    hostOs: '宿主机操作系统',
    hyper1: 'Hypervisor',
    hyper2: 'Hypervisor（普通应用）',
    otherApps: '其他应用',
    guest: '客户机 OS',
    app: '应用',
  },
} satisfies Record<Lang, Record<string, string>>;

const W = 1180;
const H = 440;
const PANEL = 560;
const ROW = 58;
const GAP = 10;
/** Top of row n counted from the bottom (0 = hardware). */
const rowY = (n: number) => 368 - n * (ROW + GAP);

function vms(x0: number, bottomRow: number, l: (typeof labels)['en']): string {
  const w = (PANEL - 2 * GAP) / 3;
  let out = '';
  for (let i = 0; i < 3; i++) {
    const x = x0 + i * (w + GAP);
    out += box({ x, y: rowY(bottomRow), w, h: ROW, kind: 'guest', lines: [l.guest], size: 22 });
    out += box({ x, y: rowY(bottomRow + 1), w, h: ROW, kind: 'app', lines: [l.app], size: 22 });
  }
  return out;
}

function render({ lang, uid }: RenderOptions): string {
  const l = labels[lang];
  const left = 0;
  const right = W - PANEL;
  const body = [
    text({ x: left + PANEL / 2, y: 22, lines: [l.type1], size: 30, weight: 'bold' }),
    text({ x: left + PANEL / 2, y: 62, lines: [l.ex1], size: 20, cls: 'dg-muted' }),
    text({ x: right + PANEL / 2, y: 22, lines: [l.type2], size: 30, weight: 'bold' }),
    text({ x: right + PANEL / 2, y: 62, lines: [l.ex2], size: 20, cls: 'dg-muted' }),
    // type 1: the hypervisor is the first thing on the hardware
    box({ x: left, y: rowY(0), w: PANEL, h: ROW, kind: 'hw', lines: [l.hardware] }),
    box({ x: left, y: rowY(1), w: PANEL, h: ROW, kind: 'hyper', lines: [l.hyper1], weight: 'bold' }),
    vms(left, 2, l),
    // type 2: the hypervisor is one application on a host OS
    box({ x: right, y: rowY(0), w: PANEL, h: ROW, kind: 'hw', lines: [l.hardware] }),
    box({ x: right, y: rowY(1), w: PANEL, h: ROW, kind: 'os', lines: [l.hostOs] }),
    box({ x: right, y: rowY(2), w: 370, h: ROW, kind: 'hyper', lines: [l.hyper2], size: 22 }),
    box({ x: right + 380, y: rowY(2), w: PANEL - 380, h: ROW, kind: 'app', lines: [l.otherApps], size: 22 }),
    vms(right, 3, l),
  ].join('');
  return svg({ width: W, height: H, title: l.title, uid, body });
}

export const hypervisorTypes: Diagram = { name: 'hypervisor-types', render };
