#!/usr/bin/env tsx
// Lab "density": how many idle containers one host holds, how fast they come and go, and what each
// one costs in memory, seen from the engine host — beside what a minimal VM costs.
import * as kit from './kit/index.ts';
import { type ContextFor, defineLab, type Fleet, fact, runIfMain } from './kit/index.ts';

const facts = {
  containers: fact<number>('Idle containers started'),
  upMs: fact<number>('All of them up: created and started (ms)'),
  downMs: fact<number>('All of them removed (ms)'),
  perContainerUpMs: fact<number>('Up, per container (ms)'),
  cgroupBytesMean: fact<number>("Memory charged to each container's cgroup (mean)"),
  shimRssBytesMean: fact<number>("Resident memory of each container's shim (mean, RSS)"),
  shimPssBytesMean: fact<number>('The same shims, shared pages divided among them (mean, PSS)'),
  shimProcess: fact<string>('The process that keeps each container'),
  perContainerBytes: fact<number>('Memory per container: cgroup + shim RSS'),
  vmMemoryBytes: fact<number>('Memory of a minimal VM'),
  vmMemorySource: fact<string>('Where the VM figure comes from'),
  vmOverContainer: fact<number>('Minimal VM / one container (×)'),
};
type Ctx = ContextFor<typeof facts>;

const PARALLEL = 6;
/** The notes' figure (000): three VMs of 700 MB each need 2.1 GB. */
const NOTES_VM_BYTES = 700e6;
const MiB = 2 ** 20;

async function up(ctx: Ctx, count: number): Promise<Fleet> {
  ctx.step(`Start ${count} idle containers`);
  ctx.note(`Each one only sleeps, with no network (--network none): what is measured is the container itself.
    ${PARALLEL} start at a time.`);
  const started = performance.now();
  const fleet = await ctx.startMany({ name: 'idle', cmd: ['sleep', '3600'] }, count, PARALLEL, `starting ${count}`);
  const upMs = Math.round(performance.now() - started);
  ctx.output(`${fleet.boxes.length} containers up in ${(upMs / 1000).toFixed(1)} s`);
  ctx.facts({ containers: fleet.boxes.length, upMs, perContainerUpMs: Math.round(upMs / fleet.boxes.length) });
  return fleet;
}

/** One line per container from the host: its cgroup's memory and its shim's RSS, PSS and name. */
function memoryScript(pids: number[], cgroupVersion: '1' | '2'): string {
  const usage = cgroupVersion === '1' ? 'memory/memory.usage_in_bytes' : 'memory.current';
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
  ctx.step('What each one costs, seen from the host');
  ctx.shown(`docker inspect --format '{{.State.Pid}}' ${fleet.namePattern}`);
  const pids: number[] = [];
  for (let i = 0; i < fleet.boxes.length; i += PARALLEL) {
    const some = fleet.boxes.slice(i, i + PARALLEL);
    pids.push(
      ...(await Promise.all(
        some.map(async (box) => (await box.container.inspect({ abortSignal: ctx.signal })).State.Pid),
      )),
    );
  }
  ctx.note(`A --pid=host helper reads, for each container's process, the memory its cgroup is charged and the
    resident memory of its parent, the runtime shim that keeps it. Reading another process's memory map (PSS) needs
    CAP_SYS_PTRACE.`);
  const out = await ctx.onHost(memoryScript(pids, ctx.engine.cgroupVersion), {
    capAdd: ['SYS_PTRACE'],
    shown: [
      'sh',
      '-c',
      'cat /proc/$pid/root/sys/fs/cgroup/memory/memory.usage_in_bytes; grep VmRSS /proc/$shim/status',
    ],
    wait: 'reading memory from the host',
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
  ctx.note(`The sleeping process itself is tiny; most of a container's cost is its shim, and much of the shim's RSS
    is code all the shims share (PSS counts it once among them).`);
  return cgroup + rss;
}

async function againstVm(ctx: Ctx, perContainer: number) {
  ctx.step('Against a minimal VM');
  const record = await kit.lastVmBootRecord();
  if (record?.qemuRssBytes) {
    ctx.note(`From the last VM boot of lab startup (${record.at}, ${record.accel}): QEMU's resident memory once the
      guest ran its /init. A guest kernel, its page tables and caches, and QEMU itself, before any application.`);
    ctx.facts({
      vmMemoryBytes: record.qemuRssBytes,
      vmMemorySource: `lab startup's VM boot at ${record.at} (QEMU microvm, ${record.accel}, ${record.release})`,
    });
  } else {
    ctx.note(`No VM boot recorded on this machine (run lab startup where QEMU is installed): the notes' figure
      stands in, 700 MB per VM.`);
    ctx.facts({ vmMemoryBytes: NOTES_VM_BYTES, vmMemorySource: "the notes' figure: 700 MB per VM (not measured)" });
  }
  const vm = record?.qemuRssBytes ?? NOTES_VM_BYTES;
  ctx.fact('vmOverContainer', kit.ratio(vm, perContainer));
}

async function down(ctx: Ctx, fleet: Fleet) {
  ctx.step(`Remove all ${fleet.boxes.length}`);
  const started = performance.now();
  await ctx.removeMany(fleet, `removing ${fleet.boxes.length}`);
  const downMs = Math.round(performance.now() - started);
  ctx.output(`${fleet.boxes.length} containers removed in ${(downMs / 1000).toFixed(1)} s`);
  ctx.fact('downMs', downMs);
}

export const lab = defineLab({
  id: 'density',
  title: 'Density: many idle containers',
  shows: 'N idle containers up and down, timed, and the memory each costs (cgroup + shim) beside a minimal VM.',
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
