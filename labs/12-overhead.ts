#!/usr/bin/env tsx
// Lab "overhead": what running inside a container costs. A CPU loop inside and outside, file writes
// to the writable layer and to a volume, HTTP through a published port (NAT), the host network and
// the container's own IP — each as a ratio, the shape of Felter et al. (IBM, 2014) on this machine.
import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { relative } from 'node:path';
import { promisify } from 'node:util';
import type { Said } from './kit/index.ts';
import * as kit from './kit/index.ts';
import { type Box, type ContextFor, defineLab, fact, runIfMain } from './kit/index.ts';
import { overhead as text } from './text/overhead.ts';

const facts = {
  cpuInsideMs: fact<number>(),
  cpuOutsideMs: fact<number>(),
  cpuInsideOverOutside: fact<number>(),
  cpuOutsideSkipped: fact<Said>(),
  writeLayerMs: fact<number>(),
  writeVolumeMs: fact<number>(),
  writeLayerOverVolume: fact<number>(),
  httpRequests: fact<number>(),
  httpOk: fact<{ published: number; host: number; containerIp: number }>(),
  httpMsPerRequest: fact<{ published: number; host: number; containerIp: number }>(),
  httpPublishedOverHost: fact<number>(),
  httpContainerIpOverHost: fact<number>(),
  containerIp: fact<string>(),
  containerNetwork: fact<string>(),
  vmComparable: fact<boolean>(),
  vmCpuOverOutside: fact<number>(),
};
type Ctx = ContextFor<typeof facts, typeof text>;

const ROUNDS = 3;
const LOOP = 'i=0; while [ $i -lt 100000 ]; do i=$((i+1)); done';
const cpuScript = `${kit.NOW_US}\n${kit.timedScript('cpu', LOOP)}`;
const REQUESTS = 100;
const HTTP_ROUNDS = 4;
const run = promisify(execFile);

/** Outside = a process of the engine host itself, so only where this lab runs on that host. */
async function outsideReason(ctx: Ctx): Promise<Said | null> {
  if (process.platform !== 'linux') return { key: 'otherPlatform', values: { platform: process.platform } };
  const local = (await readFile('/proc/sys/kernel/random/boot_id', 'utf8').catch(() => '')).trim();
  const host = (
    await ctx.onHost('cat /proc/sys/kernel/random/boot_id', { shown: ['cat', '/proc/sys/kernel/random/boot_id'] })
  ).trim();
  return local === host ? null : { key: 'otherHost' };
}

async function cpu(ctx: Ctx) {
  ctx.step('cpu');
  ctx.note('cpuLoopTimed', { n: ROUNDS });
  const why = await outsideReason(ctx);
  const busybox = kit.busyboxPathFor(ctx.engine.arch);
  const inside: number[] = [];
  const outside: number[] = [];
  for (let round = 0; round < ROUNDS; round += 1) {
    const ran = await ctx.run({ cmd: ['sh', '-c', cpuScript], shown: ['sh', '-c', LOOP], wait: 'cpuLoop' });
    inside.push(...(kit.parseTimings(ran.stdout).cpu ?? []));
    if (why) continue;
    if (round === 0) ctx.shown(kit.shellLine([relative(process.cwd(), busybox), 'sh', '-c', LOOP]));
    const { stdout } = await run(busybox, ['sh', '-c', cpuScript], { signal: ctx.signal, timeout: 60_000 });
    outside.push(...(kit.parseTimings(stdout).cpu ?? []));
  }
  const insideMs = Math.round(kit.median(inside));
  ctx.fact('cpuInsideMs', insideMs);
  if (why) {
    ctx.note('notOutside', { why });
    ctx.fact('cpuOutsideSkipped', why);
    return undefined;
  }
  const outsideMs = Math.round(kit.median(outside));
  ctx.output(`inside  ${inside.map(Math.round).join(' ')} ms\noutside ${outside.map(Math.round).join(' ')} ms`);
  ctx.facts({ cpuOutsideMs: outsideMs, cpuInsideOverOutside: kit.ratio(insideMs, outsideMs) });
  ctx.note('sameCpu');
  return outsideMs;
}

