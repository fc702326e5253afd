import { percentile } from '../../labs/kit/parse/stats.ts';

/** Medians and timings for benchmarks (the labs only need percentiles). */
export const median = (samples: number[]) => percentile(samples, 50);

export async function timed(work: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await work();
  return performance.now() - start;
}

export const ms = (value: number) => `${value.toFixed(0)} ms`;
