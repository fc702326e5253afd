import { describe, expect, it } from 'vitest';
import { RateLimit } from '../../../runner/limits.ts';

describe('RateLimit', () => {
  it('allows max events in any window, and a slot again once the oldest leaves the window', () => {
    let now = 0;
    const limit = new RateLimit(3, 1000, () => now);
    const takeAt = (time: number) => {
      now = time;
      return limit.take();
    };
    expect([takeAt(0), takeAt(100), takeAt(200), takeAt(300)]).toEqual([true, true, true, false]);
    expect(takeAt(999)).toBe(false);
    expect(takeAt(1000)).toBe(true);
    expect(takeAt(1001)).toBe(false);
    expect(takeAt(1100)).toBe(true);
  });
});