async function io(ctx: Ctx) {
  ctx.step('io');
  const volume = await ctx.createVolume('io');
  const write = (dir: string, label: string) =>
    kit.timedScript(label, `dd if=/dev/zero of=${dir}/f bs=1M count=32 conv=fsync 2>/dev/null; rm ${dir}/f`);
  const rounds = Array.from({ length: ROUNDS }, () => `${write('/scratch', 'layer')}; ${write('/vol', 'volume')}`);
  const ran = await ctx.run({
    volumes: [`${volume}:/vol`],
    cmd: ['sh', '-c', `${kit.NOW_US}\nmkdir /scratch; ${rounds.join('; ')}`],
    shown: ['sh', '-c', 'dd if=/dev/zero of=/scratch/f bs=1M count=32 conv=fsync; dd … of=/vol/f …'],
    deadlineMs: 60_000,
    wait: { key: 'writing', values: { n: ROUNDS * 2 } },
  });
  const { layer = [], volume: vol = [] } = kit.parseTimings(ran.stdout);
  ctx.output(`layer  ${layer.map(Math.round).join(' ')} ms\nvolume ${vol.map(Math.round).join(' ')} ms`);
  const [layerMs, volumeMs] = [Math.round(kit.median(layer)), Math.round(kit.median(vol))];
  ctx.facts({ writeLayerMs: layerMs, writeVolumeMs: volumeMs, writeLayerOverVolume: kit.ratio(layerMs, volumeMs) });
  ctx.note('layerVsVolume');
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
  // `--network bridge` is the engine's default network, whatever the engine calls it inside: Docker
  // `bridge`, Podman `podman` (its Docker API lists that network as `bridge`, but a container's own
  // record names it `podman`). So the IP is read from the one network the container is on.
  const info = await ctx.inspect(
    nat,
    '{{range $name, $net := .NetworkSettings.Networks}}{{$name}} {{$net.IPAddress}}{{end}} {{.NetworkSettings.Ports}}',
  );
  const published = info.NetworkSettings.Ports['8080/tcp']?.[0]?.HostPort;
  const [network, settings] = Object.entries(info.NetworkSettings.Networks)[0] ?? [];
  const ip = settings?.IPAddress;
  if (!published || !network || !ip)
    throw new kit.WharfError('The server container got no published port or no IP address.');
  return {
    boxes: [nat, onHost] as Box[],
    targets: { published: `127.0.0.1:${published}`, host: `127.0.0.1:${hostPort}`, containerIp: `${ip}:8080` },
    ip,
    network,
  };
}

async function http(ctx: Ctx) {
  ctx.step('http');
  ctx.note('threeWays', { n: REQUESTS });
  const { targets, ip, network } = await servers(ctx);
  ctx.facts({ containerIp: ip, containerNetwork: network });
  if (network !== 'bridge') ctx.note('defaultNetworkNamed', { network, ip });
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
  const { stdout: out } = await ctx.run({
    network: 'host',
    cmd: ['sh', '-c', script],
    shown: ['sh', '-c', loop],
    deadlineMs: 90_000,
    wait: { key: 'requests', values: { n: REQUESTS * 3 } },
  });
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
  ctx.note('proxyHop');
  if (ctx.engine.product === 'Podman') ctx.note('podmanForwards');
}

async function vm(ctx: Ctx, outsideMs: number | undefined) {
  ctx.step('vm');
  const record = await kit.lastVmBootRecord();
  const tools = await kit.findVmTools();
  const kvm = record ? record.accel === 'kvm' : await kit.hostHasKvm();
  if ('missing' in tools || !kvm || outsideMs === undefined) {
    const why = 'missing' in tools ? tools.missing : { key: !kvm ? 'noKvm' : 'noOutsideFigure' };
    ctx.note('notCompared', { why });
    ctx.fact('vmComparable', false);
    return;
  }
  ctx.wait('bootingKvm');
  const booted = await kit.bootMinimalVm(tools, { task: cpuScript, signal: ctx.signal, kvmOnly: true });
  ctx.shown(kit.shellLine(booted.argv));
  const inVm = kit.parseTimings(booted.task).cpu?.[0];
  ctx.fact('vmComparable', booted.accel === 'kvm' && inVm !== undefined);
  if (booted.accel === 'kvm' && inVm !== undefined) ctx.fact('vmCpuOverOutside', kit.ratio(inVm, outsideMs));
}

export const lab = defineLab({
  id: 'overhead',
  text,
  facts,
  async run(ctx) {
    const outsideMs = await cpu(ctx);
    await io(ctx);
    await http(ctx);
    await vm(ctx, outsideMs);
  },
});

await runIfMain(import.meta.url, lab);
