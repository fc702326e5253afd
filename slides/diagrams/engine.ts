import type { Lang } from '../deck/lang.ts';
import { arrow, box, svg, text } from './svg.ts';
import type { Diagram, RenderOptions } from './types.ts';

// The Docker Engine call chain top to bottom, clients on the left, the registry on the right.

const labels = {
  en: {
    title: 'Docker Engine: client, REST API, dockerd, containerd, shim, runc, container processes',
    cli: ['docker CLI'],
    others: ['other clients', '(Compose, SDKs)'],
    api: ['REST', 'API'],
    socket: ['over a unix socket:'],
    remote: ['remote: tcp + TLS, or ssh'],
    processes: ['container processes'],
    registry: ['registry', '(Docker Hub, private)'],
    pull: 'pull / push',
    shimNote: ['stays the parent: the container', 'survives a containerd restart'],
    runcNote: ['OCI runtime: sets up the', 'container, then exits'],
  },
  zh: {
    title: 'Docker Engine：客户端、REST API、dockerd、containerd、shim、runc、容器进程',
    cli: ['docker CLI'],
    others: ['其他客户端', '（Compose、SDK）'],
    api: ['REST', 'API'],
    socket: ['走 unix socket：'],
    remote: ['远程：tcp + TLS 或 ssh'],
    processes: ['容器里的进程'],
    registry: ['镜像仓库 registry', '（Docker Hub / 私有）'],
    pull: 'pull / push',
    shimNote: ['容器进程的父进程：', 'containerd 重启，容器照常运行'],
    runcNote: ['OCI runtime：把容器', '创建好之后就退出'],
  },
} satisfies Record<Lang, Record<string, string | string[]>>;

const W = 1180;
const H = 500;
const CX = 440; // chain column
const CW = 300;
const BH = 64;
const STEP = 104; // box height + arrow gap
const chainY = (i: number) => 8 + i * STEP;

function render({ lang, uid }: RenderOptions): string {
  const l = labels[lang];
  const mid = CX + CW / 2;
  const chain = ['dockerd', 'containerd', 'containerd-shim', 'runc'];
  const parts: string[] = [];
  chain.forEach((name, i) => {
    parts.push(
      box({
        x: CX,
        y: chainY(i),
        w: CW,
        h: BH,
        kind: i === 3 ? 'hyper' : 'engine',
        lines: [name],
        mono: true,
        weight: 'bold',
      }),
    );
    parts.push(arrow({ uid, from: [mid, chainY(i) + BH], to: [mid, chainY(i + 1)] }));
  });
  parts.push(box({ x: CX, y: chainY(4), w: CW, h: BH, kind: 'process', lines: l.processes, size: 22 }));
  parts.push(
    text({
      x: mid + 14,
      y: chainY(0) + BH + (STEP - BH) / 2,
      lines: ['gRPC'],
      size: 18,
      anchor: 'start',
      cls: 'dg-muted',
    }),
  );

  // clients and the API they all speak
  parts.push(box({ x: 10, y: 8, w: 220, h: BH, kind: 'client', lines: l.cli, mono: true }));
  parts.push(box({ x: 10, y: 100, w: 220, h: 84, kind: 'client', lines: l.others, size: 20 }));
  parts.push(box({ x: 268, y: 24, w: 136, h: 132, kind: 'api', lines: l.api, weight: 'bold' }));
  parts.push(arrow({ uid, from: [230, 40], to: [268, 60] }));
  parts.push(arrow({ uid, from: [230, 142], to: [268, 120] }));
  parts.push(arrow({ uid, from: [404, 60], to: [CX, 40] }));
  parts.push(text({ x: 10, y: 224, lines: l.socket, size: 22, anchor: 'start' }));
  parts.push(
    text({ x: 10, y: 258, lines: ['/var/run/docker.sock'], size: 21, anchor: 'start', mono: true, weight: 'bold' }),
  );
  parts.push(text({ x: 10, y: 296, lines: l.remote, size: 20, anchor: 'start', cls: 'dg-muted' }));

  // registry beside the daemon
  parts.push(box({ x: 850, y: 0, w: 320, h: 80, kind: 'registry', lines: l.registry, size: 20 }));
  parts.push(arrow({ uid, from: [CX + CW, 40], to: [850, 40], both: true }));
  parts.push(text({ x: (CX + CW + 850) / 2, y: 62, lines: [l.pull], size: 18, cls: 'dg-muted' }));

  // why the shim and runc exist
  parts.push(text({ x: CX + CW + 24, y: chainY(2) + BH / 2, lines: l.shimNote, size: 20, anchor: 'start' }));
  parts.push(text({ x: CX + CW + 24, y: chainY(3) + BH / 2, lines: l.runcNote, size: 20, anchor: 'start' }));

  return svg({ width: W, height: H, title: l.title, uid, body: parts.join('') });
}

export const engine: Diagram = { name: 'engine', render };
