import { readFileSync } from 'node:fs';
import { Readable } from 'node:stream';
import Docker from 'dockerode';
import { describe, expect, it } from 'vitest';
import { busyboxPathFor, contextHash } from '../../labs/kit/engine/base-image.ts';
import { followBuild } from '../../labs/kit/engine/build.ts';

// followProgress only parses the stream; no engine is contacted by these tests.
const docker = new Docker({ socketPath: '/nonexistent.sock' });
const progress = (...messages: object[]) => Readable.from(messages.map((m) => `${JSON.stringify(m)}\r\n`));

const captured = (file: string) =>
  Readable.from(readFileSync(new URL(`fixtures/buildkit/${file}`, import.meta.url), 'utf8').split(/(?<=\n)/));

describe('followBuild under BuildKit', () => {
  it("tells each Dockerfile step once, when done, with what a RUN printed, and returns the image's id", async () => {
    const lines: string[] = [];
    const built = await followBuild(docker, captured('first-build.jsonl'), (line) => lines.push(line));
    expect(built.imageId).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(built.stepImages).toEqual([]);
    expect(built.buildKit?.steps().map((step) => step.number)).toEqual(['1/3', '2/3', '3/3']);
    const told = lines.filter((line) => /^\[\d\/3\]/.test(line));
    expect(told).toEqual([
      expect.stringMatching(/^\[1\/3\] FROM /),
      '[2/3] RUN echo hi > /x  DONE',
      '[3/3] RUN echo built-line  DONE',
    ]);
    expect(lines).toContain('built-line');
    expect(lines.some((line) => line.startsWith('[internal]'))).toBe(false);
  });

  it('says CACHED for the steps a rebuild reused', async () => {
    const lines: string[] = [];
    await followBuild(docker, captured('rebuild.jsonl'), (line) => lines.push(line));
    expect(lines).toContain('[2/3] RUN echo hi > /x  CACHED');
  });

  it('names the BuildKit step that failed', async () => {
    const stream = progress({ errorDetail: { message: 'failed to solve: max depth exceeded' } });
    await expect(followBuild(docker, stream)).rejects.toThrow(
      'Image build failed: failed to solve: max depth exceeded',
    );
  });
});

describe('followBuild', () => {
  it('turns an error inside a "successful" stream into a failure naming the step', async () => {
    const stream = progress(
      { stream: 'Step 1/3 : FROM wharf/base\n' },
      { stream: 'Step 2/3 : RUN false\n' },
      { errorDetail: { message: "The command '/bin/sh -c false' returned a non-zero code: 1" }, error: 'ignored' },
    );
    await expect(followBuild(docker, stream)).rejects.toThrow(
      "Image build failed at step 2/3 RUN false: The command '/bin/sh -c false' returned a non-zero code: 1",
    );
  });

  it('removes the steps a failed build finished, newest first, since no run label would find them', async () => {
    const removed: string[] = [];
    const engine = Object.assign(Object.create(docker) as Docker, {
      getImage: (id: string) => ({ remove: async () => void removed.push(id) }),
    });
    const stream = progress(
      { stream: 'Step 1/5 : FROM wharf/base\n' },
      { stream: ' ---> 3eebbaf4af63\n' },
      { stream: 'Step 2/5 : RUN echo cached\n' },
      { stream: ' ---> Using cache\n' },
      { stream: ' ---> 0a1b2c3d4e5f\n' },
      { stream: 'Step 3/5 : RUN echo one\n' },
      { stream: ' ---> Running in 54aa8dc5d9a8\n' },
      { stream: ' ---> b88ae174fbcd\n' },
      { stream: 'Step 4/5 : ENV A=1\n' },
      { stream: ' ---> 248dc23b501b\n' },
      { stream: 'Step 5/5 : RUN false\n' },
      { error: 'failed' },
    );
    await expect(followBuild(engine, stream)).rejects.toThrow(/at step 5\/5 RUN false/);
    // Not the FROM image (the base itself) nor the cache hit (another build's): only its own steps.
    expect(removed).toEqual(['248dc23b501b', 'b88ae174fbcd']);
  });

  it('collects steps and the image id of a good build, Podman style too', async () => {
    const stream = progress(
      { stream: 'STEP 1/2: FROM scratch\n' },
      { stream: 'STEP 2/2: COPY . /\n' },
      { aux: { ID: 'sha256:abc' } },
    );
    await expect(followBuild(docker, stream)).resolves.toEqual({
      imageId: 'sha256:abc',
      steps: ['1/2 FROM scratch', '2/2 COPY . /'],
      stepImages: [],
    });
  });

  it("returns the images a good build's own steps made, but not the final one, the FROM or a cache hit", async () => {
    const stream = progress(
      { stream: 'Step 1/4 : FROM wharf/base\n' },
      { stream: ' ---> 3eebbaf4af63\n' },
      { stream: 'Step 2/4 : RUN echo cached\n' },
      { stream: ' ---> Using cache\n' },
      { stream: ' ---> 0a1b2c3d4e5f\n' },
      { stream: 'Step 3/4 : RUN echo one\n' },
      { stream: ' ---> Running in 54aa8dc5d9a8\n' },
      { stream: ' ---> b88ae174fbcd\n' },
      { stream: 'Step 4/4 : CMD ["true"]\n' },
      { stream: ' ---> 248dc23b501b\n' },
      { aux: { ID: 'sha256:248dc23b501b0000000000000000000000000000000000000000000000000000' } },
    );
    await expect(followBuild(docker, stream)).resolves.toMatchObject({ stepImages: ['b88ae174fbcd'] });
  });
});

describe('base image inputs', () => {
  it('refuses an architecture with no vendored busybox, naming it', () => {
    expect(() => busyboxPathFor('s390x')).toThrow(/engine runs on s390x.*amd64 and arm64/);
    expect(busyboxPathFor('aarch64')).toMatch(/assets\/busybox\/arm64\/busybox$/);
  });

  it('hashes content, mode and name, so any change triggers a rebuild', () => {
    const entry = { name: 'a', mode: 0o644, type: 'file' as const, content: Buffer.from('x') };
    const base = contextHash([entry]);
    expect(contextHash([{ ...entry }])).toBe(base);
    expect(contextHash([{ ...entry, content: Buffer.from('y') }])).not.toBe(base);
    expect(contextHash([{ ...entry, mode: 0o755 }])).not.toBe(base);
    expect(contextHash([{ ...entry, name: 'b' }])).not.toBe(base);
  });
});
