import { describe, expect, it } from 'vitest';
import { lab } from '../../labs/13-layers-limit.ts';
import { expectCleanRun, observe, sharedEngine } from './support.ts';

describe('lab: layers-limit', () => {
  it('finds the count the engine refuses, by docker load and by a real build, and the message', async () => {
    const { docker, info } = await sharedEngine();
    let runLabel = '';
    let inspected: Promise<number | undefined> | undefined;
    const run = await observe(lab, {
      onEvent: (e) => {
        if (e.type === 'start') runLabel = e.runLabel;
        // The image the lab says is the biggest it loaded: the engine holds it with that many layers.
        if (e.type === 'fact' && e.key === 'loadLimitLayers')
          inspected = docker
            .getImage(`wharf-layers-limit-stack-${runLabel}:${e.value}`)
            .inspect()
            .then((image) => image.RootFS.Layers?.length);
      },
    });
    await expectCleanRun(run);
    const { facts } = run;

    expect(await inspected).toBe(facts.loadLimitLayers);
    expect(facts.loadRefusedLayers).toBe(facts.loadLimitLayers + 1);
    if (info.product !== 'Podman') expect(facts.loadMessage).toMatch(/max depth exceeded/);
    // The build cannot stack deeper than the store allows; it was refused, and said why.
    expect(facts.buildRefusedAtStep).not.toBeNull();
    expect(facts.buildLayersReached).toBeLessThanOrEqual(facts.loadLimitLayers);
    expect(facts.buildLayersReached).toBe(facts.buildFromLayers + (facts.buildRefusedAtStep as number) - 2);
    expect(facts.buildMessage).toBe(facts.loadMessage);
  });
});
