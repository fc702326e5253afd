#!/usr/bin/env tsx
// Lab "cgroups": namespaces decide what a container sees; cgroups decide how much it may use. Three
// limits bite live — memory, CPU, processes — and each is read back from the container's own cgroup.
import { setTimeout as sleep } from 'node:timers/promises';
import type { Throttling } from './kit/index.ts';
import * as kit from './kit/index.ts';
import { type Box, type ContextFor, defineLab, fact, runIfMain } from './kit/index.ts';

type Counters = { periods: number; throttled: number; throttledUs: number };
const facts = {
  memoryLimitInside: fact<number | null>(),
  oomKillsCounted: fact<number | null>(),
  oomKilled: fact<boolean>('State.OOMKilled, as the engine reports it'),
  memoryExitCode: fact<number>('Exit code (128 + 9, SIGKILL)'),
  cpuMaxInside: fact<{ quotaUs: number | null; periodUs: number }>('CPU quota and period the container reads (µs)'),
  cpusAllowedInside: fact<number | null>('CPUs allowed: quota / period'),
  cpuShareMeasured: fact<number>('CPUs used by the busy loop (Δ CPU time / Δ wall time)'),
  cpuMeasuredOverMs: fact<number>('Measured over (ms)'),
  throttlingBefore: fact<Counters>('Throttling counters, first reading'),
  throttlingAfter: fact<Counters>('Throttling counters, second reading'),
  pidsLimitInside: fact<number | null>(),
  forkLoopStarted: fact<number>('Background processes the loop started before fork failed'),
  forkError: fact<string | null>('What the shell said'),
  forkLoopExitCode: fact<number>('Exit code of the shell'),
  hostProcessesStarted: fact<number>(),
};
type Ctx = ContextFor<typeof facts>;

const PIDS = 16;
/** Every container of this lab gets all three limits, whichever one it demonstrates. */
const LIMITS = { memory: 48 * 2 ** 20, memorySwap: 48 * 2 ** 20, cpus: 0.5, pidsLimit: PIDS };
const MEASURE_MS = 2000;
/** The fork loop stops by itself after this many, should a pids limit ever not apply. */
const FORK_CAP = 64;
const throttlingText = (t: Throttling) =>
  `${t.throttled} of ${t.periods} periods throttled, ${(t.throttledUs / 1e6).toFixed(2)} s waiting`;

async function memory(ctx: Ctx, files: (typeof kit.CGROUP_FILES)['1']) {
  ctx.step('Memory: a hog under a 48 MiB limit');
  // tail is not PID 1, so the shell outlives it: it passes on tail's exit status and then reads
  // the kernel's own count of OOM kills in the cgroup, which the engine's OOMKilled flag comes from.
  const hog = kit.sectionsScript({
    limit: `cat ${files.memoryLimit}`,
    hog: 'tail /dev/zero; status=$?',
    events: `cat ${files.memoryEvents}`,
  });
  const shown = [
    'sh',
    '-c',
    `cat ${files.memoryLimit}; tail /dev/zero; status=$?; cat ${files.memoryEvents}; exit $status`,
  ];
  ctx.note(
    'tail keeps the line it is reading in memory, and /dev/zero never ends a line: it grows until something stops it.',
  );
  const ran = await ctx.run({
    name: 'hog',
    ...LIMITS,
    cmd: ['sh', '-c', `${hog}; exit $status`],
    shown,
    deadlineMs: 20_000,
    wait: 'the hog is eating memory',
  });
  const out = kit.parseSections(ran.stdout, ['limit', 'hog', 'events']);
  ctx.output(`${out.limit}\n${out.hog || '(tail was killed)'}\n${out.events}\n(exit code ${ran.exitCode})`);
  ctx.fact('memoryLimitInside', kit.parseLimit(out.limit), `Memory limit the container reads in ${files.memoryLimit}`);
  ctx.fact('oomKillsCounted', kit.parseOomKills(out.events), `OOM kills the kernel counted (${files.memoryEvents})`);
  ctx.facts({ oomKilled: ran.oomKilled, memoryExitCode: ran.exitCode });
  ctx.note(`The cgroup ran out, not the machine: the kernel's OOM killer picked the biggest process in the container's
    cgroup and sent it SIGKILL. --memory-swap equal to --memory leaves no swap to spill into.`);
}

/** CPU time used so far (engine stats) and the throttling counters (the container's own cpu.stat), together. */
async function cpuSnapshot(ctx: Ctx, spinner: Box, cpuStat: string) {
  ctx.shown(`docker stats --no-stream ${spinner.name}`);
  const [stats, stat] = await Promise.all([
    // one-shot: the engine answers at once instead of sampling for a second (precpu_stats comes back zeroed).
    spinner.container.stats({ stream: false, 'one-shot': true, abortSignal: ctx.signal } as { stream: false }),
    ctx.exec(spinner, ['cat', cpuStat]),
  ]);
  const throttling = kit.parseThrottling(stat.stdout);
  return { usageNs: stats.cpu_stats.cpu_usage.total_usage, readMs: Date.parse(stats.read), throttling };
}

