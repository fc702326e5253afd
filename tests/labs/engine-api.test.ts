import { describe, expect, it } from 'vitest';
import { lab } from '../../labs/09-engine-api.ts';
import { withDeadline } from '../../labs/kit/core/deadline.ts';
import { engineVersion } from '../../labs/kit/engine/signal-calls.ts';
import { observe, runObjects, sharedEngine } from './support.ts';

// The Engine API reference: create → 201 Created, start → 204 No Content, wait → 200, logs → 200,
// delete → 204 No Content.
const EXPECTED = [
  { method: 'POST', path: /^\/containers\/create\?name=wharf-engine-api-echo-/, status: 201 },
  { method: 'POST', path: /^\/containers\/(\w+)\/start$/, status: 204 },
  { method: 'POST', path: /^\/containers\/(\w+)\/wait\?condition=not-running$/, status: 200 },
  { method: 'GET', path: /^\/containers\/(\w+)\/logs\?stdout=1&stderr=1$/, status: 200 },
  { method: 'DELETE', path: /^\/containers\/(\w+)\?force=1$/, status: 204 },
];

async function expectNothingLeft(runLabel: string, containerId: string) {
  const { docker } = await sharedEngine();
  expect(await runObjects(docker, runLabel)).toEqual([]);
  await expect(docker.getContainer(containerId).inspect()).rejects.toMatchObject({ statusCode: 404 });
}

describe('lab: engine-api', () => {
  it('runs a container with nothing but HTTP requests, and they answer as the API reference says', async () => {
    const { ok, facts, events, runLabel, error } = await observe(lab);
    expect(error).toBeUndefined();
    expect(ok).toBe(true);

    // The same engine asked through dockerode, an independent client.
    const version = await engineVersion((await sharedEngine()).docker, withDeadline(undefined, 5000));
    expect(facts.pingBody).toBe('OK');
    expect(facts.apiVersion).toBe(version.ApiVersion);
    expect(facts.serverVersion).toBe(version.Version);

    const calls = (facts.calls as string[]).map((call) => {
      const [method = '', path = '', status = ''] = call.split(' ');
      return { method, path, status: Number(status) };
    });
    expect(calls).toHaveLength(EXPECTED.length);
    const prefix = `/v${version.ApiVersion}`;
    calls.forEach((call, i) => {
      const expected = EXPECTED[i]!;
      expect(call.method).toBe(expected.method);
      expect(call.path.startsWith(`${prefix}/`)).toBe(true);
      const match = expected.path.exec(call.path.slice(prefix.length));
      expect(match, call.path).not.toBeNull();
      if (match?.[1]) expect(match[1]).toBe(facts.containerId); // every call after create targets the one it created
      expect(call.status).toBe(expected.status);
    });

    expect(facts.exitCode).toBe(0);
    expect(facts.logs).toBe('hello from the engine API'); // what the lab asked echo to print

    // The lab deleted its container itself, so the run's cleanup found nothing to remove.
    expect(events.find((e) => e.type === 'cleanup')).toMatchObject({ removed: 0, leftovers: [] });
    await expectNothingLeft(runLabel, facts.containerId as string);
  });

  it('cleans up a container it created by hand when stopped mid-run', async () => {
    const controller = new AbortController();
    const { ok, error, runLabel, facts, events } = await observe(lab, {
      signal: controller.signal,
      onEvent: (e) => e.type === 'fact' && e.key === 'containerId' && controller.abort(),
    });
    expect(ok).toBe(false);
    expect(error?.message).toMatch(/^Stopped/);
    // Created through raw HTTP with the run's labels, so the label cleanup found and removed it.
    expect(events.find((e) => e.type === 'cleanup')).toMatchObject({ removed: 1, leftovers: [] });
    await expectNothingLeft(runLabel, facts.containerId as string);
  });

  it('two overlapping runs both succeed and both clean up', async () => {
    const runs = await Promise.all([observe(lab), observe(lab)]);
    for (const run of runs) {
      expect(run.error).toBeUndefined();
      expect(run.ok).toBe(true);
      expect(run.facts.logs).toBe('hello from the engine API');
      await expectNothingLeft(run.runLabel, run.facts.containerId as string);
    }
    expect(runs[0]!.facts.containerId).not.toBe(runs[1]!.facts.containerId);
  });
});
