// Runs challenges the way an attendee does: the CLI lines `--solution` prints, through a shell,
// then `npm run check`, and `--reset` between attempts. The engine is asked, not the challenge code,
// whether anything was left behind.
import { mkdtempSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { $ } from 'zx';
import type { Challenge } from '../../challenges/challenge.ts';
import { resetFolder } from '../../challenges/folder.ts';
import { findChallenge } from '../../challenges/index.ts';
import { workDirOf } from '../../challenges/places.ts';
import { verdictText } from '../../challenges/report.ts';
import { removeNamed } from '../../challenges/reset.ts';
import { runCheck } from '../../challenges/run-check.ts';
import { settingFor } from '../../challenges/session.ts';
import { sharedEngine, wharfObjects } from '../labs/support.ts';

// Hint state and work folders go to a folder of this test file, never the tester's own cache.
const ownCache = process.env.WHARF_CACHE_DIR ? undefined : mkdtempSync(join(tmpdir(), 'wharf-challenges-'));
if (ownCache) process.env.WHARF_CACHE_DIR = ownCache;

export interface Attempt {
  /** What the attempt gets wrong, as a person would describe it. */
  name: string;
  lines: string[];
  /** The specific hint the check must give for it. */
  hint: RegExp;
  answer?: string;
}

export interface Run {
  stdout: string;
  exitCode: number | null;
}

const cli = () => settingFor(findChallenge('pid-on-host')!, undefined).cli;
/** The attendee's CLI, as the challenges detect it: what the test types in place of `docker`. */
export const attendeeCli = cli();

/** Command lines through a shell, a second apart as a person types them; a failing line does not stop the rest. */
export async function typeLines(lines: string[]): Promise<Run[]> {
  const runs: Run[] = [];
  for (const [i, line] of lines.entries()) {
    if (i > 0) await sleep(1000);
    const result = await $({ nothrow: true, quiet: true })`sh -c ${line}`;
    runs.push({ stdout: result.stdout.trim(), exitCode: result.exitCode });
  }
  return runs;
}

export const npm = (script: 'challenge' | 'check', args: string[]) =>
  $({ nothrow: true, quiet: true })`npm run -s ${script} -- ${args}`;

export async function check(id: string, answer?: string): Promise<Run> {
  const result = await npm('check', answer === undefined ? [id] : [id, answer]);
  return { stdout: result.stdout + result.stderr, exitCode: result.exitCode };
}

export async function reset(id: string): Promise<void> {
  const result = await npm('challenge', [id, '--reset']);
  expect(result.exitCode, result.stdout + result.stderr).toBe(0);
}

/**
 * The same check and reset in this process, the CLI's start-up left out: the CLI path is covered by
 * the first round of each challenge, this keeps the rest of the suite fast on a busy machine.
 */
export async function checkHere(challenge: Challenge, answer?: string): Promise<Run> {
  const lines = await runCheck(challenge, await sharedEngine(), answer);
  return { stdout: verdictText(challenge, lines), exitCode: lines.every((l) => l.ok) ? 0 : 1 };
}

export async function resetHere(challenge: Challenge): Promise<void> {
  const engine = await sharedEngine();
  const report = await removeNamed(engine.docker, challenge.names);
  expect(report.failed).toEqual([]);
  await resetFolder(challenge, settingFor(challenge, engine).workDir);
}

/** The challenge's named objects that exist on the engine, asked directly. */
export async function namedObjects(challenge: Challenge): Promise<string[]> {
  const { docker } = await sharedEngine();
  const exists = (what: string, inspect: () => Promise<unknown>) =>
    inspect().then(
      () => [what],
      () => [],
    );
  const found = await Promise.all([
    ...(challenge.names.containers ?? []).map((n) => exists(`container ${n}`, () => docker.getContainer(n).inspect())),
    ...(challenge.names.volumes ?? []).map((n) => exists(`volume ${n}`, () => docker.getVolume(n).inspect())),
    ...(challenge.names.images ?? []).map((n) => exists(`image ${n}`, () => docker.getImage(n).inspect())),
  ]);
  return found.flat();
}

export interface ChallengeSpec {
  /** The answer to type back after the solution ran, from what its lines printed. */
  answerFrom?: (printed: string[]) => string;
  wrong: [Attempt, Attempt, ...Attempt[]];
}

/**
 * The suite every challenge gets: its solution passes twice in a row (reset between), each wrong
 * attempt fails with its own hint, and reset removes the named objects and nothing else.
 */
export function describeChallenge(id: string, spec: ChallengeSpec): void {
  const challenge = findChallenge(id)!;
  const setting = { cli: attendeeCli, workDir: workDirOf(id) };
  const bystander = `wharf-ch-bystander-${id}`;

  describe(`challenge ${id}`, () => {
    beforeAll(async () => {
      await reset(id);
      // Something else of the attendee's: --reset must leave it alone.
      await $({
        quiet: true,
      })`${attendeeCli} create --name ${bystander} --label wharf.lab=challenge-test wharf/base true`;
      const shown = await npm('challenge', [id]);
      expect(shown.exitCode, shown.stderr).toBe(0);
    });
    afterAll(async () => {
      await reset(id);
      await $({ nothrow: true, quiet: true })`${attendeeCli} rm -f ${bystander}`;
      if (ownCache) await rm(ownCache, { recursive: true, force: true });
    });

    it('fails before anything was made, naming what to create', async () => {
      const run = await check(id);
      expect(run.exitCode).toBe(1);
      expect(run.stdout).toMatch(/not found: create it/);
      expect(run.stdout).not.toMatch(/\n\s+at /); // no stack trace
    });

    it('passes with the solution --solution prints, twice in a row with a reset between', async () => {
      const printed = await npm('challenge', [id, '--solution']);
      const lines = challenge.solution(setting);
      for (const line of lines) expect(printed.stdout).toContain(line);
      for (const round of ['through the CLI', 'again, in process']) {
        const runs = await typeLines(lines);
        const answer = spec.answerFrom?.(runs.map((r) => r.stdout));
        const run = round === 'through the CLI' ? await check(id, answer) : await checkHere(challenge, answer);
        expect(run.stdout, round).toContain(`Solved: ${id}.`);
        expect(run.exitCode).toBe(0);
        await (round === 'through the CLI' ? reset(id) : resetHere(challenge));
        expect(await namedObjects(challenge)).toEqual([]);
      }
    });

    it.each(spec.wrong)('fails on a wrong attempt ($name) with the hint for it', async (attempt) => {
      await typeLines(attempt.lines);
      const run = await checkHere(challenge, attempt.answer).finally(() => resetHere(challenge));
      expect(run.exitCode, run.stdout).toBe(1);
      expect(run.stdout).toMatch(attempt.hint);
      expect(run.stdout).not.toContain('Solved');
    });

    it("left nothing behind: the named objects and the check's helpers are gone, the bystander is not", async () => {
      const { docker } = await sharedEngine();
      expect(await namedObjects(challenge)).toEqual([]);
      expect(await wharfObjects(docker, 'wharf.lab=challenge')).toEqual([]);
      expect((await docker.getContainer(bystander).inspect()).Name).toBe(`/${bystander}`);
    });
  });
}
