import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { lab } from '../../labs/06-build-ship-run.ts';
import { imagesDir } from '../../labs/kit/engine/images.ts';
import { expectCleanRun, expectsBuildKit, observe, sharedEngine } from './support.ts';

const dir = imagesDir('build-ship-run');
const instructions = (file: string) =>
  readFileSync(`${dir}${file}`, 'utf8')
    .split('\n')
    .filter((l) => l.trim() && !l.startsWith('#'));
const original = instructions('Dockerfile');
const edited = instructions('Dockerfile.edited');
const jsonArgs = (keyword: string) =>
  JSON.parse(original.find((l) => l.startsWith(`${keyword} `))!.slice(keyword.length + 1)) as string[];
const stepNumber = (line: string) => Number(line.split('/')[0]);

describe('lab: build-ship-run', () => {
  it('shows the build cache, CMD vs ENTRYPOINT, a save/load round trip and start-up times', async () => {
    const observed = await observe(lab);
    const { facts } = observed;
    await expectCleanRun(observed);

    // Docker builds with BuildKit unless told DOCKER_BUILDKIT=0; Podman with Buildah, which like the
    // classic builder makes a step of every instruction. BuildKit makes steps only of what touches
    // the filesystem: FROM, COPY, ADD, RUN, WORKDIR.
    const buildKit = await expectsBuildKit(await sharedEngine());
    const stepsOf = (lines: string[]) =>
      buildKit ? lines.filter((l) => /^(FROM|COPY|ADD|RUN|WORKDIR)\s/.test(l)) : lines;
    const [originalSteps, editedSteps] = [stepsOf(original), stepsOf(edited)];

    // The edit is one instruction, late in the file: the lab's premise, checked on the files themselves.
    expect(edited).toHaveLength(original.length);
    const changed = edited.map((_, i) => i).filter((i) => edited[i] !== original[i]);
    expect(changed).toHaveLength(1);
    const changedStep = editedSteps.indexOf(edited[changed[0]!]!) + 1; // steps count from 1, FROM included
    expect(changedStep).toBeGreaterThan(1);

    // Unchanged rebuild: every step of the Dockerfile but FROM (which builds nothing) came from the
    // cache. With the classic builder, after them come the steps the engine adds for the labels the
    // lab gives the build: LABEL instructions naming this run. Such a step is cached only when it, and
    // every added step before it, reads exactly as in the first build (an instruction's text is its
    // cache key): always on Docker, which writes one LABEL per label sorted by name; on Podman, which
    // writes one LABEL with all of them in Go's random map order, only when the order came out the
    // same. BuildKit puts the labels in the image config without a step.
    const total = facts.totalSteps;
    if (buildKit) {
      expect(total).toBe(originalSteps.length);
      expect(facts.cachedSteps).toBe(originalSteps.length - 1);
      expect(facts.labelSteps).toBeUndefined();
    } else {
      const added = facts.labelSteps!;
      expect(total).toBe(original.length + added.length);
      expect(added.length).toBeGreaterThan(0);
      for (const step of added) expect(step).toMatch(/^LABEL /);
      expect(added.join(' ')).toContain(observed.runLabel);
      const before = facts.labelStepsFirstBuild!;
      expect(before).toHaveLength(added.length);
      const unchanged = added.findIndex((step, i) => step !== before[i]);
      expect(facts.cachedSteps).toBe(original.length - 1 + (unchanged < 0 ? added.length : unchanged));
    }

    // After the edit: the steps before it cached, it and everything after it rebuilt.
    const cached = facts.cachedAfterEdit as string[];
    const rebuilt = facts.rebuiltAfterEdit as string[];
    expect(facts.editedInstruction).toBe(edited[changed[0]!]);
    expect(rebuilt[0]).toBe(`${changedStep}/${total} ${edited[changed[0]!]}`);
    expect(cached.map(stepNumber)).toEqual(Array.from({ length: changedStep - 2 }, (_, i) => i + 2));
    expect(rebuilt.map(stepNumber)).toEqual(Array.from({ length: total - changedStep + 1 }, (_, i) => i + changedStep));

    // The runs use the image loaded back from the tar. echo prints its arguments joined by spaces:
    // ENTRYPOINT's, then CMD's or the ones given.
    const [program, ...entrypointArgs] = jsonArgs('ENTRYPOINT');
    expect(program).toBe('echo');
    expect(facts.defaultRun).toBe([...entrypointArgs, ...jsonArgs('CMD')].join(' '));
    expect(facts.cmdOverride).toBe([...entrypointArgs, 'world'].join(' '));
    expect(facts.entrypointOverride).toBe(readFileSync(`${dir}greeting.txt`, 'utf8').trim());

    // Start-up: ten real measurements, nearest-rank percentiles taken from them.
    const samples = facts.startupSamplesMs as number[];
    expect(samples).toHaveLength(10);
    for (const ms of samples) expect(ms).toBeGreaterThan(0);
    const sorted = [...samples].sort((x, y) => x - y);
    expect(facts.startupP50Ms).toBe(sorted[4]);
    expect(facts.startupP95Ms).toBe(sorted[9]);

    // Ship: the archive lists one layer tar per image layer; loading it restores the very same image.
    expect(facts.manifestLayers).toBe(facts.imageLayers);
    expect(facts.imageLayers as number).toBeGreaterThan(0);
    // The tar holds every byte of every layer, plus tar headers and the config.
    expect(facts.archiveBytes as number).toBeGreaterThan(facts.imageBytes as number);
    // Podman qualifies short names (docker.io/library/...).
    expect((facts.manifestRepoTags as string[])[0]).toMatch(/^(docker\.io\/library\/)?wharf-build-ship-run-app-/);
    expect(facts.loadedImageId).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(facts.loadedImageId).toBe(facts.originalImageId);
    expect(facts.loadedImageHasRunLabel).toBe(true);
  });

  it('two overlapping runs both succeed and both clean up', async () => {
    const runs = await Promise.all([observe(lab), observe(lab)]);
    for (const run of runs) await expectCleanRun(run);
  });
});
