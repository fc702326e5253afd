import { setTimeout as sleep } from 'node:timers/promises';
import { $ } from 'zx';
import { prepareFolder, resetFolder } from '../../challenges/folder.ts';
import { challenges } from '../../challenges/index.ts';
import { removeNamed } from '../../challenges/reset.ts';
import { settingFor } from '../../challenges/session.ts';
import type { Engine } from '../../labs/kit/engine/connect.ts';
import { median, ms, timed } from './stats.ts';

/**
 * `npm run check -- <id>` as an attendee runs it (npm and process start-up included), with the
 * challenge solved, on a warm engine. Target: ≤ 1.5 s. The solution is typed in first and removed after.
 */
export async function benchChallenges(
  engine: Engine,
  ids = challenges.map((c) => c.id),
  rounds = 5,
): Promise<Record<string, number>> {
  const result: Record<string, number> = {};
  for (const challenge of challenges.filter((c) => ids.includes(c.id))) {
    const setting = settingFor(challenge, engine);
    await removeNamed(engine.docker, challenge.names);
    await prepareFolder(challenge, setting.workDir);
    let printed = '';
    for (const line of challenge.solution(setting)) {
      printed = (await $({ nothrow: true, quiet: true })`sh -c ${line}`).stdout.trim();
      await sleep(500);
    }
    const answer = challenge.answer ? [printed] : [];
    const samples: number[] = [];
    let failed = 0;
    try {
      for (let i = 0; i < rounds; i++) {
        samples.push(
          await timed(async () => {
            const run = await $({ quiet: true, nothrow: true })`npm run -s check -- ${challenge.id} ${answer}`;
            if (run.exitCode !== 0 && failed++ === 0)
              console.log(
                `  ${challenge.id} did not pass:\n${(run.stdout + run.stderr).trim().replace(/^/gm, '    ')}`,
              );
          }),
        );
      }
    } finally {
      await removeNamed(engine.docker, challenge.names);
      await resetFolder(challenge, setting.workDir);
    }
    result[challenge.id] = median(samples);
    const failures = failed ? `, ${failed} of ${rounds} did not pass: timing not representative` : '';
    console.log(
      `check ${challenge.id.padEnd(15)} ${ms(result[challenge.id]!)} (median of ${rounds}, target ≤ 1500 ms${failures})`,
    );
  }
  return result;
}
