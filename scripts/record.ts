// npm run record [-- <id> ...]: runs labs on this machine's engine and saves each run's events to
// recordings/<id>.json, with when and on what engine, for the static deck and the PDF to show.
import { writeFile } from 'node:fs/promises';
import { chalk } from 'zx';
import { labs } from '../labs/index.ts';
import { printFatal } from '../labs/kit/core/cli.ts';
import { formatEventInColour } from '../labs/kit/core/format.ts';
import { runLab } from '../labs/kit/core/run-lab.ts';
import { connectEngine } from '../labs/kit/engine/connect.ts';
import { summariseEngine } from '../labs/kit/engine/summary.ts';
import type { Recording, StreamedEvent } from '../runner/protocol.ts';
import { scriptArgs } from './args.ts';

const args = scriptArgs('usage: npm run record [-- <id> ...]', {}, { positionals: true });

async function main(ids: string[]): Promise<number> {
  const unknown = ids.filter((id) => !labs.some((lab) => lab.id === id));
  if (unknown.length)
    throw new Error(`Unknown lab(s): ${unknown.join(', ')}. Known labs: ${labs.map((l) => l.id).join(', ')}.`);
  const chosen = ids.length ? labs.filter((lab) => ids.includes(lab.id)) : labs;
  const engine = await connectEngine();
  let failures = 0;
  for (const lab of chosen) {
    const events: StreamedEvent[] = [];
    const outcome = await runLab(lab, {
      engine,
      sink: (event) => event.type !== 'wait' && events.push({ event, ansi: formatEventInColour(event) }),
    });
    if (!outcome.ok) {
      failures += 1;
      console.log(`${chalk.red('✘')} ${lab.id}: ${outcome.error?.message} — recording not saved`);
      continue;
    }
    const { info } = engine;
    const recording: Recording = {
      lab: lab.id,
      recordedAt: new Date().toISOString(),
      engine: { ...summariseEngine(info), os: info.os, kernel: info.kernel },
      events,
    };
    const file = new URL(`../recordings/${lab.id}.json`, import.meta.url);
    await writeFile(file, `${JSON.stringify(recording, null, 1)}\n`);
    console.log(`${chalk.green('✔')} ${lab.id}: ${events.length} events → recordings/${lab.id}.json`);
  }
  return failures ? 1 : 0;
}

if (args) {
  process.exitCode = await main(args.positionals).catch((error: unknown) => {
    printFatal(error);
    return 1;
  });
}
