#!/usr/bin/env tsx
// Lab "overhead": what running inside a container costs. A CPU loop inside and outside, file writes
// to the writable layer and to a volume, HTTP through a published port (NAT), the host network and
// the container's own IP — each as a ratio, the shape of Felter et al. (IBM, 2014) on this machine.
import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { relative } from 'node:path';
import { promisify } from 'node:util';
import * as kit from './kit/index.ts';
import { type Box, type ContextFor, defineLab, fact, runIfMain } from './kit/index.ts';

const facts = {
  cpuInsideMs: fact<number>('CPU loop inside a container (ms, median)'),
  cpuOutsideMs: fact<number>('The same loop outside, same busybox (ms, median)'),
  cpuInsideOverOutside: fact<number>('CPU: inside / outside (×)'),
  cpuOutsideSkipped: fact<string>('Why the loop did not run outside'),
  writeLayerMs: fact<number>('Write 32 MiB + fsync to the writable layer (ms, median)'),
  writeVolumeMs: fact<number>('The same to a volume (ms, median)'),
  writeLayerOverVolume: fact<number>('I/O: writable layer / volume (×)'),
  httpRequests: fact<number>('HTTP requests per path'),
  httpOk: fact<{ published: number; host: number; containerIp: number }>('Requests answered, per path'),
  httpMsPerRequest: fact<{ published: number; host: number; containerIp: number }>('Time per request (ms)'),
  httpPublishedOverHost: fact<number>('HTTP: published port (NAT) / host network (×)'),
  httpContainerIpOverHost: fact<number>("HTTP: container's IP / host network (×)"),
  containerIp: fact<string>('The server container’s IP'),
  vmComparable: fact<boolean>('VM figures comparable (hardware virtualisation)'),
  vmCpuOverOutside: fact<number>('CPU: inside the VM / outside (×)'),
};
type Ctx = ContextFor<typeof facts>;

const ROUNDS = 3;
const LOOP = 'i=0; while [ $i -lt 100000 ]; do i=$((i+1)); done';
const cpuScript = `${kit.NOW_US}\n${kit.timedScript('cpu', LOOP)}`;
const REQUESTS = 100;
const HTTP_ROUNDS = 4;
const run = promisify(execFile);

/** Outside = a process of the engine host itself, so only where this lab runs on that host. */
async function outsideReason(ctx: Ctx): Promise<string | null> {
  if (process.platform !== 'linux') return `this lab runs on ${process.platform}, the engine on Linux elsewhere`;
  const local = (await readFile('/proc/sys/kernel/random/boot_id', 'utf8').catch(() => '')).trim();
  const host = (
    await ctx.onHost('cat /proc/sys/kernel/random/boot_id', { shown: ['cat', '/proc/sys/kernel/random/boot_id'] })
  ).trim();
  return local === host ? null : 'this lab does not run on the engine host (another kernel boot id)';
}

async function cpu(ctx: Ctx) {
  ctx.step('CPU: the same loop inside and outside a container');
  ctx.note(`A shell loop of 100 000 additions, timed by the kernel's clock from inside the script, ${ROUNDS} times each,
    alternating. Outside runs the same busybox binary as a plain process on the engine host.`);
  const why = await outsideReason(ctx);
  const busybox = kit.busyboxPathFor(ctx.engine.arch);
  const inside: number[] = [];
  const outside: number[] = [];
  for (let round = 0; round < ROUNDS; round += 1) {
    const ran = await ctx.run({ cmd: ['sh', '-c', cpuScript], shown: ['sh', '-c', LOOP], wait: 'CPU loop' });
    inside.push(...(kit.parseTimings(ran.stdout).cpu ?? []));
    if (why) continue;
    if (round === 0) ctx.shown(kit.shellLine([relative(process.cwd(), busybox), 'sh', '-c', LOOP]));
    const { stdout } = await run(busybox, ['sh', '-c', cpuScript], { signal: ctx.signal, timeout: 60_000 });
    outside.push(...(kit.parseTimings(stdout).cpu ?? []));
  }
  const insideMs = Math.round(kit.median(inside));
  ctx.fact('cpuInsideMs', insideMs);
  if (why) {
    ctx.note(`Not measured outside: ${why}.`);
    ctx.fact('cpuOutsideSkipped', why);
    return undefined;
  }
  const outsideMs = Math.round(kit.median(outside));
  ctx.output(`inside  ${inside.map(Math.round).join(' ')} ms\noutside ${outside.map(Math.round).join(' ')} ms`);
  ctx.facts({ cpuOutsideMs: outsideMs, cpuInsideOverOutside: kit.ratio(insideMs, outsideMs) });
  ctx.note('The same instructions on the same kernel and CPU: a namespace and a cgroup add nothing to a busy loop.');
  return outsideMs;
}

