import { describe, expect, it } from 'vitest';
import type { LabEvent } from '../../labs/kit/core/events.ts';
import { scriptOf } from '../../labs/kit/core/script.ts';
import { defineText } from '../../labs/kit/core/text.ts';
import { englishWords } from '../../labs/kit/core/words.ts';

const engine = { product: 'Docker Engine', version: '26.1', arch: 'amd64', host: 'unix:///x', cgroupVersion: '2' };

describe('scriptOf', () => {
  it('turns a run into a shell script: steps as comments, the commands shown, nothing else', () => {
    const events: LabEvent[] = [
      { t: 0, type: 'start', lab: 'demo', runLabel: 'r', at: '', engine },
      { t: 1, type: 'step', key: 'first' },
      { t: 2, type: 'command', text: 'docker run -d --name a --network none i sleep 1' },
      { t: 3, type: 'output', text: 'abc' },
      { t: 4, type: 'note', key: 'note' },
      { t: 5, type: 'command', text: 'docker exec a id' },
      { t: 6, type: 'result', ok: true, facts: {}, durationMs: 6 },
    ];
    const en = { title: 'Demo', shows: 'It shows', lines: { first: 'First', note: 'A note' }, facts: {} };
    const script = scriptOf(events, englishWords(defineText({ en, zh: en })));
    expect(script.startsWith('#!/bin/sh\n# Wharf lab "demo": Demo\n')).toBe(true);
    expect(script).toContain('\n\n# First\ndocker run -d --name a --network none i sleep 1\ndocker exec a id\n');
    expect(script).not.toContain('abc');
    expect(script).not.toContain('A note');
  });

  it('says where a failed run stopped', () => {
    const failed: LabEvent = {
      t: 1,
      type: 'result',
      ok: false,
      facts: {},
      durationMs: 1,
      error: { message: 'No engine' },
    };
    expect(scriptOf([failed])).toContain('# The run stopped early: No engine');
  });
});
