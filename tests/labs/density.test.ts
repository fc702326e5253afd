import { spawnSync } from 'node:child_process';
import type Docker from 'dockerode';
import { describe, expect, it } from 'vitest';
import { lab } from '../../labs/11-density.ts';
import { expectCleanRun, observe, sharedEngine } from './support.ts';

const COUNT = 8;
const tsx = 'node_modules/.bin/tsx';

interface Seen {
  running: number;
  usage: number[];
}

/** While the fleet is up: how many of the run's containers the engine says run, and their memory usage. */
async function look(docker: Docker, runLabel: string): Promise<Seen> {
  const listed = await docker.listContainers({ filters: JSON.stringify({ label: [`wharf.run=${runLabel}`] }) });
  const idle = listed.filter((c) => c.Names.some((name) => name.includes('-idle-')));
  const usage = await Promise.all(
    idle.slice(0, 3).map(async (c) => {
      const stats = await docker.getContainer(c.Id).stats({ stream: false, 'one-shot': true } as { stream: false });
      return stats.memory_stats.usage;
    }),
  );
  return { running: idle.filter((c) => c.State === 'running').length, usage };
}

describe('lab: density', () => {
  it('starts N idle containers, reads what each costs from the host, and removes them all', async () => {
    const { docker } = await sharedEngine();
    let runLabel = '';
    let seen: Promise<Seen> | undefined;
    const run = await observe(lab, {
      labOptions: { count: String(COUNT) },
      onEvent: (e) => {
        if (e.type === 'start') runLabel = e.runLabel;
        if (e.type === 'fact' && e.key === 'containers') seen = look(docker, runLabel);
      },
    });
    await expectCleanRun(run);
    const { facts } = run;
    const engine = await seen;

    // --count reached the lab, and the engine ran that many at once.
    expect(facts.containers).toBe(COUNT);
    expect(engine?.running).toBe(COUNT);
    expect(facts.upMs).toBeGreaterThan(0);
    expect(facts.downMs).toBeGreaterThan(0);

    // The host view's cgroup figure and the engine's own stats read the same counter: same order.
    const engineMean = (engine?.usage ?? []).reduce((a, b) => a + b, 0) / (engine?.usage.length || 1);
    expect(facts.cgroupBytesMean).toBeGreaterThan(engineMean / 4);
    expect(facts.cgroupBytesMean).toBeLessThan(engineMean * 4);
    // The keeper is the runtime shim; its shared pages make PSS smaller than RSS.
    expect(facts.shimProcess).toMatch(/shim|conmon/);
    expect(facts.shimPssBytesMean).toBeLessThanOrEqual(facts.shimRssBytesMean);
    expect(facts.perContainerBytes).toBe(facts.cgroupBytesMean + facts.shimRssBytesMean);
    expect(facts.vmOverContainer).toBeCloseTo(facts.vmMemoryBytes / facts.perContainerBytes, 0);
  });

  it('refuses a bad --count, and one for a lab without it, before touching the engine', () => {
    for (const args of [
      ['density', '--count', '0'],
      ['density', '--count', 'many'],
      ['processes', '--count', '3'],
    ]) {
      const cli = spawnSync(tsx, ['scripts/lab.ts', ...args], { encoding: 'utf8' });
      expect(cli.status, args.join(' ')).toBe(2);
      expect(cli.stderr).toMatch(/--count/);
      expect(cli.stderr).not.toMatch(/\bat .*\.ts:\d+/); // no stack trace
    }
  });
});
