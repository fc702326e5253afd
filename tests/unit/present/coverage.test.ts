// Every word a recorded lab says on a slide has its Chinese: a lab that changes a sentence without
// its translation shows up here, not as English on the zh deck.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { presentations } from '../../../labs/present/index.ts';
import { translator } from '../../../labs/present/translate.ts';
import type { Recording } from '../../../runner/protocol.ts';

// The default set and every other engine's set (recordings/<set>/<lab>.json).
const dir = new URL('../../../recordings/', import.meta.url);
const recordings = readdirSync(dir, { recursive: true, encoding: 'utf8' })
  .filter((file) => file.endsWith('.json'))
  .map((file) => [file, JSON.parse(readFileSync(new URL(file, dir), 'utf8')) as Recording] as const);

describe.each(recordings.map(([file, r]) => [file, r.lab, r] as const))('%s in Chinese', (_file, lab, recording) => {
  const presentation = presentations[lab];
  const zh = translator(presentation, 'zh');

  it('translates every step title, note and wait label it recorded', () => {
    const words = recording.events.flatMap(({ event }) =>
      event.type === 'step'
        ? [event.title]
        : event.type === 'note'
          ? [event.text]
          : event.type === 'wait'
            ? [event.label]
            : [],
    );
    expect(words.filter((english) => zh(english) === english)).toEqual([]);
  });

  it('labels every fact it recorded', () => {
    const keys = recording.events.flatMap(({ event }) => (event.type === 'fact' ? [event.key] : []));
    expect(keys.filter((key) => !presentation?.zh.facts[key])).toEqual([]);
  });
});
