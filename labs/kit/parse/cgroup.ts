/**
 * A container's cgroup limits and counters as the container itself sees them, on cgroup v1 and v2.
 * Both engines mount the container's own cgroup at /sys/fs/cgroup (v1: one directory per controller;
 * v2: one unified directory, with the container in a private cgroup namespace), so the paths are fixed.
 */
import { parseSections, sectionsScript } from './sections.ts';

export type CgroupVersion = '1' | '2';

export interface CgroupFiles {
  /** Memory limit in bytes. */
  memoryLimit: string;
  /** Where the kernel counts OOM kills: v1 memory.oom_control, v2 memory.events (`oom_kill N`). */
  memoryEvents: string;
  /** The CPU quota and period: v1 keeps them in two files, v2 in one (`cpu.max`). `cat` them in order. */
  cpuMax: readonly string[];
  /** Throttling counters (flat-keyed). */
  cpuStat: string;
  pidsMax: string;
}

const ROOT = '/sys/fs/cgroup';

export const CGROUP_FILES: Record<CgroupVersion, CgroupFiles> = {
  '1': {
    memoryLimit: `${ROOT}/memory/memory.limit_in_bytes`,
    memoryEvents: `${ROOT}/memory/memory.oom_control`,
    cpuMax: [`${ROOT}/cpu/cpu.cfs_quota_us`, `${ROOT}/cpu/cpu.cfs_period_us`],
    cpuStat: `${ROOT}/cpu/cpu.stat`,
    pidsMax: `${ROOT}/pids/pids.max`,
  },
  '2': {
    memoryLimit: `${ROOT}/memory.max`,
    memoryEvents: `${ROOT}/memory.events`,
    cpuMax: [`${ROOT}/cpu.max`],
    cpuStat: `${ROOT}/cpu.stat`,
    pidsMax: `${ROOT}/pids.max`,
  },
};

/**
 * v1 has no "max" for memory: an unlimited cgroup reports the largest page-aligned value
 * (9223372036854771712 with 4 KiB pages). Anything this large means "no limit".
 */
const V1_UNLIMITED_FROM = 2 ** 62;

/** A single-value limit file (memory.max, memory.limit_in_bytes, pids.max): null when unlimited. */
export function parseLimit(text: string): number | null {
  const value = text.trim();
  if (value === 'max' || value === '-1') return null;
  if (!/^\d+$/.test(value)) throw new Error(`not a cgroup limit: "${text}"`);
  const number = Number(value);
  return number >= V1_UNLIMITED_FROM ? null : number;
}

export interface CpuMax {
  /** Microseconds of CPU time allowed per period, across all CPUs; null when unlimited. */
  quotaUs: number | null;
  periodUs: number;
}

/** v2 `cpu.max` ("50000 100000" or "max 100000"), or v1 quota and period files read one after the other ("-1" = unlimited). */
export function parseCpuMax(text: string): CpuMax {
  const [quota = '', period = ''] = text.trim().split(/\s+/);
  const periodUs = Number(period);
  if (!/^\d+$/.test(period)) throw new Error(`not a CPU quota and period: "${text}"`);
  return { quotaUs: quota === 'max' || quota === '-1' ? null : parseLimit(quota), periodUs };
}

/** CPUs' worth of time the quota allows (0.5 = half a CPU); null when unlimited. */
export const cpusAllowed = ({ quotaUs, periodUs }: CpuMax): number | null =>
  quotaUs === null ? null : quotaUs / periodUs;

/** A flat-keyed file (`key value` per line): cpu.stat, memory.events, memory.oom_control. */
export function parseFlatKeyed(text: string): Record<string, number> {
  const entries: Record<string, number> = {};
  for (const line of text.split('\n')) {
    const [key, value, ...rest] = line.trim().split(/\s+/);
    if (key && value !== undefined && rest.length === 0 && /^\d+$/.test(value)) entries[key] = Number(value);
  }
  return entries;
}

export interface Throttling {
  /** Enforcement periods that have elapsed while the group had runnable work. */
  periods: number;
  /** Periods in which the group used up its quota and was made to wait. */
  throttled: number;
  /** Total time spent waiting, in microseconds (v1 counts nanoseconds: converted). */
  throttledUs: number;
}

/** The throttling counters of a cpu.stat file, v1 (`throttled_time`, ns) or v2 (`throttled_usec`). */
export function parseThrottling(cpuStat: string): Throttling {
  const stat = parseFlatKeyed(cpuStat);
  const throttledUs =
    stat.throttled_usec ?? (stat.throttled_time === undefined ? undefined : Math.round(stat.throttled_time / 1000));
  if (stat.nr_periods === undefined || stat.nr_throttled === undefined || throttledUs === undefined) {
    throw new Error('cpu.stat has no throttling counters (is the cpu controller enabled for this cgroup?)');
  }
  return { periods: stat.nr_periods, throttled: stat.nr_throttled, throttledUs };
}

/** OOM kills the kernel counted in the group: `oom_kill` in v2 memory.events and v1 memory.oom_control (Linux 4.13+). */
export function parseOomKills(memoryEvents: string): number | null {
  return parseFlatKeyed(memoryEvents).oom_kill ?? null;
}

/** "12 of 20 periods throttled, 0.98 s waiting": the throttling counters as a sentence. */
export const throttlingText = (t: Throttling) =>
  `${t.throttled} of ${t.periods} periods throttled, ${(t.throttledUs / 1e6).toFixed(2)} s waiting`;

/**
 * A memory hog that reports on itself: the limit it runs under, then `tail /dev/zero` (tail keeps the
 * line it reads in memory, and /dev/zero never ends one), then the cgroup's own count of OOM kills,
 * exiting with tail's status. tail is not PID 1, so the shell outlives it to read that count, which
 * is where the engine's OOMKilled flag comes from.
 */
export function memoryHog(files: CgroupFiles) {
  const hog = sectionsScript({
    limit: `cat ${files.memoryLimit}`,
    hog: 'tail /dev/zero; status=$?',
    events: `cat ${files.memoryEvents}`,
  });
  const shown = `cat ${files.memoryLimit}; tail /dev/zero; status=$?; cat ${files.memoryEvents}; exit $status`;
  return {
    cmd: ['sh', '-c', `${hog}; exit $status`],
    shown: ['sh', '-c', shown],
    parse: (stdout: string) => parseSections(stdout, ['limit', 'hog', 'events']),
  };
}

/** A shell loop starting background sleeps until fork fails or `cap` run, printing `started N` each. */
export const forkLoop = (files: CgroupFiles, cap: number) =>
  `cat ${files.pidsMax}; i=0; while [ $i -lt ${cap} ]; do sleep 30 & i=$((i+1)); echo "started $i"; done`;

/** What `forkLoop` printed: the limit line, how many sleeps started, and the shell's fork error. */
export function parseForkLoop(stdout: string, stderr: string) {
  const [limitLine = '', ...lines] = stdout.trim().split('\n');
  const started = lines.filter((line) => /^started \d+$/.test(line)).length;
  const forkError =
    stderr
      .trim()
      .split('\n')
      .find((line) => /fork/i.test(line)) ?? null;
  return { limitLine, started, forkError };
}
