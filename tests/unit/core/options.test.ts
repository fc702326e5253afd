import { describe, expect, it } from 'vitest';
import { parseLabFlags } from '../../../labs/kit/core/cli.ts';
import { resolveLabOptions } from '../../../labs/kit/core/options.ts';

const density = { id: 'density', options: { count: { description: 'how many', default: 50, min: 1, max: 200 } } };

describe('lab options', () => {
  it('fills in defaults and reads whole numbers within bounds', () => {
    expect(resolveLabOptions(density)).toEqual({ count: 50 });
    expect(resolveLabOptions(density, { count: '20' })).toEqual({ count: 20 });
    expect(resolveLabOptions(density, { count: undefined })).toEqual({ count: 50 });
  });

  it('refuses values out of bounds or not whole numbers, and options a lab does not have', () => {
    for (const bad of ['0', '201', '1.5', '-3', 'many', ''])
      expect(() => resolveLabOptions(density, { count: bad }), bad).toThrow(
        /--count must be a whole number from 1 to 200/,
      );
    expect(() => resolveLabOptions({ id: 'processes' }, { count: '3' })).toThrow(/has no option --count/);
  });

  it('passes lab options through the command line flags, and still refuses unknown flags', () => {
    expect(parseLabFlags(['density', '--count', '20'], ['count'])).toMatchObject({
      positionals: ['density'],
      labOptions: { count: '20' },
      mode: 'human',
    });
    expect(() => parseLabFlags(['density', '--count', '20'])).toThrow();
    expect(() => parseLabFlags(['density', '--counts', '20'], ['count'])).toThrow();
  });
});
