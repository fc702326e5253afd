// Lab "cgroups": namespaces decide what a container sees; cgroups decide how much it may use. Three
// limits bite live — memory, CPU, processes — and each is read back from the container's own cgroup.
import { setTimeout as sleep } from 'node:timers/promises';
import * as kit from './kit/index.ts';
import { type Box, type ContextFor, defineLab, fact, runIfMain } from './kit/index.ts';
import { cgroups as text } from './text/cgroups.ts';

type Counters = { periods: number; throttled: number; throttledUs: number };
const facts = {
  memoryLimitInside: fact<number | null>(),
  oomKillsCounted: fact<number | null>(),
  oomKilled: fact<boolean>(),
  memoryExitCode: fact<number>(),
  cpuMaxInside: fact<{ quotaUs: number | null; periodUs: number }>(),
  cpusAllowedInside: fact<number | null>(),
  cpuShareMeasured: fact<number>(),
  cpuMeasuredOverMs: fact<number>(),
  throttlingBefore: fact<Counters>(),
  throttlingAfter: fact<Counters>(),
  pidsLimitInside: fact<number | null>(),
  forkLoopStarted: fact<number>(),
  forkError: fact<string | null>(),
  forkLoopExitCode: fact<number>(),
  hostProcessesStarted: fact<number>(),
};
type Ctx = ContextFor<typeof facts, typeof text>;
type Files = kit.CgroupFiles;

const PIDS = 16;
/** Every container of this lab gets all three limits, whichever one it demonstrates. */
const LIMITS = { memory: 48 * 2 ** 20, memorySwap: 48 * 2 ** 20, cpus: 0.5, pidsLimit: PIDS };
const MEASURE_MS = 2000;
/** The fork loop stops by itself after this many, should a pids limit ever not apply. */
const FORK_CAP = 64;

async function memory(ctx: Ctx, files: Files) {
  ctx.step('memory').note('tailGrows');
  const hog = kit.memoryHog(files);
  const wait = 'hogEating';
  const ran = await ctx.run({ name: 'hog', ...LIMITS, cmd: hog.cmd, shown: hog.shown, deadlineMs: 20_000, wait });
  const out = hog.parse(ran.stdout);
  ctx.output(`${out.limit}\n${out.hog || '(tail was killed)'}\n${out.events}\n(exit code ${ran.exitCode})`);
  ctx.facts({ memoryLimitInside: kit.parseLimit(out.limit), oomKillsCounted: kit.parseOomKills(out.events) });
  ctx.facts({ oomKilled: ran.oomKilled, memoryExitCode: ran.exitCode });
  ctx.note('cgroupRanOut');
}

/** CPU time used so far (engine stats) and the throttling counters (the container's own cpu.stat), together. */
async function cpuSnapshot(ctx: Ctx, spinner: Box, cpuStat: string) {
  const [stats, stat] = await Promise.all([ctx.stats(spinner), ctx.exec(spinner, ['cat', cpuStat])]);
  const throttling = kit.parseThrottling(stat.stdout);
  return { usageNs: stats.cpu_stats.cpu_usage.total_usage, readMs: Date.parse(stats.read), throttling };
}

async function cpu(ctx: Ctx, files: Files) {
  ctx.step('cpu');
  const spinner = await ctx.start({ name: 'spinner', ...LIMITS, cmd: ['sh', '-c', 'while :; do :; done'] });
  const cpuMax = kit.parseCpuMax((await ctx.exec(spinner, ['cat', ...files.cpuMax], { print: true })).stdout);
  ctx.facts({ cpuMaxInside: { ...cpuMax }, cpusAllowedInside: kit.cpusAllowed(cpuMax) });
  ctx.note('quotaPerPeriod');
  const before = await cpuSnapshot(ctx, spinner, files.cpuStat);
  ctx.wait('measuring', { seconds: MEASURE_MS / 1000 });
  await sleep(MEASURE_MS, undefined, { signal: ctx.signal });
  const after = await cpuSnapshot(ctx, spinner, files.cpuStat);
  const [usedNs, wallNs] = [after.usageNs - before.usageNs, (after.readMs - before.readMs) * 1e6];
  const used = `CPU time used: ${(usedNs / 1e9).toFixed(2)} s in ${(wallNs / 1e9).toFixed(2)} s of wall time`;
  const [was, is] = [kit.throttlingText(before.throttling), kit.throttlingText(after.throttling)];
  ctx.output(`${used}\nbefore: ${was}\nafter:  ${is}`);
  ctx.facts({
    cpuShareMeasured: Math.round((usedNs / wallNs) * 1000) / 1000,
    cpuMeasuredOverMs: Math.round(wallNs / 1e6),
  });
  ctx.facts({ throttlingBefore: { ...before.throttling }, throttlingAfter: { ...after.throttling } });
  ctx.note('halfACpu');
  await ctx.remove(spinner);
}

async function forks(ctx: Ctx, files: Files) {
  ctx.step('forks');
  const loop = ['sh', '-c', kit.forkLoop(files, FORK_CAP)];
  const ran = await ctx.run({ name: 'forks', ...LIMITS, cmd: loop, deadlineMs: 20_000 });
  const { limitLine, started, forkError } = kit.parseForkLoop(ran.stdout, ran.stderr);
  ctx.output(`${limitLine}\nstarted 1 … started ${started}\n${ran.stderr.trim()}`);
  ctx.fact('pidsLimitInside', kit.parseLimit(limitLine));
  ctx.facts({ forkLoopStarted: started, forkError, forkLoopExitCode: ran.exitCode });
  ctx.note('forkStopped', { started, total: started + 1 });
}

async function onTheHost(ctx: Ctx) {
  ctx.step('onTheHost');
  const count = 2 * PIDS;
  // Counted with builtins only (are their /proc entries there?), then stopped, so nothing outlives the helper.
  const start = `i=0; p=; while [ $i -lt ${count} ]; do sleep 5 & p="$p $!"; i=$((i+1)); done`;
  const script = `${start}; n=0; for q in $p; do [ -d /proc/$q ] && n=$((n+1)); done; echo $n; kill $p; wait`;
  // The helper is bounded too, by limits well above what it starts.
  const helper = { ...LIMITS, pidsLimit: 4 * PIDS, wait: 'startingOnHost' };
  const started = Number((await ctx.onHost(script, helper)).trim());
  ctx.output(`${started} sleeps running at once`);
  ctx.fact('hostProcessesStarted', started);
  ctx.note('limitIsTheCgroups');
}

export const lab = defineLab({
  id: 'cgroups',
  text,
  facts,
  async run(ctx) {
    const version = ctx.engine.cgroupVersion;
    ctx.note(version === '1' ? 'cgroupV1' : 'cgroupV2');
    for (const part of [memory, cpu, forks]) await part(ctx, kit.CGROUP_FILES[version]);
    await onTheHost(ctx);
  },
});

await runIfMain(import.meta.url, lab);
