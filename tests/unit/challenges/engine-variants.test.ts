// The branches of two checks that the CI engine (Docker 20.10, cgroup v1) cannot reach: cgroup v2's
// cpu.max and Podman's missing OOMKilled flag. The engine is a stub answering with real file contents
// and inspect fields; everything else about these checks is tested on the real engine.
import type Docker from 'dockerode';
import { describe, expect, it } from 'vitest';
import { challenge as oomKill } from '../../../challenges/02-oom-kill.ts';
import { challenge as cpuHalf } from '../../../challenges/11-cpu-half.ts';
import type { CheckEngine } from '../../../challenges/challenge.ts';

function stub(parts: {
  product?: string;
  cgroupVersion?: '1' | '2';
  container: unknown;
  files?: Record<string, string>;
}): CheckEngine & { read: string[][] } {
  const read: string[][] = [];
  return {
    read,
    docker: {} as Docker,
    info: { product: parts.product ?? 'Docker Engine' } as CheckEngine['info'],
    cgroupVersion: parts.cgroupVersion ?? '2',
    setting: { cli: 'docker', workDir: '/w' },
    signal: new AbortController().signal,
    container: async () => parts.container as Docker.ContainerInspectInfo,
    volume: async () => undefined,
    image: async () => undefined,
    async exec(_name, cmd) {
      read.push(cmd);
      const stdout = cmd
        .slice(1)
        .map((file) => parts.files?.[file] ?? '')
        .join('');
      return { stdout, stderr: '', exitCode: 0, oomKilled: false };
    },
    processes: async () => [],
    helper: async () => ({ stdout: '', stderr: '', exitCode: 0, oomKilled: false }),
  };
}

const running = { State: { Running: true, Status: 'running' }, HostConfig: {} };

describe('cpu-half on cgroup v2', () => {
  it('reads cpu.max and passes at half a CPU', async () => {
    const engine = stub({ container: running, files: { '/sys/fs/cgroup/cpu.max': '50000 100000\n' } });
    const lines = await cpuHalf.check(engine);
    expect(engine.read).toEqual([['cat', '/sys/fs/cgroup/cpu.max']]);
    expect(lines).toEqual([{ ok: true, what: 'its cgroup allows 0.5 CPU (50000 of 100000 µs)' }]);
  });

  it('says "no CPU cap" for max, and why shares are not one', async () => {
    const engine = stub({
      container: { ...running, HostConfig: { CpuShares: 512 } },
      files: { '/sys/fs/cgroup/cpu.max': 'max 100000\n' },
    });
    const [line] = await cpuHalf.check(engine);
    expect(line).toMatchObject({ ok: false, hint: expect.stringMatching(/--cpu-shares is a weight/) });
  });
});

describe('oom-kill on Podman, which sets no OOMKilled flag', () => {
  const exited = (exitCode: number) => ({
    State: { Running: false, Status: 'exited', ExitCode: exitCode, OOMKilled: false },
    HostConfig: { Memory: 32 * 2 ** 20 },
  });

  it('takes exit 137 under the 32 MiB limit as the OOM kill', async () => {
    const lines = await oomKill.check(stub({ product: 'Podman', container: exited(137) }));
    expect(lines.every((l) => l.ok)).toBe(true);
    expect(lines.at(-1)?.what).toMatch(/Podman sets no OOMKilled flag/);
  });

  it('still fails a normal exit, and on Docker exit 137 without the flag', async () => {
    expect((await oomKill.check(stub({ product: 'Podman', container: exited(0) }))).at(-1)).toMatchObject({
      ok: false,
    });
    expect((await oomKill.check(stub({ product: 'Docker Engine', container: exited(137) }))).at(-1)?.hint).toMatch(
      /not by the OOM killer/,
    );
  });
});
