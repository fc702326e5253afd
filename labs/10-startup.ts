#!/usr/bin/env tsx
// Lab "startup": how long it takes to start a process, a container and a virtual machine, measured
// in one run and given as ratios: the folklore says milliseconds against minutes.
import { readFile } from 'node:fs/promises';
import * as kit from './kit/index.ts';
import { type ContextFor, defineLab, fact, runIfMain } from './kit/index.ts';

const facts = {
  processRuns: fact<number>('fork+exec of busybox timed on the engine host'),
  processMs: fact<number>('One fork+exec of busybox true on the engine host (ms, loop cost subtracted)'),
  containerRuns: fact<number>('Containers run one after the other (create, start, wait, remove)'),
  containerP50Ms: fact<number>('Container run, p50 (ms)'),
  containerP95Ms: fact<number>('Container run, p95 (ms)'),
  containerOverProcess: fact<number>('Container p50 / process (×)'),
  vmOnEngineHost: fact<boolean>('The VM boots on the engine host (same kernel boot id)'),
  vmSkipped: fact<string>('Why no VM booted'),
  vmAccel: fact<string>('How QEMU ran the VM (kvm: hardware, tcg: software emulation)'),
  vmKvmFailure: fact<string>('Why KVM was not used although the host has it'),
  vmBootMs: fact<number>('VM boot: QEMU started → the guest runs /init (ms)'),
  vmOverContainer: fact<number>('VM boot / container p50 (×)'),
  vmKernel: fact<string>('Kernel the VM booted (uname -r inside)'),
  vmMemoryBytes: fact<number | null>('QEMU resident memory once the guest is up'),
};
type Ctx = ContextFor<typeof facts>;

const PROCESS_RUNS = 200;
const CONTAINER_RUNS = 10;
const SECTION = '--- wharf ---';

async function processes(ctx: Ctx) {
  ctx.step('A process: fork and exec busybox on the engine host');
  ctx.note(`A --pid=host helper runs a shell loop on the engine's host: ${PROCESS_RUNS} times /bin/busybox true (a
    real fork and exec of the same binary the containers run), then the same loop with the builtin ':' so that the
    loop's own cost can be subtracted.`);
  const loop = (body: string) => `i=0; while [ $i -lt ${PROCESS_RUNS} ]; do ${body}; i=$((i+1)); done`;
  const script = [
    kit.NOW_US,
    kit.timedScript('exec', loop('/bin/busybox true')),
    kit.timedScript('loop', loop(':')),
    `echo '${SECTION}'; cat /proc/sys/kernel/random/boot_id`,
  ].join('\n');
  const out = await ctx.onHost(script, {
    shown: ['sh', '-c', loop('/bin/busybox true')],
    wait: `${PROCESS_RUNS} fork+exec on the engine host`,
  });
  const [timings = '', hostBootId = ''] = out.split(`${SECTION}\n`);
  const { exec = [], loop: bare = [] } = kit.parseTimings(timings);
  const processMs = ((exec[0] ?? Number.NaN) - (bare[0] ?? 0)) / PROCESS_RUNS;
  ctx.output(`${PROCESS_RUNS} × fork+exec: ${exec[0]?.toFixed(1)} ms, the bare loop: ${bare[0]?.toFixed(1)} ms`);
  ctx.facts({ processRuns: PROCESS_RUNS, processMs: Math.round(processMs * 1000) / 1000 });
  return { processMs, hostBootId: hostBootId.trim() };
}

async function containers(ctx: Ctx, processMs: number) {
  ctx.step('A container: create, start, wait for exit, remove');
  const samples = await ctx.timeRuns({ cmd: ['true'] }, CONTAINER_RUNS);
  const [p50, p95] = [kit.percentile(samples, 50), kit.percentile(samples, 95)];
  ctx.output(`${samples.join(' ')} ms\np50 ${p50} ms, p95 ${p95} ms`);
  ctx.facts({ containerRuns: samples.length, containerP50Ms: p50, containerP95Ms: p95 });
  ctx.fact('containerOverProcess', kit.ratio(p50, processMs));
  ctx.note(`The container runs the same fork and exec, plus everything around it: the engine's API, containerd, a
    shim, runc setting up namespaces, cgroups and the root filesystem, then tearing them down.`);
  return p50;
}

async function virtualMachine(ctx: Ctx, containerP50: number, hostBootId: string) {
  ctx.step('A virtual machine: QEMU boots a kernel');
  const localBootId = (await readFile('/proc/sys/kernel/random/boot_id', 'utf8').catch(() => '')).trim();
  const onEngineHost = localBootId !== '' && localBootId === hostBootId;
  ctx.fact('vmOnEngineHost', onEngineHost);
  ctx.note(
    onEngineHost
      ? `QEMU runs on the machine that runs this lab, which is also the engine host: both figures come from one
        machine.`
      : `QEMU runs on the machine that runs this lab, which is not the engine host (the engine is in a VM or on
        another machine): the VM figure comes from here, the container figures from there.`,
  );
  const tools = await kit.findVmTools();
  if ('missing' in tools) {
    ctx.note(`No VM boots here: ${tools.missing}.`);
    ctx.fact('vmSkipped', tools.missing);
    return;
  }
  ctx.note(`A stock Debian cloud kernel and a busybox initramfs on QEMU's microvm machine (no firmware, no PCI): the
    boot ends when the guest's /init prints its first line on the serial console.`);
  ctx.wait('booting a VM (software emulation takes a while)');
  const vm = await kit.bootMinimalVm(tools, { signal: ctx.signal });
  ctx.shown(kit.shellLine(vm.argv));
  if (vm.kvmFailure) {
    ctx.note(`KVM is present but the VM did not boot with it (${vm.kvmFailure}): software emulation.`);
    ctx.fact('vmKvmFailure', vm.kvmFailure);
  }
  ctx.note(
    vm.accel === 'kvm'
      ? 'KVM: the guest runs on the CPU directly, as in a cloud.'
      : `Software emulation (TCG): QEMU translates every guest instruction, so this boot is far slower than on
        hardware virtualisation (KVM, HVF), where a microVM boots in about a tenth of a second (Firecracker publishes
        ~125 ms).`,
  );
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
  title: 'Start-up: a process, a container, a VM',
  shows: 'fork+exec on the host, a container run (p50/p95) and a microVM boot, measured in one run, as ratios.',
  facts,
  async run(ctx) {
    const { processMs, hostBootId } = await processes(ctx);
    const containerP50 = await containers(ctx, processMs);
    await virtualMachine(ctx, containerP50, hostBootId);
  },
});

await runIfMain(import.meta.url, lab);