async function io(ctx: Ctx) {
  ctx.step('File writes: the writable layer against a volume');
  const volume = ctx.name('io');
  ctx.shown(`docker volume create ${volume}`);
  await ctx.docker.createVolume({ Name: volume, Labels: ctx.labels, abortSignal: ctx.signal });
  const write = (dir: string, label: string) =>
    kit.timedScript(label, `dd if=/dev/zero of=${dir}/f bs=1M count=32 conv=fsync 2>/dev/null; rm ${dir}/f`);
  const rounds = Array.from({ length: ROUNDS }, () => `${write('/scratch', 'layer')}; ${write('/vol', 'volume')}`);
  const ran = await ctx.run({
    volumes: [`${volume}:/vol`],
    cmd: ['sh', '-c', `${kit.NOW_US}\nmkdir /scratch; ${rounds.join('; ')}`],
    shown: ['sh', '-c', 'dd if=/dev/zero of=/scratch/f bs=1M count=32 conv=fsync; dd … of=/vol/f …'],
    deadlineMs: 60_000,
    wait: `writing 32 MiB ${ROUNDS * 2} times`,
  });
  const { layer = [], volume: vol = [] } = kit.parseTimings(ran.stdout);
  ctx.output(`layer  ${layer.map(Math.round).join(' ')} ms\nvolume ${vol.map(Math.round).join(' ')} ms`);
  const [layerMs, volumeMs] = [Math.round(kit.median(layer)), Math.round(kit.median(vol))];
  ctx.facts({ writeLayerMs: layerMs, writeVolumeMs: volumeMs, writeLayerOverVolume: kit.ratio(layerMs, volumeMs) });
  ctx.note(`The writable layer is an overlay filesystem; a volume is a plain directory of the host bind-mounted in.
    New files cost about the same; overlay's price is the first write to a file from the image (copy-up).`);
}

const SERVE = 'mkdir -p /www && echo hello > /www/index.html && exec httpd -f -h /www -p';

async function servers(ctx: Ctx) {
  const nat = await ctx.start({
    name: 'web',
    network: 'bridge',
    publish: [{ hostIp: '127.0.0.1', containerPort: 8080 }],
    cmd: ['sh', '-c', `${SERVE} 8080`],
  });
  const hostPort = 20000 + Math.floor(Math.random() * 20000);
  const onHost = await ctx.start({
    name: 'web-host',
    network: 'host',
    cmd: ['sh', '-c', `${SERVE} 127.0.0.1:${hostPort}`],
  });
  const info = await ctx.inspect(nat, '{{.NetworkSettings.Networks.bridge.IPAddress}} {{.NetworkSettings.Ports}}');
  const published = info.NetworkSettings.Ports['8080/tcp']?.[0]?.HostPort;
  const ip = info.NetworkSettings.Networks.bridge?.IPAddress;
  if (!published || !ip) throw new kit.WharfError('The server container got no published port or no IP address.');
  return {
    boxes: [nat, onHost] as Box[],
    targets: { published: `127.0.0.1:${published}`, host: `127.0.0.1:${hostPort}`, containerIp: `${ip}:8080` },
    ip,
  };
}

