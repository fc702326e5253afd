#!/usr/bin/env tsx
// Lab "density": how many idle containers one host holds, how fast they come and go, and what each
// one costs in memory, seen from the engine host — beside what a minimal VM costs.
import type { Said } from './kit/index.ts';
import * as kit from './kit/index.ts';
import { type ContextFor, defineLab, type Fleet, fact, runIfMain } from './kit/index.ts';
import { density as text } from './text/density.ts';

const facts = {
  containers: fact<number>(),
  upMs: fact<number>(),
  downMs: fact<number>(),
  perContainerUpMs: fact<number>(),
  cgroupBytesMean: fact<number>(),
  shimRssBytesMean: fact<number>(),
  shimPssBytesMean: fact<number>(),
  shimProcess: fact<string>(),
  perContainerBytes: fact<number>(),
  vmMemoryBytes: fact<number>(),
  vmMemorySource: fact<Said>(),
  vmOverContainer: fact<number>(),
};
type Ctx = ContextFor<typeof facts, typeof text>;

const PARALLEL = 6;
/** The notes' figure (000): three VMs of 700 MB each need 2.1 GB. */
const NOTES_VM_BYTES = 700e6;
const MiB = 2 ** 20;

async function up(ctx: Ctx, count: number): Promise<Fleet> {
  ctx.step('up', { n: count });
  ctx.note('eachSleeps', { n: PARALLEL });
  const started = performance.now();
  const fleet = await ctx.startMany({ name: 'idle', cmd: ['sleep', '3600'] }, count, PARALLEL, {
    key: 'starting',
    values: { n: count },
  });
  const upMs = Math.round(performance.now() - started);
  ctx.output(`${fleet.boxes.length} containers up in ${(upMs / 1000).toFixed(1)} s`);
  ctx.facts({ containers: fleet.boxes.length, upMs, perContainerUpMs: Math.round(upMs / fleet.boxes.length) });
  return fleet;
}

/** The file of a container's cgroup that holds the memory charged to it, by cgroup version. */
const usageFile = (cgroupVersion: '1' | '2') =>
  cgroupVersion === '1' ? 'memory/memory.usage_in_bytes' : 'memory.current';

/** One line per container from the host: its cgroup's memory and its shim's RSS, PSS and name. */
function memoryScript(pids: number[], cgroupVersion: '1' | '2'): string {
  const usage = usageFile(cgroupVersion);
  return [
    `for pid in ${pids.join(' ')}; do`,
    `  shim=$(cut -d' ' -f4 /proc/$pid/stat)`,
    `  cg=$(cat /proc/$pid/root/sys/fs/cgroup/${usage})`,
    `  rss=$(awk '/^VmRSS:/ {print $2}' /proc/$shim/status)`,
    `  pss=$(awk '/^Pss:/ {print $2}' /proc/$shim/smaps_rollup)`,
    `  echo "$pid $cg $rss $pss $(cat /proc/$shim/comm)"`,
    'done',
  ].join('\n');
}

async function memory(ctx: Ctx, fleet: Fleet) {
  ctx.step('memory');
  // Shown: one name pattern for the fleet's fifty names.
  const infos = await ctx.inspectAll(fleet.boxes, '{{.State.Pid}}', { shown: [fleet.namePattern] });
  const pids = infos.map((info) => info.State.Pid);
  ctx.note('helperReads');
  const out = await ctx.onHost(memoryScript(pids, ctx.engine.cgroupVersion), {
    capAdd: ['SYS_PTRACE'],
    shown: [
      'sh',
      '-c',
      `cat /proc/$pid/root/sys/fs/cgroup/${usageFile(ctx.engine.cgroupVersion)}; grep VmRSS /proc/$shim/status`,
    ],
    wait: 'readingMemory',
  });
  const rows = out
    .trim()
    .split('\n')
    .map((line) => line.trim().split(/\s+/))
    .filter((cols) => cols.length >= 5 && cols.slice(0, 4).every((c) => /^\d+$/.test(c)));
  const mean = (index: number, scale: number) =>
    Math.round(rows.reduce((sum, cols) => sum + Number(cols[index]) * scale, 0) / Math.max(rows.length, 1));
  const [cgroup, rss, pss] = [mean(1, 1), mean(2, 1024), mean(3, 1024)];
  const shims = [...new Set(rows.map((cols) => cols[4] ?? ''))];
  ctx.output(
    `${rows.length} containers read: cgroup ${(cgroup / MiB).toFixed(2)} MiB, shim RSS ${(rss / MiB).toFixed(1)} MiB` +
      ` (PSS ${(pss / MiB).toFixed(1)} MiB) on average`,
  );
  ctx.facts({ cgroupBytesMean: cgroup, shimRssBytesMean: rss, shimPssBytesMean: pss, shimProcess: shims.join(', ') });
  ctx.fact('perContainerBytes', cgroup + rss);
  // Podman has no containerd: the parent that keeps each container is conmon, one per container.
  if (shims.includes('conmon')) ctx.note('keeperIsConmon');
  ctx.note('shimCost');
  return cgroup + rss;
}

async function againstVm(ctx: Ctx, perContainer: number) {
  ctx.step('againstVm');
  const record = await kit.lastVmBootRecord();
  if (record?.qemuRssBytes) {
    ctx.note('fromStartup', { at: record.at, accel: record.accel });
    const details = `${record.accel}, ${record.release}`;
    ctx.facts({
      vmMemoryBytes: record.qemuRssBytes,
      vmMemorySource: { key: 'kit.vmBootAt', values: { at: record.at, details } },
    });
  } else {
    ctx.note('notesFigure');
    ctx.facts({ vmMemoryBytes: NOTES_VM_BYTES, vmMemorySource: { key: 'kit.vmNotesFigure' } });
  }
  const vm = record?.qemuRssBytes ?? NOTES_VM_BYTES;
  ctx.fact('vmOverContainer', kit.ratio(vm, perContainer));
}

async function down(ctx: Ctx, fleet: Fleet) {
  ctx.step('down', { n: fleet.boxes.length });
  const started = performance.now();
  await ctx.removeMany(fleet, { key: 'removing', values: { n: fleet.boxes.length } });
  const downMs = Math.round(performance.now() - started);
  ctx.output(`${fleet.boxes.length} containers removed in ${(downMs / 1000).toFixed(1)} s`);
  ctx.fact('downMs', downMs);
}

export const lab = defineLab({
  id: 'density',
  text,
  facts,
  options: { count: { description: 'how many idle containers', default: 50, min: 1, max: 200 } },
  async run(ctx) {
    const count = ctx.options.count ?? 50;
    const fleet = await up(ctx, count);
    const perContainer = await memory(ctx, fleet);
    await down(ctx, fleet);
    await againstVm(ctx, perContainer);
  },
});

await runIfMain(import.meta.url, lab);
