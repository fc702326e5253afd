import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  CGROUP_FILES,
  type CgroupVersion,
  cpusAllowed,
  forkLoop,
  memoryHog,
  parseCpuMax,
  parseFlatKeyed,
  parseForkLoop,
  parseLimit,
  parseOomKills,
  parseThrottling,
} from '../../labs/kit/parse/cgroup.ts';

const FIXTURES = fileURLToPath(new URL('./fixtures/cgroup/', import.meta.url));

/** Reads a fixture through the path a container would read, so the path table is tested too. */
function reader(version: CgroupVersion, variant: 'limited' | 'unlimited') {
  const read = (path: string) =>
    readFile(path.replace('/sys/fs/cgroup/', `${FIXTURES}v${version}-${variant}/`), 'utf8');
  const files = CGROUP_FILES[version];
  return {
    memoryLimit: () => read(files.memoryLimit),
    memoryEvents: () => read(files.memoryEvents),
    cpuMax: async () => (await Promise.all(files.cpuMax.map(read))).join(''), // what `cat a b` prints
    cpuStat: () => read(files.cpuStat),
    pidsMax: () => read(files.pidsMax),
  };
}

describe.each(['1', '2'] as const)('cgroup v%s files', (version) => {
  it('read a 48 MiB / 0.5 CPU / 16 process container back as the numbers asked for', async () => {
    const files = reader(version, 'limited');
    expect(parseLimit(await files.memoryLimit())).toBe(48 * 2 ** 20);
    const cpuMax = parseCpuMax(await files.cpuMax());
    expect(cpuMax).toEqual({ quotaUs: 50_000, periodUs: 100_000 });
    expect(cpusAllowed(cpuMax)).toBe(0.5);
    expect(parseLimit(await files.pidsMax())).toBe(16);
    expect(parseOomKills(await files.memoryEvents())).toBe(1);
  });

  it('read "no limit" as null, whatever each version writes for it', async () => {
    const files = reader(version, 'unlimited');
    expect(parseLimit(await files.memoryLimit())).toBeNull();
    expect(parseCpuMax(await files.cpuMax())).toEqual({ quotaUs: null, periodUs: 100_000 });
    expect(cpusAllowed(parseCpuMax(await files.cpuMax()))).toBeNull();
    expect(parseLimit(await files.pidsMax())).toBeNull();
    expect(parseOomKills(await files.memoryEvents())).toBe(0);
    expect(parseThrottling(await files.cpuStat())).toEqual({ periods: 0, throttled: 0, throttledUs: 0 });
  });
});

describe('parseThrottling', () => {
  it('reads v2 cpu.stat in microseconds, past the keys it does not need', async () => {
    expect(parseThrottling(await reader('2', 'limited').cpuStat())).toEqual({
      periods: 22,
      throttled: 21,
      throttledUs: 1_066_425,
    });
  });

  it('converts v1 throttled_time from nanoseconds', async () => {
    expect(parseThrottling(await reader('1', 'limited').cpuStat())).toEqual({
      periods: 27,
      throttled: 23,
      throttledUs: 867_257,
    });
  });

  it('says so when the cpu controller is not enabled (v2 cpu.stat has only usage then)', () => {
    expect(() => parseThrottling('usage_usec 29876\nuser_usec 14023\nsystem_usec 15853\nnice_usec 0\n')).toThrow(
      /no throttling counters/,
    );
  });
});

describe('parseFlatKeyed', () => {
  it('keeps every numeric key, dotted ones included', async () => {
    const stat = parseFlatKeyed(await reader('2', 'limited').cpuStat());
    expect(stat['core_sched.force_idle_usec']).toBe(0);
    expect(stat.usage_usec).toBe(1_093_652);
    expect(Object.keys(stat)).toHaveLength(10);
  });

  it('skips lines that are not `key number`', () => {
    expect(parseFlatKeyed('some 1\n\nnested a 2\nword x\n')).toEqual({ some: 1 });
  });
});

describe('parseLimit', () => {
  it('rejects what is not a limit', () => {
    expect(() => parseLimit('cat: /sys/fs/cgroup/memory.max: No such file or directory')).toThrow(/not a cgroup limit/);
  });

  it('treats the v1 "unlimited" of 64 KiB-page kernels as no limit too', () => {
    expect(parseLimit('9223372036854710272\n')).toBeNull();
  });
});

describe('the fork loop', () => {
  it('reads the limit line, the sleeps started and the fork error', () => {
    const stdout = '16\nstarted 1\nstarted 2\nstarted 14\n';
    const stderr = "noise\nsh: can't fork: Resource temporarily unavailable\n";
    expect(parseForkLoop(stdout, stderr)).toEqual({
      limitLine: '16',
      started: 3,
      forkError: "sh: can't fork: Resource temporarily unavailable",
    });
    expect(parseForkLoop('max\n', '')).toEqual({ limitLine: 'max', started: 0, forkError: null });
  });

  it("is capped, and reads the limit from the version's own file", () => {
    expect(forkLoop(CGROUP_FILES['2'], 64)).toMatch(/^cat \/sys\/fs\/cgroup\/pids\.max; .*-lt 64/);
  });
});

describe('the memory hog', () => {
  it('shows and runs the same commands on each cgroup version', () => {
    for (const version of ['1', '2'] as const) {
      const files = CGROUP_FILES[version];
      const hog = memoryHog(files);
      for (const part of [files.memoryLimit, 'tail /dev/zero', files.memoryEvents]) {
        expect(hog.cmd[2]).toContain(part);
        expect(hog.shown[2]).toContain(part);
      }
      expect(
        hog.parse('\n--- wharf:limit ---\n50331648\n--- wharf:hog ---\n\n--- wharf:events ---\noom_kill 1'),
      ).toEqual({
        limit: '50331648',
        hog: '',
        events: 'oom_kill 1',
      });
    }
  });
});
