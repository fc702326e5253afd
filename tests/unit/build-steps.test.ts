import { describe, expect, it } from 'vitest';
import { buildSteps, stepTable } from '../../labs/kit/parse/build-steps.ts';

describe('buildSteps', () => {
  it('reads a classic-builder rebuild that edited its last RUN (Docker 20.10 output)', () => {
    const lines = [
      'Step 1/4 : FROM wharf/base:latest',
      ' ---> 560eba08bf6a',
      'Step 2/4 : COPY greeting.txt /app/greeting.txt',
      ' ---> Using cache',
      ' ---> c42b59d5fa0a',
      'Step 3/4 : RUN echo "edition 2" > /app/edition.txt',
      ' ---> Running in 44a9bc3e6b73',
      'Removing intermediate container 44a9bc3e6b73',
      ' ---> d7f94389edd1',
      'Step 4/4 : LABEL wharf.lab=build-ship-run',
      ' ---> Running in c9af3688eadb',
      ' ---> ab00ab95c93b',
      'Successfully built ab00ab95c93b',
    ];
    expect(buildSteps(lines)).toEqual([
      { number: '1/4', instruction: 'FROM wharf/base:latest', cached: false },
      { number: '2/4', instruction: 'COPY greeting.txt /app/greeting.txt', cached: true },
      { number: '3/4', instruction: 'RUN echo "edition 2" > /app/edition.txt', cached: false },
      { number: '4/4', instruction: 'LABEL wharf.lab=build-ship-run', cached: false },
    ]);
  });

  it('reads Podman (buildah) output, whose cache line names the image', () => {
    const lines = [
      'STEP 1/2: FROM wharf/base:latest',
      'STEP 2/2: RUN echo hi',
      '--> Using cache 5f2a8c1d9e7b',
      '--> 5f2a8c1d9e7b',
    ];
    expect(buildSteps(lines).map((step) => step.cached)).toEqual([false, true]);
  });

  it('does not take a RUN that prints "Using cache" for a cache hit', () => {
    expect(
      buildSteps(['Step 1/1 : RUN echo Using cache', ' ---> Running in 1', 'Using cache', ' ---> 2'])[0]?.cached,
    ).toBe(false);
  });
});

describe('stepTable', () => {
  const steps = [
    { number: '1/3', instruction: 'FROM wharf/base', cached: false },
    { number: '2/3', instruction: 'COPY a /a', cached: true },
    { number: '3/3', instruction: 'RUN echo edited', cached: false },
  ];
  it("numbers and marks steps each builder's way; FROM is never marked", () => {
    const [from, copy, run] = stepTable(steps, 'rebuilt', 'buildkit').split('\n');
    expect(from?.trimEnd()).toBe('[1/3] FROM wharf/base');
    expect(copy).toMatch(/^\[2\/3\] COPY a \/a +CACHED$/);
    expect(run).toMatch(/^\[3\/3\] RUN echo edited +rebuilt$/);
    expect(stepTable(steps, 'rebuilt').split('\n')[1]).toMatch(/^Step 2\/3 COPY a \/a +Using cache$/);
  });
});
