// npm run record [-- [--set <name>] [--setting <words>] <id> ...]: runs labs on the engine and saves
// each run's events to recordings/<id>.json (or recordings/<set>/<id>.json, another engine's recording
// the deck can switch to), with when and on what engine, for the static deck and the PDF to show.
import { mkdir, writeFile } from 'node:fs/promises';
import { chalk } from 'zx';
import { labs } from '../labs/index.ts';
import { printFatal } from '../labs/kit/core/cli.ts';
import { runLab } from '../labs/kit/core/run-lab.ts';
import { connectEngine } from '../labs/kit/engine/connect.ts';
import { summariseEngine } from '../labs/kit/engine/summary.ts';
import { RECORDING_SETTINGS, type Recording, type RecordingSetting, type StreamedEvent } from '../runner/protocol.ts';
import { scriptArgs } from './args.ts';

const USAGE = 'usage: npm run record [-- [--set <name>] [--setting <words>] <id> ...]';
const args = scriptArgs(
  USAGE,
  {
    // A recording set other than the default one: a folder under recordings/ (docker-20.10-cgroup-v1).
    set: { type: 'string' },
    // What a viewer must know about where it was made: emulated-vm (a VM under software emulation).
    setting: { type: 'string' },
  },
  { positionals: true },
);

async function main(ids: string[], set: string | undefined, setting: string | undefined): Promise<number> {
  if (setting !== undefined && !(RECORDING_SETTINGS as readonly string[]).includes(setting))
    throw new Error(`--setting must be one of ${RECORDING_SETTINGS.join(', ')}, not "${setting}".`);
  if (set !== undefined && !/^[a-z0-9][a-z0-9.-]*$/.test(set))
    throw new Error(`--set must be a folder name like docker-20.10-cgroup-v1, not "${set}".`);
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
      sink: (event) => event.type !== 'wait' && events.push({ event }),
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
      ...(setting ? { setting: setting as RecordingSetting } : {}),
      events,
    };
    const dir = new URL(`../recordings/${set ? `${set}/` : ''}`, import.meta.url);
    await mkdir(dir, { recursive: true });
    const file = new URL(`${lab.id}.json`, dir);
    await writeFile(file, `${JSON.stringify(recording, null, 1)}\n`);
    console.log(
      `${chalk.green('✔')} ${lab.id}: ${events.length} events → recordings/${set ? `${set}/` : ''}${lab.id}.json`,
    );
  }
  return failures ? 1 : 0;
}

if (args) {
  process.exitCode = await main(args.positionals, args.values.set, args.values.setting).catch((error: unknown) => {
    printFatal(error);
    return 1;
  });
}
