import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { chalk } from 'zx';
import { describeError } from './errors.ts';
import type { EventSink, LabEvent } from './events.ts';
import { jsonSink, terminalSink } from './format.ts';
import type { Lab } from './lab.ts';
import { resolveLabOptions } from './options.ts';
import { runLab } from './run-lab.ts';
import { scriptOf } from './script.ts';
import { englishWords, type Words } from './words.ts';

/** How a run is printed: for a person, one JSON event per line, or as a shell script. */
export type OutputMode = 'human' | 'json' | 'script';

/**
 * Runs a lab for a person or a program, and makes Ctrl-C and SIGTERM stop it cleanly: the first
 * signal aborts the lab, which then removes its engine objects; a second one quits at once. In
 * script mode the story goes to stderr and the script, once the run ends, to stdout.
 */
export async function runLabCli(
  lab: Lab,
  mode: OutputMode = 'human',
  labOptions: Record<string, string | undefined> = {},
  words: Words = englishWords(lab.text),
): Promise<number> {
  resolveLabOptions(lab, labOptions); // a bad value is an error before anything runs
  const controller = new AbortController();
  let signals = 0;
  const onSignal = (signal: NodeJS.Signals) => {
    signals += 1;
    if (signals > 1) process.exit(130);
    if (mode !== 'json')
      process.stderr.write(chalk.yellow(`\n${signal}: stopping and cleaning up (again to quit at once)…\n`));
    controller.abort(new Error(`stopped by ${signal}`));
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  // A reader that goes away (`| head`) stops the lab like Ctrl-C would, so it still cleans up; nothing
  // more is written, and the listener stays for the writes already under way.
  let outputClosed = false;
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    outputClosed = true;
    controller.abort(new Error('output closed'));
  });
  const events: LabEvent[] = [];
  const print: EventSink =
    mode === 'json' ? jsonSink() : terminalSink(mode === 'script' ? process.stderr : process.stdout, words);
  try {
    const outcome = await runLab(lab, {
      sink: (event) => {
        events.push(event);
        if (!outputClosed) print(event);
      },
      signal: controller.signal,
      labOptions,
    });
    if (mode === 'script' && !outputClosed) process.stdout.write(scriptOf(events, words));
    if (signals > 0) return 130;
    return outcome.ok ? 0 : 1;
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
}

/**
 * The output flags every way of running a lab accepts, plus the labs' own options (`--count 20`)
 * by name, whose values the lab checks; unknown flags are an error.
 */
export function parseLabFlags(
  args: string[],
  labOptionNames: readonly string[] = [],
): {
  mode: OutputMode;
  positionals: string[];
  list: boolean;
  help: boolean;
  /** `--lang en|zh` as given; the locale decides when it is absent (labs/present/words.ts). */
  lang: string | undefined;
  labOptions: Record<string, string | undefined>;
} {
  const own = Object.fromEntries(labOptionNames.map((name) => [name, { type: 'string' as const }]));
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    strict: true,
    options: {
      ...own,
      json: { type: 'boolean', default: false },
      script: { type: 'boolean', default: false },
      list: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
      lang: { type: 'string' },
    },
  });
  if (values.json && values.script) throw new Error('Choose one of --json and --script.');
  const mode = values.json ? 'json' : values.script ? 'script' : 'human';
  const labOptions = Object.fromEntries(
    labOptionNames.map((name) => [name, (values as Record<string, unknown>)[name] as string | undefined]),
  );
  return { mode, positionals, list: Boolean(values.list), help: Boolean(values.help), labOptions, lang: values.lang };
}

/** Lets a lab file run on its own (`npx tsx labs/01-processes.ts [--json|--script]`). */
export async function runIfMain(moduleUrl: string, lab: Lab): Promise<void> {
  if (!process.argv[1] || moduleUrl !== pathToFileURL(process.argv[1]).href) return;
  try {
    const { mode, labOptions, lang } = parseLabFlags(process.argv.slice(2), Object.keys(lab.options ?? {}));
    const { terminalLang, wordsFor } = await import('../../present/words.ts');
    process.exitCode = await runLabCli(lab, mode, labOptions, wordsFor(lab.id, terminalLang(lang)));
  } catch (error) {
    printFatal(error);
    process.exitCode = 2;
  }
}

/** Prints a WharfError (or anything) for a person, without a stack trace unless WHARF_DEBUG is set. */
export function printFatal(error: unknown): void {
  const { message, hint } = describeError(error);
  process.stderr.write(`${chalk.red.bold('✘')} ${message}\n${hint ? `${hint}\n` : ''}`);
  if (process.env.WHARF_DEBUG && error instanceof Error) process.stderr.write(`${error.stack}\n`);
}
