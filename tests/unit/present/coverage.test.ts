// Every word a recorded lab says on a slide is a key its text has in both languages: a lab that
// renames a key without re-recording shows up here, not as a bare key on a slide.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { KIT_PREFIX, kitText, type Said } from '../../../labs/kit/core/text.ts';
import { texts } from '../../../labs/present/index.ts';
import type { Recording } from '../../../runner/protocol.ts';

// The default set and every other engine's set (recordings/<set>/<lab>.json).
const dir = new URL('../../../recordings/', import.meta.url);
const recordings = readdirSync(dir, { recursive: true, encoding: 'utf8' })
  .filter((file) => file.endsWith('.json'))
  .map((file) => [file, JSON.parse(readFileSync(new URL(file, dir), 'utf8')) as Recording] as const);

/** A sentence and every sentence given as one of its values. */
const withNested = (said: Said): Said[] => [
  said,
  ...Object.values(said.values ?? {}).flatMap((value) => (typeof value === 'object' ? withNested(value) : [])),
];

describe.each(recordings.map(([file, r]) => [file, r.lab, r] as const))('%s', (_file, lab, recording) => {
  const text = texts[lab];

  it('says every step title, note and wait label by a key both languages have', () => {
    const said = recording.events.flatMap(({ event }) =>
      event.type === 'step' || event.type === 'note' || event.type === 'wait' ? withNested(event) : [],
    );
    expect(said.length).toBeGreaterThan(0);
    const missing = said
      .map(({ key }) => key)
      .filter((key) =>
        key.startsWith(KIT_PREFIX)
          ? !(key in kitText.en && key in kitText.zh)
          : !(text && key in text.en.lines && key in text.zh.lines),
      );
    expect(missing).toEqual([]);
  });

  it('keeps keys and values only: no sentence rendered in one language', () => {
    for (const { event, ...rest } of recording.events) {
      expect(Object.keys(rest)).toEqual([]);
      expect(event).not.toHaveProperty('title');
      expect(event).not.toHaveProperty('label');
      if (event.type === 'note') expect(event).not.toHaveProperty('text');
    }
  });

  it('labels every fact it recorded in both languages', () => {
    const keys = recording.events.flatMap(({ event }) => (event.type === 'fact' ? [event.key] : []));
    const labelled = (lang: 'en' | 'zh') => (key: string) =>
      Boolean((text?.[lang].facts as Record<string, string>)?.[key]);
    expect(keys.filter((key) => !labelled('en')(key) || !labelled('zh')(key))).toEqual([]);
  });
});
