import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { lab } from '../../labs/01-processes.ts';
import type { LabEvent } from '../../labs/kit/core/events.ts';
import { LAB_LABEL, RUN_LABEL } from '../../labs/kit/core/labels.ts';
import { CLIENT_LABEL, PID_LABEL, pidAlive, thisClient } from '../../labs/kit/core/owner.ts';
import { removeEndedRuns } from '../../labs/kit/engine/sweep.ts';
import { startLabProcess } from './lab-process.ts';
import { observe, runObjects, sharedEngine } from './support.ts';

// What a lab run removes before it starts: exactly the leftovers of runs of this client whose
// process has ended. Not a live run's, not another machine's sharing the engine, not unowned ones.
describe('leftovers of runs whose process ended', () => {
  const made: string[] = [];
  const sleepers: ReturnType<typeof spawn>[] = [];

  afterAll(async () => {
    for (const sleeper of sleepers) sleeper.kill('SIGKILL');
    const { docker } = await sharedEngine();
    for (const name of made)
      await docker
        .getVolume(name)
        .remove()
        .catch(() => undefined);
  });

  it('the next run removes exactly what a killed run of this client left, and says so', async () => {
    const { docker } = await sharedEngine();
    // Anything an earlier test's ended process left would blur the count below: clear it first.
    await removeEndedRuns(docker, { client: thisClient(), pid: process.pid, endedRuns: new Set() });

    // A lab process killed mid-run (kill -9: it cleans nothing up) leaves its container.
    const killed = startLabProcess(['processes', '--json']);
    let runLabel = '';
    await killed.waitFor((line) => {
      const event = JSON.parse(line) as LabEvent;
      if (event.type === 'start') runLabel = event.runLabel;
      return event.type === 'fact' && event.key === 'containerId';
    });
    killed.child.kill('SIGKILL');
    await killed.exited;
    const deadPid = killed.child.pid as number;
    expect(pidAlive(deadPid)).toBe(false);
    const left = await runObjects(docker, runLabel);
    expect(left.length).toBeGreaterThan(0);
    const filters = JSON.stringify({ label: [`${RUN_LABEL}=${runLabel}`] });
    for (const container of await docker.listContainers({ all: true, filters })) {
      expect(container.Labels).toMatchObject({ [CLIENT_LABEL]: thisClient(), [PID_LABEL]: String(deadPid) });
    }

    // Three objects that must stay: a live process's, another machine's (its pid is dead here, which
    // says nothing about a pid over there) and one made before owners were recorded.
    const sleeper = spawn('sleep', ['300'], { stdio: 'ignore' });
    sleepers.push(sleeper);
    const suffix = randomBytes(3).toString('hex');
    const keep = {
      live: { [CLIENT_LABEL]: thisClient(), [PID_LABEL]: String(sleeper.pid) },
      otherMachine: { [CLIENT_LABEL]: `another-machine-${suffix}`, [PID_LABEL]: String(deadPid) },
      unowned: {},
    };
    for (const [what, owner] of Object.entries(keep)) {
      const name = `wharf-ended-runs-${what}-${suffix}`;
      made.push(name);
      await docker.createVolume({ Name: name, Labels: { [LAB_LABEL]: 'ended-runs-test', ...owner } });
    }

    const run = await observe(lab);
    expect(run.error).toBeUndefined();
    const swept = run.events.filter((e) => e.type === 'swept');
    expect(swept).toEqual([expect.objectContaining({ removed: left.length, pids: [deadPid], leftovers: [] })]);
    expect(await runObjects(docker, runLabel)).toEqual([]);
    const volumes = (await docker.listVolumes()).Volumes?.map((v) => v.Name) ?? [];
    expect(made.filter((name) => volumes.includes(name))).toEqual(made);
  });
});
