import type { Lang } from '../deck/lang.ts';
import { arrow, box, svg, text } from './svg.ts';
import type { Diagram, RenderOptions } from './types.ts';

// Two containers, each a thin writable layer, on top of one shared stack of read-only image layers.

const labels = {
  en: {
    title: 'Image layers shared by two containers, each with its own writable layer',
    writableA: 'container A: writable layer',
    writableB: 'container B: writable layer',
    cow: 'thin, per container, copy-on-write',
    layers: [['COPY app files (layer 3)'], ['RUN … adds packages (layer 2)'], ['FROM base image (layer 1)']],
    shared: 'read-only image layers: stored once, shared by both',
    merged: 'overlayfs merges them into the one filesystem each container sees',
  },
  zh: {
    title: '两个容器共享同一组镜像层，各自有一个可写层',
    writableA: '容器 A：可写层',
    writableB: '容器 B：可写层',
    cow: '很薄，每个容器一份，写时复制',
    layers: [['COPY 应用文件（第 3 层）'], ['RUN … 安装软件包（第 2 层）'], ['FROM 基础镜像（第 1 层）']],
    shared: '只读镜像层：只存一份，两个容器共用',
    merged: 'overlayfs 把它们合成每个容器看到的同一个文件系统',
  },
} satisfies Record<Lang, { layers: string[][] } & Record<string, unknown>>;

const W = 1100;
const H = 440;
const X = 40;
const FULL = W - 2 * X;
const HALF = (FULL - 40) / 2;

function render({ lang, uid }: RenderOptions): string {
  const l = labels[lang];
  const parts: string[] = [
    box({ x: X, y: 40, w: HALF, h: 52, kind: 'writable', lines: [l.writableA], size: 22, weight: 'bold' }),
    box({ x: X + HALF + 40, y: 40, w: HALF, h: 52, kind: 'writable', lines: [l.writableB], size: 22, weight: 'bold' }),
    text({ x: W / 2, y: 14, lines: [l.cow], size: 20, cls: 'dg-muted' }),
    arrow({ uid, from: [X + HALF / 2, 92], to: [X + HALF / 2, 150], dashed: true }),
    arrow({ uid, from: [X + HALF * 1.5 + 40, 92], to: [X + HALF * 1.5 + 40, 150], dashed: true }),
  ];
  l.layers.forEach((lines, i) => {
    parts.push(box({ x: X, y: 152 + i * 64, w: FULL, h: 56, kind: 'layer', lines, mono: false, size: 24 }));
  });
  parts.push(text({ x: W / 2, y: 368, lines: [l.shared], size: 24, weight: 'bold' }));
  parts.push(text({ x: W / 2, y: 412, lines: [l.merged], size: 21, cls: 'dg-muted' }));
  return svg({ width: W, height: H, title: l.title, uid, body: parts.join('') });
}

export const layers: Diagram = { name: 'layers', render };
