#!/usr/bin/env tsx
// Lab "startup": how long it takes to start a process, a container and a virtual machine, measured
// in one run and given as ratios: the folklore says milliseconds against minutes.
import { readFile } from 'node:fs/promises';
import type { Said } from './kit/index.ts';
import * as kit from './kit/index.ts';
import { type ContextFor, defineLab, fact, runIfMain } from './kit/index.ts';
import { startup as text } from './text/startup.ts';

const facts = {
  processRuns: fact<number>(),
  processMs: fact<number>(),
  containerRuns: fact<number>(),
  containerP50Ms: fact<number>(),
  containerP95Ms: fact<number>(),
  containerOverProcess: fact<number>(),
  vmOnEngineHost: fact<boolean>(),
  vmSkipped: fact<Said>(),
  vmAccel: fact<string>(),
  vmKvmFailure: fact<string | Said>(),
  vmBootMs: fact<number>(),
  vmOverContainer: fact<number>(),
  vmKernel: fact<string>(),
  vmMemoryBytes: fact<number | null>(),
};
type Ctx = ContextFor<typeof facts, typeof text>;

const PROCESS_RUNS = 200;
const CONTAINER_RUNS = 10;
const SECTION = '--- wharf ---';

async function processes(ctx: Ctx) {
  ctx.step('process');
  ctx.note('forkLoop', { n: PROCESS_RUNS });
  const loop = (body: string) => `i=0; while [ $i -lt ${PROCESS_RUNS} ]; do ${body}; i=$((i+1)); done`;
  const script = [
    kit.NOW_US,
    kit.timedScript('exec', loop('/bin/busybox true')),
    kit.timedScript('loop', loop(':')),
    `echo '${SECTION}'; cat /proc/sys/kernel/random/boot_id`,
  ].join('\n');
  const out = await ctx.onHost(script, {
    shown: ['sh', '-c', loop('/bin/busybox true')],
    wait: { key: 'forkExecs', values: { n: PROCESS_RUNS } },
  });
  const [timings = '', hostBootId = ''] = out.split(`${SECTION}\n`);
  const { exec = [], loop: bare = [] } = kit.parseTimings(timings);
  const processMs = ((exec[0] ?? Number.NaN) - (bare[0] ?? 0)) / PROCESS_RUNS;
  ctx.output(`${PROCESS_RUNS} × fork+exec: ${exec[0]?.toFixed(1)} ms, the bare loop: ${bare[0]?.toFixed(1)} ms`);
  ctx.facts({ processRuns: PROCESS_RUNS, processMs: Math.round(processMs * 1000) / 1000 });
  return { processMs, hostBootId: hostBootId.trim() };
}

async function containers(ctx: Ctx, processMs: number) {
  ctx.step('container');
  const samples = await ctx.timeRuns({ cmd: ['true'] }, CONTAINER_RUNS);
  const [p50, p95] = [kit.percentile(samples, 50), kit.percentile(samples, 95)];
  ctx.output(`${samples.join(' ')} ms\np50 ${p50} ms, p95 ${p95} ms`);
  ctx.facts({ containerRuns: samples.length, containerP50Ms: p50, containerP95Ms: p95 });
  ctx.fact('containerOverProcess', kit.ratio(p50, processMs));
  ctx.note('containerAround');
  return p50;
}

async function virtualMachine(ctx: Ctx, containerP50: number, hostBootId: string) {
  ctx.step('vm');
  const localBootId = (await readFile('/proc/sys/kernel/random/boot_id', 'utf8').catch(() => '')).trim();
  const onEngineHost = localBootId !== '' && localBootId === hostBootId;
  ctx.fact('vmOnEngineHost', onEngineHost);
  ctx.note(onEngineHost ? 'sameMachine' : 'otherMachine');
  const tools = await kit.findVmTools();
  if ('missing' in tools) {
    ctx.note('noVm', { why: tools.missing });
    ctx.fact('vmSkipped', tools.missing);
    return;
  }
  ctx.note('microvm');
  ctx.wait('booting');
  const vm = await kit.bootMinimalVm(tools, { signal: ctx.signal });
  ctx.shown(kit.shellLine(vm.argv));
  if (vm.kvmFailure) {
    ctx.note('kvmFailed', { why: vm.kvmFailure });
    ctx.fact('vmKvmFailure', vm.kvmFailure);
  }
  ctx.note(vm.accel === 'kvm' ? 'kvm' : 'tcg');
  ctx.output(`booted ${vm.release} in ${vm.bootMs} ms; boot id ${vm.bootId}`);
  ctx.facts({
    vmAccel: vm.accel,
    vmBootMs: vm.bootMs,
    vmOverContainer: kit.ratio(vm.bootMs, containerP50),
    vmKernel: vm.release,
    vmMemoryBytes: vm.qemuRssBytes,
  });
  const { task: _task, argv: _argv, ...record } = vm;
  await kit.saveVmBootRecord({ ...record, at: new Date().toISOString(), kernel: tools.kernel });
}

export const lab = defineLab({
  id: 'startup',
  text,
  facts,
  async run(ctx) {
    const { processMs, hostBootId } = await processes(ctx);
    const containerP50 = await containers(ctx, processMs);
    await virtualMachine(ctx, containerP50, hostBootId);
  },
});

await runIfMain(import.meta.url, lab);
