import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import type { LabEvent } from '../../labs/kit/core/events.ts';
import { formatEvent, jsonSink } from '../../labs/kit/core/format.ts';
import { defineText } from '../../labs/kit/core/text.ts';
import { englishWords } from '../../labs/kit/core/words.ts';

// Colour codes are noise for these checks.
// biome-ignore lint/suspicious/noControlCharactersInRegex: ANSI colour codes are what it strips
const plain = (text: string | undefined) => text?.replace(/\x1b\[[0-9;]*m/g, '');

const en = {
  title: 'A container is a process',
  shows: 'PID 1 inside, a PID outside',
  lines: { look: 'Look from {where}', inside: 'inside' },
  facts: { pid: 'PID inside', chain: 'Chain' },
};
const words = englishWords(defineText({ en, zh: en }));

const start: LabEvent = {
  t: 0,
  type: 'start',
  lab: 'processes',
  runLabel: 'r1',
  at: '2026-11-23T00:00:00.000Z',
  engine: {
    product: 'Docker Engine',
    version: '26.1',
    arch: 'amd64',
    host: 'unix:///var/run/docker.sock',
    cgroupVersion: '2',
  },
};

describe('formatEvent', () => {
  it('introduces the lab with its title, what it shows and the engine it runs on', () => {
    const text = plain(formatEvent(start, words));
    expect(text).toContain('▶ processes — A container is a process');
    expect(text).toContain('PID 1 inside, a PID outside');
    expect(text).toContain('Docker Engine 26.1 (amd64, cgroup v2) at unix:///var/run/docker.sock');
  });

  it('says which configured engine did not answer when another one was used', () => {
    const skipped = {
      ...start,
      engine: {
        ...start.engine,
        passedOver: ['DOCKER_HOST tcp://127.0.0.1:2375: nothing is listening (connection refused)'],
      },
    } as LabEvent;
    expect(plain(formatEvent(skipped))).toContain(
      '  not used: DOCKER_HOST tcp://127.0.0.1:2375: nothing is listening (connection refused)',
    );
  });

  it('shows commands as shell lines and indents every line of output', () => {
    expect(plain(formatEvent({ t: 1, type: 'command', text: 'docker ps' }))).toBe('  $ docker ps');
    expect(plain(formatEvent({ t: 1, type: 'output', text: 'PID CMD\n1 sleep\n' }))).toBe('  │ PID CMD\n  │ 1 sleep');
  });

  it("prints facts with the label the lab's text gives their key, JSON for structured values", () => {
    expect(plain(formatEvent({ t: 1, type: 'fact', key: 'pid', value: 1 }, words))).toBe('  ◆ PID inside: 1');
    expect(plain(formatEvent({ t: 1, type: 'fact', key: 'chain', value: [{ pid: 1 }] }, words))).toBe(
      '  ◆ Chain: [{"pid":1}]',
    );
  });

  it('tells steps and notes from their keys, values filled in, a phrase value in words of its own', () => {
    const step = formatEvent({ t: 1, type: 'step', key: 'look', values: { where: { key: 'inside' } } }, words);
    expect(plain(step)).toBe('\n● Look from inside');
    expect(plain(formatEvent({ t: 1, type: 'note', key: 'look', values: { where: 'the host' } }, words))).toBe(
      '  → Look from the host',
    );
    // A key the text lacks (a recording older than its lab) reads as the key, not as nothing.
    expect(plain(formatEvent({ t: 1, type: 'note', key: 'gone' }, words))).toBe('  → gone');
  });

  it('reports failure with its hint, and anything cleanup left behind', () => {
    const failed = plain(
      formatEvent({
        t: 9,
        type: 'result',
        ok: false,
        facts: {},
        durationMs: 1234,
        error: { message: 'No engine', hint: 'Start one' },
      }),
    );
    expect(failed).toBe('✘ No engine\n  Start one');
    const cleanup = plain(formatEvent({ t: 9, type: 'cleanup', removed: 2, leftovers: ['volume v: in use'] }));
    expect(cleanup).toContain('2 engine objects removed');
    expect(cleanup).toContain('left behind: volume v: in use');
  });

  it('leaves waits to the spinner', () => {
    expect(formatEvent({ t: 1, type: 'wait', key: 'look' })).toBeUndefined();
  });
});

describe('jsonSink', () => {
  it('writes one parseable JSON object per line, unchanged', () => {
    const out = new PassThrough();
    const chunks: string[] = [];
    out.on('data', (c: Buffer) => chunks.push(c.toString()));
    const sink = jsonSink(out);
    const events: LabEvent[] = [start, { t: 5, type: 'fact', key: 'pid', value: 1 }];
    events.forEach(sink);
    const lines = chunks.join('').trimEnd().split('\n');
    expect(lines.map((line) => JSON.parse(line))).toEqual(events);
  });
});
