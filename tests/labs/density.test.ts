import { spawnSync } from 'node:child_process';
import type Docker from 'dockerode';
import { describe, expect, it } from 'vitest';
import { lab } from '../../labs/11-density.ts';
import { BASE_IMAGE } from '../../labs/kit/engine/base-image.ts';
import { type EngineEvent, engineNow, runEvents } from './engine-events.ts';
import { expectCleanRun, observe, sharedEngine } from './support.ts';

const COUNT = 8;
const tsx = 'node_modules/.bin/tsx';

/** The engine's own log of this run's idle containers: when each started and was destroyed. */
async function idleEvents(docker: Docker, product: string, runLabel: string, since: number): Promise<EngineEvent[]> {
  const events = await runEvents(docker, product, runLabel, since, ['start', 'destroy']);
  return events.filter((e) => e.Actor.Attributes.name?.includes('-idle-'));
}

/** What the engine's stats say one idle container of the same image uses: the test's own, then removed. */
async function oneIdleContainer(docker: Docker): Promise<number> {
  const container = await docker.createContainer({
    Image: BASE_IMAGE,
    Cmd: ['sleep', '60'],
    Labels: { 'wharf.lab': 'density-test' },
    HostConfig: { NetworkMode: 'none' },
  });
  try {
    await container.start();
    await new Promise((resolve) => setTimeout(resolve, 500));
    const stats = await container.stats({ stream: false, 'one-shot': true } as { stream: false });
    return stats.memory_stats.usage;
  } finally {
    await container.remove({ force: true });
  }
}

describe('lab: density', () => {
  it('starts N idle containers, reads what each costs from the host, and removes them all', async () => {
    const { docker, info } = await sharedEngine();
    const since = (await engineNow(docker)) - 2;
    const run = await observe(lab, { labOptions: { count: String(COUNT) } });
    await expectCleanRun(run);
    const { facts } = run;

    // --count reached the lab, and the engine ran that many at once: every start before the first removal.
    // (Podman logs the removal as `remove`, Docker as `destroy`: runEvents reads either as `destroy`.)
    expect(facts.containers).toBe(COUNT);
    const events = await idleEvents(docker, info.product, run.runLabel, since);
    const starts = events.filter((e) => e.Action === 'start');
    const destroys = events.filter((e) => e.Action === 'destroy');
    expect(starts.length).toBe(COUNT);
    expect(destroys.length).toBe(COUNT);
    expect(Math.max(...starts.map((e) => e.timeNano))).toBeLessThan(Math.min(...destroys.map((e) => e.timeNano)));
    expect(facts.upMs).toBeGreaterThan(0);
    expect(facts.downMs).toBeGreaterThan(0);

    // The host view read each cgroup's counter; the engine's stats of another idle container of the
    // same image read the same counter: the same order of magnitude.
    const engineUsage = await oneIdleContainer(docker);
    expect(facts.cgroupBytesMean).toBeGreaterThan(engineUsage / 4);
    expect(facts.cgroupBytesMean).toBeLessThan(engineUsage * 4);
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
