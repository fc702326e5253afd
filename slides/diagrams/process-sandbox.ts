import type { Lang } from '../deck/lang.ts';
import { box, svg, text } from './svg.ts';
import type { Diagram, RenderOptions } from './types.ts';

// A process at the centre; the namespaces ring is what it can see, the cgroups ring how much it
// may use, the rootfs slab what it stands on, all on the one shared host kernel.

const labels = {
  en: {
    title: 'A container is a process: namespaces, cgroups, fewer privileges and a root filesystem around it',
    process: ['a process'],
    ns: 'namespaces',
    cg: 'cgroups',
    sees: ['namespaces =', 'what it sees'],
    seesList: ['pid · net · mnt · uts', 'ipc · user · cgroup · time'],
    uses: ['cgroups =', 'how much it uses'],
    usesList: ['CPU · memory', 'pids · block I/O'],
    may: ['fewer privileges =', 'what it may do'],
    mayList: ['capabilities · seccomp', 'AppArmor / SELinux'],
    rootfs: ['rootfs via pivot_root = what it stands on'],
    kernel: ['one shared host kernel'],
  },
  zh: {
    title: '容器就是进程：外面围着 namespace、cgroup、削减的权限和根文件系统',
    process: ['一个进程'],
    ns: 'namespace',
    cg: 'cgroup',
    sees: ['namespace =', '它能看到什么'],
    seesList: ['pid · net · mnt · uts', 'ipc · user · cgroup · time'],
    uses: ['cgroup =', '它能用多少'],
    usesList: ['CPU · 内存', 'pids · 块设备 I/O'],
    may: ['削减的权限 =', '它能做什么'],
    mayList: ['capabilities · seccomp', 'AppArmor / SELinux'],
    rootfs: ['pivot_root 换上的 rootfs = 它脚下踩的地'],
    kernel: ['所有容器共享的宿主机内核'],
  },
} satisfies Record<Lang, Record<string, string | string[]>>;

/** Parts a slide may highlight with `data-highlight="<part>"` on its placeholder (theme/diagrams.css dims the rest). */
export const sandboxParts = ['namespaces', 'cgroups', 'privileges', 'rootfs'] as const;

const W = 1180;
const H = 500;
const CX = W / 2;
const CY = 192;
const R_CG = 182;
const R_NS = 126;
const R_P = 64;

const part = (name: string, body: string) => `<g class="dg-part dg-part-${name}">${body}</g>`;

function render({ lang, uid }: RenderOptions): string {
  const l = labels[lang];
  const parts: string[] = [
    part(
      'cgroups',
      `<g class="dg-ring dg-cg"><circle cx="${CX}" cy="${CY}" r="${R_CG}" stroke-dasharray="10 7"/></g>` +
        text({ x: CX, y: CY - (R_CG + R_NS) / 2, lines: [l.cg], size: 22, weight: 'bold' }) +
        text({ x: W - 20, y: 84, lines: l.uses, size: 28, anchor: 'end', weight: 'bold', cls: 'dg-cg-text' }) +
        text({ x: W - 20, y: 170, lines: l.usesList, size: 22, anchor: 'end' }) +
        `<line class="dg-leader" x1="${W - 300}" y1="124" x2="${CX + R_CG - 10}" y2="${CY - 50}"/>`,
    ),
    part(
      'namespaces',
      `<g class="dg-ring dg-ns"><circle cx="${CX}" cy="${CY}" r="${R_NS}"/></g>` +
        text({ x: CX, y: CY - (R_NS + R_P) / 2, lines: [l.ns], size: 22, weight: 'bold' }) +
        text({ x: 20, y: 84, lines: l.sees, size: 28, anchor: 'start', weight: 'bold', cls: 'dg-ns-text' }) +
        text({ x: 20, y: 170, lines: l.seesList, size: 22, anchor: 'start', mono: true }) +
        `<line class="dg-leader" x1="300" y1="124" x2="${CX - R_NS + 8}" y2="${CY - 40}"/>`,
    ),
    part(
      'process',
      `<g class="dg-ring dg-process"><circle cx="${CX}" cy="${CY}" r="${R_P}"/></g>` +
        text({ x: CX, y: CY, lines: l.process, size: 24, weight: 'bold' }),
    ),
    part(
      'privileges',
      text({ x: 20, y: 264, lines: l.may, size: 28, anchor: 'start', weight: 'bold', cls: 'dg-priv-text' }) +
        text({ x: 20, y: 344, lines: l.mayList, size: 22, anchor: 'start', mono: true }) +
        `<line class="dg-leader" x1="300" y1="300" x2="${CX - R_P + 4}" y2="${CY + 22}"/>`,
    ),
    part(
      'rootfs',
      box({ x: CX - 360, y: CY + R_CG + 14, w: 720, h: 56, kind: 'fs', lines: l.rootfs, size: 22, weight: 'bold' }),
    ),
    part('kernel', box({ x: 20, y: CY + R_CG + 78, w: W - 40, h: 44, kind: 'os', lines: l.kernel, size: 22 })),
  ];
  return svg({ width: W, height: H, title: l.title, uid, body: parts.join('') });
}

export const processSandbox: Diagram = { name: 'process-sandbox', render };