async function cpu(ctx: Ctx, files: (typeof kit.CGROUP_FILES)['1']) {
  ctx.step('CPU: a busy loop under --cpus 0.5');
  const spinner = await ctx.start({ name: 'spinner', ...LIMITS, cmd: ['sh', '-c', 'while :; do :; done'] });
  const cpuMax = kit.parseCpuMax((await ctx.exec(spinner, ['cat', ...files.cpuMax], { print: true })).stdout);
  ctx.facts({
    cpuMaxInside: { quotaUs: cpuMax.quotaUs, periodUs: cpuMax.periodUs },
    cpusAllowedInside: kit.cpusAllowed(cpuMax),
  });
  ctx.note(`Every period the group may run for \`quota\` microseconds in all; once that is spent it waits for the next
    period: it is throttled.`);
  const before = await cpuSnapshot(ctx, spinner, files.cpuStat);
  ctx.wait(`measuring for ${MEASURE_MS / 1000} s`);
  await sleep(MEASURE_MS, undefined, { signal: ctx.signal });
  const after = await cpuSnapshot(ctx, spinner, files.cpuStat);
  const [usedNs, wallNs] = [after.usageNs - before.usageNs, (after.readMs - before.readMs) * 1e6];
  const used = `CPU time used: ${(usedNs / 1e9).toFixed(2)} s in ${(wallNs / 1e9).toFixed(2)} s of wall time`;
  ctx.output(`${used}\nbefore: ${throttlingText(before.throttling)}\nafter:  ${throttlingText(after.throttling)}`);
  ctx.facts({
    cpuShareMeasured: Math.round((usedNs / wallNs) * 1000) / 1000,
    cpuMeasuredOverMs: Math.round(wallNs / 1e6),
  });
  ctx.facts({ throttlingBefore: { ...before.throttling }, throttlingAfter: { ...after.throttling } });
  ctx.note('A loop that would take a whole CPU gets half of one: the scheduler throttles it in every period.');
  await ctx.remove(spinner);
}

async function forks(ctx: Ctx, files: (typeof kit.CGROUP_FILES)['1']) {
  ctx.step('Processes: a fork loop under --pids-limit 16');
  const fork = `while [ $i -lt ${FORK_CAP} ]; do sleep 30 & i=$((i+1)); echo "started $i"; done`;
  const loop = `cat ${files.pidsMax}; i=0; ${fork}`;
  const ran = await ctx.run({ name: 'forks', ...LIMITS, cmd: ['sh', '-c', loop], deadlineMs: 20_000 });
  const [pidsMaxText = '', ...startedLines] = ran.stdout.trim().split('\n');
  const started = startedLines.filter((line) => /^started \d+$/.test(line)).length;
  ctx.output(`${pidsMaxText}\nstarted 1 … started ${started}\n${ran.stderr.trim()}`);
  ctx.fact('pidsLimitInside', kit.parseLimit(pidsMaxText), `Process limit the container reads in ${files.pidsMax}`);
  const forkError =
    ran.stderr
      .trim()
      .split('\n')
      .find((line) => /fork/i.test(line)) ?? null;
  ctx.facts({ forkLoopStarted: started, forkError, forkLoopExitCode: ran.exitCode });
  ctx.note(`${started} sleeps plus the shell itself make ${started + 1}: the next fork() got EAGAIN. A fork bomb in a
    container stops at its own limit.`);
}

async function onTheHost(ctx: Ctx) {
  ctx.step('Meanwhile, on the host');
  const count = 2 * PIDS;
  // Counted with builtins only (are their /proc entries there?), then stopped, so nothing outlives the helper.
  const start = `i=0; p=; while [ $i -lt ${count} ]; do sleep 5 & p="$p $!"; i=$((i+1)); done`;
  const script = `${start}; n=0; for q in $p; do [ -d /proc/$q ] && n=$((n+1)); done; echo $n; kill $p; wait`;
  // The helper is bounded too, by limits well above what it starts.
  const helper = { ...LIMITS, pidsLimit: 4 * PIDS, wait: 'starting processes from a helper on the host' };
  const started = Number((await ctx.onHost(script, helper)).trim());
  ctx.output(`${started} sleeps running at once`);
  ctx.fact('hostProcessesStarted', started, `Processes a helper outside the limit started at once (asked ${count})`);
  ctx.note("The limit belongs to the container's cgroup, not to the machine: everything else keeps forking.");
}

export const lab = defineLab({
  id: 'cgroups',
  title: 'cgroups: limits that bite',
  shows: 'A memory hog OOM-killed at 48 MiB, a busy loop held to half a CPU, a fork loop stopped at 16 processes.',
  facts,
  async run(ctx) {
    const version = ctx.engine.cgroupVersion;
    const layout = version === '1' ? 'one directory per controller' : 'one unified directory';
    ctx.note(`This engine uses cgroup v${version}: limits are read from ${layout} under /sys/fs/cgroup inside each
      container.`);
    await memory(ctx, kit.CGROUP_FILES[version]);
    await cpu(ctx, kit.CGROUP_FILES[version]);
    await forks(ctx, kit.CGROUP_FILES[version]);
    await onTheHost(ctx);
  },
});

await runIfMain(import.meta.url, lab);
