import { describe, expect, it } from 'vitest';
import { lab } from '../../labs/13-layers-limit.ts';
import type { ShownProbe } from '../../labs/kit/core/context.ts';
import { asksBuildKit, expectCleanRun, observe, sharedEngine } from './support.ts';

describe('lab: layers-limit', () => {
  it('finds the count the engine refuses, by docker load and by a real build, and the message', async () => {
    const { docker, info } = await sharedEngine();
    // Each stack a container was started (or refused) from, inspected while the lab waits for this
    // probe: the layers the engine holds for it. (Inspected on a fact event instead, a 498-layer image
    // on Docker's containerd store was still being read when the lab's cleanup removed it.)
    const held = new Map<number, number | undefined>();
    const inspectStack = async ({ text }: { text: string }) => {
      const [, tag, height] = /(wharf-layers-limit-stack-\S+:(\d+))/.exec(text) ?? [];
      if (tag && height) held.set(Number(height), (await docker.getImage(tag).inspect()).RootFS.Layers?.length);
    };
    let runLabel = '';
    let refusedAtLoadHeld: Promise<number | null> | undefined;
    const probe: ShownProbe = {
      container: inspectStack,
      refused: inspectStack,
      exec: async () => {},
      build: async () => {},
    };
    const run = await observe(lab, {
      probe,
      onEvent: (e) => {
        if (e.type === 'start') runLabel = e.runLabel;
        // The first stack the lab says was refused, when no container was made from it: is it there?
        if (e.type === 'fact' && e.key === 'loadRefusedLayers')
          refusedAtLoadHeld = docker
            .getImage(`wharf-layers-limit-stack-${runLabel}:${e.value}`)
            .inspect()
            .then(
              (image) => image.RootFS.Layers?.length ?? 0,
              () => null,
            );
      },
    });
    await expectCleanRun(run);
    const { facts } = run;

    // The image the lab says is the biggest that ran: the engine held it with that many layers.
    expect(held.get(facts.loadLimitLayers)).toBe(facts.loadLimitLayers);
    expect(facts.loadRefusedLayers).toBe(facts.loadLimitLayers + 1);
    // Where the refusal came from, checked on the engine: an image refused at load is not there; one
    // refused only when a container started from it is there, with every layer. Docker's graph
    // driver refuses at load; Podman's containers/storage and Docker's containerd image store take
    // any stack and refuse at the container's mount.
    if (facts.refusedWhen === 'load') {
      expect(held.has(facts.loadRefusedLayers)).toBe(false);
      expect(await refusedAtLoadHeld).toBeNull();
    } else expect(held.get(facts.loadRefusedLayers)).toBe(facts.loadRefusedLayers);
    const driverStatus = ((await docker.info()) as { DriverStatus?: string[][] }).DriverStatus ?? [];
    const containerdStore = driverStatus.some(([, value]) => /containerd\.snapshotter/.test(value ?? ''));
    if (info.product === 'Podman' || containerdStore) expect(facts.refusedWhen).toBe('run');
    else expect(facts.refusedWhen).toBe('load');
    // Docker's graph driver and Podman's containers/storage both say it in these words.
    if (!containerdStore) expect(facts.loadMessage).toMatch(/max depth exceeded/);
    // The classic builder (and Podman's Buildah) runs every step in a container on the image before
    // it, so the build cannot stack deeper than the store allows: it was refused, and said why.
    // Nothing mounts the image a step made until the next step: a store that refuses only at mount
    // lets the last one be one past. BuildKit's COPY starts no container: it makes every step, and
    // the image it leaves is refused when a container is started from it, in the same words.
    // What the lab asks for: where the kit then falls back to the classic builder (BuildKit unable to
    // read an API context, expectsBuildKit), the store is the containerd one and the build was skipped.
    const buildKit = asksBuildKit(info);
    // BuildKit's FROM costs the square of its height: the lab builds FROM at most 256 layers with it,
    // and the Dockerfile would start 4 below the limit.
    expect(facts.buildSkipped).toBe(buildKit && facts.loadLimitLayers - 4 > 256);
    if (facts.buildSkipped) {
      expect(facts.buildFromLayers).toBeUndefined();
      expect(facts.buildLayersReached).toBeUndefined();
    } else if (facts.buildRefusedAtStep === null) {
      expect(buildKit).toBe(true);
      // The generated Dockerfile goes 4 layers past the limit (the lab's BELOW).
      expect(facts.buildLayersReached).toBe(facts.loadLimitLayers + 4);
      expect(facts.buildLayersReached).toBeGreaterThan(facts.loadLimitLayers);
      expect(facts.builtRunMessage).toBe(facts.loadMessage);
    } else {
      const unmountedLast = facts.refusedWhen === 'run' ? 1 : 0;
      expect(facts.buildLayersReached).toBeLessThanOrEqual(facts.loadLimitLayers + unmountedLast);
      expect(facts.buildLayersReached).toBe(facts.buildFromLayers + facts.buildRefusedAtStep - 2);
      expect(facts.buildMessage).toBe(facts.loadMessage);
    }
  });
});
