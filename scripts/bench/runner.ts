import { EventSourceParserStream } from 'eventsource-parser/stream';
import { $ } from 'zx';
import { API, CSRF_HEADER, type SessionReply, type StartRunReply } from '../../runner/protocol.ts';
import { type Runner, startRunner } from '../../runner/server.ts';
import { median, ms } from './stats.ts';

/** Time from POST /api/runs to the first streamed event, and to the end of the stream. */
async function runOnce(
  runner: Runner,
  headers: Record<string, string>,
  lab: string,
): Promise<{ firstMs: number; totalMs: number }> {
  const started = performance.now();
  const reply = await fetch(new URL(API.runs, runner.url), { method: 'POST', headers, body: JSON.stringify({ lab }) });
  const { runnerRunId } = (await reply.json()) as StartRunReply;
  const events = await fetch(new URL(API.runEvents(runnerRunId), runner.url), { headers });
  let firstMs = 0;
  const messages = events.body!.pipeThrough(new TextDecoderStream()).pipeThrough(new EventSourceParserStream());
  for await (const message of messages as unknown as AsyncIterable<{ event?: string }>) {
    firstMs ||= performance.now() - started;
    if (message.event === 'end') break;
  }
  return { firstMs, totalMs: performance.now() - started };
}

/** The headers the deck sends once it has exchanged the printed key for a session. */
async function openSession(runner: Runner): Promise<Record<string, string>> {
  const origin = new URL(runner.url).origin;
  const reply = await fetch(new URL(API.session, runner.url), {
    method: 'POST',
    headers: { origin, 'content-type': 'application/json' },
    body: JSON.stringify({ key: runner.sessions.key }),
  });
  const { csrf } = (await reply.json()) as SessionReply;
  const cookie = reply.headers.get('set-cookie')!.split(';')[0]!;
  return { origin, cookie, [CSRF_HEADER]: csrf, 'content-type': 'application/json' };
}

/**
 * Targets: first output ≤ 500 ms after Run on a warm engine; the runner adds ≤ 10 % to a lab's
 * duration compared with `npm run lab` (alternating, same run).
 */
export async function benchRunner(lab = 'processes', rounds = 5): Promise<Record<string, number>> {
  const runner = await startRunner({ port: 0 });
  const headers = await openSession(runner);
  const first: number[] = [];
  const viaRunner: number[] = [];
  const viaCli: number[] = [];
  try {
    for (let i = 0; i < rounds; i++) {
      const { firstMs, totalMs } = await runOnce(runner, headers, lab);
      first.push(firstMs);
      viaRunner.push(totalMs);
      const started = performance.now();
      await $`npm run -s lab -- ${lab}`.quiet();
      viaCli.push(performance.now() - started);
    }
  } finally {
    await runner.close();
  }
  const result = {
    firstOutputMs: median(first),
    runnerMs: median(viaRunner),
    cliMs: median(viaCli),
    ratio: median(viaRunner) / median(viaCli),
  };
  console.log(
    `runner     first output ${ms(result.firstOutputMs)} (≤ 500)  ${lab} via runner ${ms(result.runnerMs)} vs npm run lab ${ms(result.cliMs)}  ratio ${result.ratio.toFixed(2)} (≤ 1.10)`,
  );
  return result;
}
