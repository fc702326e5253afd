import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BuildKitProgress } from '../../labs/kit/parse/buildkit.ts';

/** Feeds a captured build stream through the progress tracker; returns it and every log line. */
function replay(file: string) {
  const progress = new BuildKitProgress();
  const logs: string[] = [];
  const url = new URL(`fixtures/buildkit/${file}`, import.meta.url);
  for (const line of readFileSync(url, 'utf8').split('\n').filter(Boolean)) {
    const message = JSON.parse(line) as { id?: string; aux?: string };
    if (message.id === 'moby.buildkit.trace' && message.aux)
      logs.push(...progress.add(message.aux).logs.map((log) => log.text.trim()));
  }
  return { progress, logs };
}

describe('BuildKit progress', () => {
  it("reads the Dockerfile's steps in order, and what a RUN printed", () => {
    const { progress, logs } = replay('first-build.jsonl');
    expect(progress.steps()).toEqual([
      { number: '1/3', instruction: 'FROM docker.io/wharf/base:latest', cached: false },
      { number: '2/3', instruction: 'RUN echo hi > /x', cached: false },
      { number: '3/3', instruction: 'RUN echo built-line', cached: false },
    ]);
    expect(logs).toContain('built-line');
    expect(progress.vertexes.every((v) => v.completed && !v.error)).toBe(true);
  });

  it('sees each step the rebuild took from the cache, and BuildKit’s own work apart from them', () => {
    const { progress, logs } = replay('rebuild.jsonl');
    expect(progress.steps().map((s) => [s.number, s.cached])).toEqual([
      ['1/3', false],
      ['2/3', true],
      ['3/3', true],
    ]);
    expect(logs).toEqual([]);
    expect(progress.vertexes.map((v) => v.name)).toContain('exporting to image');
  });

  it('says a record that is not protobuf is not, instead of inventing steps', () => {
    expect(() => new BuildKitProgress().add(Buffer.from([0x0f]).toString('base64'))).toThrow(/wire type|truncated/);
  });
});
