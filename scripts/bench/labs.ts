import { $ } from 'zx';
import { labs } from '../../labs/index.ts';
import { median, ms, timed } from './stats.ts';

/** Each lab as a user runs it (`npm run lab -- <id>`, process start included), on a warm engine. */
export async function benchLabs(ids: string[] = labs.map((l) => l.id), rounds = 3): Promise<Record<string, number>> {
  const result: Record<string, number> = {};
  for (const id of ids) {
    const samples: number[] = [];
    for (let i = 0; i < rounds; i++) samples.push(await timed(() => $`npm run -s lab -- ${id}`.quiet()));
    result[id] = median(samples);
    console.log(`lab ${id.padEnd(16)} ${ms(result[id])} (median of ${rounds})`);
  }
  const total = Object.values(result).reduce((a, b) => a + b, 0);
  console.log(`labs total  ${ms(total)} (sum of medians)`);
  return { ...result, totalMs: total };
}
