#!/usr/bin/env tsx
// Lab "cgroups": namespaces decide what a container sees; cgroups decide how much it may use. Three
// limits bite live — memory, CPU, processes — and each is read back from the container's own cgroup.
import { setTimeout as sleep } from 'node:timers/promises';
import type Docker from 'dockerode';
import { CGROUP_FILES, cpusAllowed, parseCpuMax, parseLimit, parseOomKills, parseThrottling, type Throttling } from './kit/cgroup.ts';
import { isMain, runLabCli } from './kit/cli.ts';
import { execIn, runToCompletion, startContainer } from './kit/containers.ts';
import { onEngineHost } from './kit/host-view.ts';
import { defineLab, type LabContext } from './kit/lab.ts';
import { parseSections, sectionsScript } from './kit/sections.ts';

const MEMORY = 48 * 2 ** 20;
const NANO_CPUS = 0.5e9;
const PIDS = 16;
/** Every container of this lab gets all three limits, whichever one it demonstrates. */
const LIMITS: Docker.HostConfig = { Memory: MEMORY, MemorySwap: MEMORY, NanoCpus: NANO_CPUS, PidsLimit: PIDS };
const LIMIT_FLAGS = `--memory ${MEMORY / 2 ** 20}m --memory-swap ${MEMORY / 2 ** 20}m --cpus ${NANO_CPUS / 1e9} --pids-limit ${PIDS}`;
const MEASURE_MS = 2000;
/** The fork loop stops by itself after this many, should a pids limit ever not apply. */
const FORK_CAP = 64;

interface CpuSnapshot {
  usageNs: number;
  readMs: number;
  throttling: Throttling;
}

const throttlingText = (t: Throttling) => `${t.throttled} of ${t.periods} periods throttled, ${(t.throttledUs / 1e6).toFixed(2)} s waiting`;

/** CPU time used so far (engine stats) and the throttling counters (the container's own cpu.stat), together. */
async function cpuSnapshot(ctx: LabContext, container: Docker.Container, cpuStatFile: string): Promise<CpuSnapshot> {
  const [stats, cpuStat] = await Promise.all([
    // one-shot: the engine answers at once instead of sampling for a second (precpu_stats, unused here, comes back zeroed).
    container.stats({ stream: false, 'one-shot': true, abortSignal: ctx.signal } as { stream: false; 'one-shot': boolean }),
    execIn(ctx.docker, container, ['cat', cpuStatFile], { signal: ctx.signal }),
  ]);
  return { usageNs: stats.cpu_stats.cpu_usage.total_usage, readMs: Date.parse(stats.read), throttling: parseThrottling(cpuStat.stdout) };
}

