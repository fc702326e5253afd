import { EventSourceParserStream } from 'eventsource-parser/stream';
import { $ } from 'zx';
import { startRunner } from '../../runner/server.ts';
import { median, ms } from './stats.ts';

/** Time from POST /api/runs to the first streamed event, and to the end of the stream. */
async function runOnce(port: number, token: string, lab: string): Promise<{ firstMs: number; totalMs: number }> {
  const headers = { origin: `http://127.0.0.1:${port}`, 'x-wharf-token': token, 'content-type': 'application/json' };
  const started = performance.now();
  const reply = await fetch(`http://127.0.0.1:${port}/api/runs`, {
    method: 'POST',
    headers,
    body: JSON.stringify({ lab }),
  });
  const { runId } = (await reply.json()) as { runId: string };
  const events = await fetch(`http://127.0.0.1:${port}/api/runs/${runId}/events`, { headers });
  let firstMs = 0;
  const messages = events.body!.pipeThrough(new TextDecoderStream()).pipeThrough(new EventSourceParserStream());
  for await (const message of messages as unknown as AsyncIterable<{ event?: string }>) {
    firstMs ||= performance.now() - started;
    if (message.event === 'end') break;
  }
  return { firstMs, totalMs: performance.now() - started };
}

/**
 * Targets: first output ≤ 500 ms after Run on a warm engine; the runner adds ≤ 10 % to a lab's
 * duration compared with `npm run lab` (alternating, same run).
 */
export async function benchRunner(lab = 'processes', rounds = 5): Promise<Record<string, number>> {
  const runner = await startRunner({ port: 0, logLevel: 'warn' });
  const first: number[] = [];
  const viaRunner: number[] = [];
  const viaCli: number[] = [];
  try {
    for (let i = 0; i < rounds; i++) {
      const { firstMs, totalMs } = await runOnce(runner.port, runner.token, lab);
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
