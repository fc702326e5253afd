// A lab's words are keys of its text: the context passes them on as keys and values, and refuses a
// key its text lacks, naming the file, instead of putting a bare key on a slide.
import type Docker from 'dockerode';
import { describe, expect, it } from 'vitest';
import { demoContext } from './demo-context.ts';

// Step, note and wait never touch the engine: an empty client is enough here.
const context = () => demoContext({ look: 'Look at {what}', why: 'because' }, {} as Docker);

describe('what a lab says', () => {
  it('travels as keys and values, a phrase value as a key of its own', () => {
    const { ctx, said } = context();
    ctx.step('look', { what: { key: 'why' } });
    ctx.note({ key: 'kit.builtBase', values: { image: 'wharf/base' } });
    ctx.wait('why');
    expect(said).toEqual([
      { type: 'step', key: 'look', values: { what: { key: 'why' } } },
      { type: 'note', key: 'kit.builtBase', values: { image: 'wharf/base' } },
      { type: 'wait', key: 'why' },
    ]);
  });

  it('says a step and the note that opens it, in that order, from one line', () => {
    const { ctx, said } = context();
    ctx.step('look', { what: 'it' }).note('why');
    expect(said).toEqual([
      { type: 'step', key: 'look', values: { what: 'it' } },
      { type: 'note', key: 'why' },
    ]);
  });

  it('refuses a key the text lacks, also inside a value, and names the file to fix', () => {
    const { ctx, said } = context();
    expect(() => ctx.step('lok')).toThrow('Lab "demo" says "lok", which labs/text/demo.ts does not have.');
    expect(() => ctx.note('look', { what: { key: 'whyy' } })).toThrow('"whyy"');
    expect(() => ctx.note({ key: 'kit.noSuchSentence' })).toThrow('"kit.noSuchSentence"');
    expect(said).toEqual([]);
  });
});