export const lab = defineLab({
  id: 'cgroups',
  title: 'cgroups: limits that bite',
  shows: 'A memory hog OOM-killed at 48 MiB, a busy loop held to half a CPU, a fork loop stopped at 16 processes.',

  async run(ctx) {
    const { docker, signal } = ctx;
    const files = CGROUP_FILES[ctx.engine.cgroupVersion];
    ctx.note(`This engine uses cgroup v${ctx.engine.cgroupVersion}: limits are read from ${ctx.engine.cgroupVersion === '1' ? 'one directory per controller' : 'one unified directory'} under /sys/fs/cgroup inside each container.`);

    ctx.step('Memory: a hog under a 48 MiB limit');
    const hogName = ctx.name('hog');
    // tail is not PID 1, so the shell outlives it: it passes on tail's exit status and then reads
    // the kernel's own count of OOM kills in the cgroup, which the engine's OOMKilled flag comes from.
    const hogScript = sectionsScript({ limit: `cat ${files.memoryLimit}`, hog: 'tail /dev/zero; status=$?', events: `cat ${files.memoryEvents}` });
    const hogShown = `cat ${files.memoryLimit}; tail /dev/zero; status=$?; cat ${files.memoryEvents}; exit $status`;
    ctx.command(`docker run --name ${hogName} ${LIMIT_FLAGS} ${ctx.baseImage} sh -c '${hogShown}'`);
    ctx.note('tail keeps the line it is reading in memory, and /dev/zero never ends a line: it grows until something stops it.');
    ctx.wait('the hog is eating memory');
    const hog = await runToCompletion(
      docker,
      { image: ctx.baseImage, cmd: ['sh', '-c', `${hogScript}; exit $status`], name: hogName, labels: ctx.labels, hostConfig: LIMITS, signal },
      20_000,
    );
    const hogOutput = parseSections(hog.stdout, ['limit', 'hog', 'events']);
    ctx.output(`${hogOutput.limit}\n${hogOutput.hog || '(tail was killed)'}\n${hogOutput.events}\n(exit code ${hog.exitCode})`);
    ctx.fact('memoryLimitRequested', MEMORY, 'Memory limit asked for (bytes)');
    ctx.fact('memoryLimitInside', parseLimit(hogOutput.limit), `Memory limit the container reads in ${files.memoryLimit}`);
    ctx.fact('oomKillsCounted', parseOomKills(hogOutput.events), `OOM kills the kernel counted (${files.memoryEvents})`);
    ctx.fact('oomKilled', hog.oomKilled, 'State.OOMKilled, as the engine reports it');
    ctx.fact('memoryExitCode', hog.exitCode, 'Exit code (128 + 9, SIGKILL)');
    ctx.note("The cgroup ran out, not the machine: the kernel's OOM killer picked the biggest process in the container's cgroup and sent it SIGKILL. --memory-swap equal to --memory leaves no swap to spill into.");

    ctx.step('CPU: a busy loop under --cpus 0.5');
    const spinnerName = ctx.name('spinner');
    ctx.command(`docker run -d --name ${spinnerName} ${LIMIT_FLAGS} ${ctx.baseImage} sh -c 'while :; do :; done'`);
    const spinner = await startContainer(docker, { image: ctx.baseImage, cmd: ['sh', '-c', 'while :; do :; done'], name: spinnerName, labels: ctx.labels, hostConfig: LIMITS, signal });
    ctx.command(`docker exec ${spinnerName} cat ${files.cpuMax.join(' ')}`);
    const cpuMaxText = (await execIn(docker, spinner, ['cat', ...files.cpuMax], { signal })).stdout;
    ctx.output(cpuMaxText);
    const cpuMax = parseCpuMax(cpuMaxText);
    ctx.fact('cpuMaxInside', { quotaUs: cpuMax.quotaUs, periodUs: cpuMax.periodUs }, 'CPU quota and period the container reads (µs)');
    ctx.fact('cpusAllowedInside', cpusAllowed(cpuMax), 'CPUs allowed: quota / period');
    ctx.fact('cpusRequested', NANO_CPUS / 1e9, 'CPUs asked for (NanoCpus / 1e9)');
    ctx.note('Every period the group may run for `quota` microseconds in all; once that is spent it waits for the next period: it is throttled.');

    ctx.command(`docker stats --no-stream ${spinnerName}; docker exec ${spinnerName} cat ${files.cpuStat}   # twice, ${MEASURE_MS / 1000} s apart`);
    const before = await cpuSnapshot(ctx, spinner, files.cpuStat);
    ctx.wait(`measuring for ${MEASURE_MS / 1000} s`);
    await sleep(MEASURE_MS, undefined, { signal });
    const after = await cpuSnapshot(ctx, spinner, files.cpuStat);
    const wallNs = (after.readMs - before.readMs) * 1e6;
    const share = (after.usageNs - before.usageNs) / wallNs;
    ctx.output(`CPU time used: ${((after.usageNs - before.usageNs) / 1e9).toFixed(2)} s in ${(wallNs / 1e9).toFixed(2)} s of wall time\nbefore: ${throttlingText(before.throttling)}\nafter:  ${throttlingText(after.throttling)}`);
    ctx.fact('cpuShareMeasured', Math.round(share * 1000) / 1000, 'CPUs used by the busy loop (Δ CPU time / Δ wall time)');
    ctx.fact('cpuMeasuredOverMs', Math.round(wallNs / 1e6), 'Measured over (ms)');
    ctx.fact('throttlingBefore', { ...before.throttling }, 'Throttling counters, first reading');
    ctx.fact('throttlingAfter', { ...after.throttling }, 'Throttling counters, second reading');
    ctx.note('A loop that would take a whole CPU gets half of one: the scheduler throttles it in every period.');
    ctx.command(`docker rm -f ${spinnerName}`);
    await spinner.remove({ force: true, abortSignal: signal });

    ctx.step('Processes: a fork loop under --pids-limit 16');
    const forkName = ctx.name('forks');
    const forkScript = `cat ${files.pidsMax}; i=0; while [ $i -lt ${FORK_CAP} ]; do sleep 30 & i=$((i+1)); echo "started $i"; done`;
    ctx.command(`docker run --rm --name ${forkName} ${LIMIT_FLAGS} ${ctx.baseImage} sh -c '${forkScript}'`);
    const forks = await runToCompletion(docker, { image: ctx.baseImage, cmd: ['sh', '-c', forkScript], name: forkName, labels: ctx.labels, hostConfig: LIMITS, signal }, 20_000);
    const [pidsMaxText = '', ...startedLines] = forks.stdout.trim().split('\n');
    const started = startedLines.filter((line) => /^started \d+$/.test(line)).length;
    const forkError = forks.stderr.trim().split('\n').find((line) => /fork/i.test(line)) ?? null;
    ctx.output(`${pidsMaxText}\nstarted 1 … started ${started}\n${forks.stderr.trim()}`);
    ctx.fact('pidsLimitRequested', PIDS, 'Process limit asked for');
    ctx.fact('pidsLimitInside', parseLimit(pidsMaxText), `Process limit the container reads in ${files.pidsMax}`);
    ctx.fact('forkLoopStarted', started, 'Background processes the loop started before fork failed');
    ctx.fact('forkError', forkError, 'What the shell said');
    ctx.fact('forkLoopExitCode', forks.exitCode, 'Exit code of the shell');
    ctx.note(`${started} sleeps plus the shell itself make ${started + 1}: the next fork() got EAGAIN. A fork bomb in a container stops at its own limit.`);

    ctx.step('Meanwhile, on the host');
    const hostForks = 2 * PIDS;
    // Counted with builtins only (are their /proc entries there?), then stopped, so nothing outlives the helper.
    const hostScript = `i=0; p=; while [ $i -lt ${hostForks} ]; do sleep 5 & p="$p $!"; i=$((i+1)); done; n=0; for q in $p; do [ -d /proc/$q ] && n=$((n+1)); done; echo $n; kill $p; wait`;
    ctx.command(`docker run --rm --pid=host --memory 48m --cpus 0.5 --pids-limit ${4 * PIDS} ${ctx.baseImage} sh -c '${hostScript}'`);
    ctx.wait('starting processes from a helper on the host');
    // The helper is bounded too, by limits well above what it starts.
    const hostOutput = await onEngineHost(ctx, hostScript, {
      hostConfig: { Memory: MEMORY, MemorySwap: MEMORY, NanoCpus: NANO_CPUS, PidsLimit: 4 * PIDS },
    });
    const hostStarted = Number(hostOutput.trim());
    ctx.output(`${hostStarted} sleeps running at once`);
    ctx.fact('hostHelperOk', true, 'The host-side helper ran');
    ctx.fact('hostProcessesStarted', hostStarted, `Processes a helper outside the limit started at once (asked ${hostForks})`);
    ctx.note("The limit belongs to the container's cgroup, not to the machine: everything else keeps forking.");
  },
});

if (isMain(import.meta.url)) process.exitCode = await runLabCli(lab, { json: process.argv.includes('--json') });
