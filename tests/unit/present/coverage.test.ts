// Every word a recorded lab says on a slide has its Chinese: a lab that changes a sentence without
// its translation shows up here, not as English on the zh deck. (Labs with a presentation on this
// branch; main's copy of this test covers them all.)
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { presentations } from '../../../labs/present/index.ts';
import { translator } from '../../../labs/present/translate.ts';
import type { Recording } from '../../../runner/protocol.ts';

const dir = new URL('../../../recordings/', import.meta.url);
const recordings = readdirSync(dir)
  .filter((file) => file.endsWith('.json'))
  .map((file) => JSON.parse(readFileSync(new URL(file, dir), 'utf8')) as Recording)
  .filter((recording) => presentations[recording.lab]);

describe.each(recordings.map((r) => [r.lab, r] as const))('%s in Chinese', (lab, recording) => {
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

  it('labels every fact it recorded, and shows headline cards from its facts', () => {
    const keys = recording.events.flatMap(({ event }) => (event.type === 'fact' ? [event.key] : []));
    expect(keys.filter((key) => !presentation?.zh.facts[key])).toEqual([]);
    const result = recording.events.find(({ event }) => event.type === 'result')?.event;
    const facts = result?.type === 'result' ? result.facts : {};
    for (const lang of ['en', 'zh'] as const) {
      const cards = presentation?.headlines(facts, lang) ?? [];
      expect(cards.length).toBeGreaterThan(0);
      for (const card of cards) expect(card.facts.every((key) => key in facts)).toBe(true);
    }
  });
});
