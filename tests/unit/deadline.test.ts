import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { scaled, withDeadline, withinDeadline } from '../../labs/kit/core/deadline.ts';
import { WharfError } from '../../labs/kit/core/errors.ts';

afterEach(() => vi.unstubAllEnvs());

describe('scaled deadlines', () => {
  it('leave a deadline as it is unless WHARF_DEADLINE_SCALE is a positive number', () => {
    expect(scaled(10_000)).toBe(10_000);
    for (const bad of ['0', '-3', 'fast', '']) {
      vi.stubEnv('WHARF_DEADLINE_SCALE', bad);
      expect(scaled(10_000)).toBe(10_000);
    }
  });

  it('stretch every deadline for a slow engine, and the timeout message says the real figure', async () => {
    vi.stubEnv('WHARF_DEADLINE_SCALE', '2.5');
    expect(scaled(10_000)).toBe(25_000);
    const started = performance.now();
    const error = await withinDeadline(
      'waiting for nothing',
      40,
      undefined,
      (signal) => new Promise((_, reject) => signal.addEventListener('abort', () => reject(signal.reason))),
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WharfError);
    expect((error as WharfError).message).toBe('Timed out after 0.1 s while waiting for nothing.');
    expect(performance.now() - started).toBeGreaterThanOrEqual(95);
  });
});

describe('withDeadline under garbage collection', () => {
  it('still fires when nothing but the combined signal is kept (Node 20 drops the timeout otherwise)', async () => {
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;
    const signal = withDeadline(new AbortController().signal, 200);
    const started = performance.now();
    while (!signal.aborted && performance.now() - started < 3000) {
      gc();
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(signal.aborted).toBe(true);
  });
});