async function http(ctx: Ctx) {
  ctx.step('HTTP: published port, host network, container IP');
  ctx.note(`busybox httpd serves a small page three ways. A client on the host network (a helper container, so it also
    works where the engine runs in a VM) fetches it ${REQUESTS} times on each path with wget, one request after the
    other; the container's IP is reachable only from the engine's host.`);
  const { targets, ip } = await servers(ctx);
  ctx.fact('containerIp', ip);
  const ready = (t: string) =>
    `n=0; until wget -q -O /dev/null http://${t}/; do n=$((n+1)); [ $n -gt 50 ] && break; sleep 0.1; done`;
  // The paths take turns, a quarter of the requests at a time, so a burst of load elsewhere hits all three alike.
  const batch = REQUESTS / HTTP_ROUNDS;
  const fetches = (t: string) =>
    `i=0; while [ $i -lt ${batch} ]; do wget -q -O /dev/null http://${t}/ && ok=$((ok+1)); i=$((i+1)); done`;
  const bench = (label: string, t: string) => `ok=0; ${kit.timedScript(label, fetches(t))}; echo "ok-${label} $ok"`;
  const round = Object.entries(targets).map(([label, t]) => bench(label, t));
  const script = [
    kit.NOW_US,
    ...Object.values(targets).map(ready),
    ...Array.from({ length: HTTP_ROUNDS }, () => round).flat(),
  ].join('\n');
  const loop = `for i in $(seq ${REQUESTS}); do wget -q -O /dev/null http://${targets.published}/; done`;
  const out = (
    await ctx.run({
      network: 'host',
      cmd: ['sh', '-c', script],
      shown: ['sh', '-c', loop],
      deadlineMs: 90_000,
      wait: `${REQUESTS * 3} requests`,
    })
  ).stdout;
  const times = kit.parseTimings(out);
  const ok = (label: string) =>
    [...out.matchAll(new RegExp(`^ok-${label} (\\d+)$`, 'gm'))].reduce((sum, m) => sum + Number(m[1]), 0);
  const total = (label: string) => (times[label] ?? []).reduce((sum, ms) => sum + ms, 0);
  const per = (label: string) => Math.round((total(label) / REQUESTS) * 100) / 100;
  const ms = { published: per('published'), host: per('host'), containerIp: per('containerIp') };
  ctx.output(
    Object.entries(ms)
      .map(([label, value]) => `${label.padEnd(12)} ${value} ms per request`)
      .join('\n'),
  );
  ctx.facts({
    httpRequests: REQUESTS,
    httpOk: { published: ok('published'), host: ok('host'), containerIp: ok('containerIp') },
    httpMsPerRequest: ms,
    httpPublishedOverHost: kit.ratio(ms.published, ms.host),
    httpContainerIpOverHost: kit.ratio(ms.containerIp, ms.host),
  });
  ctx.note(`Each request includes starting wget, the same on every path. A port published on 127.0.0.1 goes through
    docker-proxy (or NAT rules where the userland proxy is off); the host network and the container's IP do not.`);
}

async function vm(ctx: Ctx, outsideMs: number | undefined) {
  ctx.step('And inside a VM?');
  const record = await kit.lastVmBootRecord();
  const tools = await kit.findVmTools();
  const kvm = record ? record.accel === 'kvm' : await kit.hostHasKvm();
  if ('missing' in tools || !kvm || outsideMs === undefined) {
    const why =
      'missing' in tools
        ? tools.missing
        : !kvm
          ? 'the VM runs under software emulation here (no working KVM)'
          : 'no outside figure to compare with';
    ctx.note(`Not compared: ${why}. Under software emulation every guest instruction is translated, so a VM figure would
      measure QEMU's translator, not virtualisation's overhead.`);
    ctx.fact('vmComparable', false);
    return;
  }
  ctx.wait('booting a VM with KVM to run the same loop');
  const booted = await kit.bootMinimalVm(tools, { task: cpuScript, signal: ctx.signal, kvmOnly: true });
  ctx.shown(kit.shellLine(booted.argv));
  const inVm = kit.parseTimings(booted.task).cpu?.[0];
  ctx.fact('vmComparable', booted.accel === 'kvm' && inVm !== undefined);
  if (booted.accel === 'kvm' && inVm !== undefined) ctx.fact('vmCpuOverOutside', kit.ratio(inVm, outsideMs));
}

export const lab = defineLab({
  id: 'overhead',
  title: 'Overhead: inside vs outside',
  shows:
    'A CPU loop inside vs outside, writable layer vs volume, HTTP via NAT vs host network vs container IP, as ratios.',
  facts,
  async run(ctx) {
    const outsideMs = await cpu(ctx);
    await io(ctx);
    await http(ctx);
    await vm(ctx, outsideMs);
  },
});

await runIfMain(import.meta.url, lab);
