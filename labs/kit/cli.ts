import { pathToFileURL } from 'node:url';
import { chalk } from 'zx';
import { describeError } from './errors.ts';
import { jsonSink, terminalSink } from './format.ts';
import type { Lab } from './lab.ts';
import { runLab } from './run-lab.ts';

/** True when this module is the script node was started with (a lab file run on its own). */
export function isMain(moduleUrl: string): boolean {
  return Boolean(process.argv[1]) && moduleUrl === pathToFileURL(process.argv[1]!).href;
}

/**
 * Runs a lab for a person or a program, and makes Ctrl-C and SIGTERM stop it cleanly: the first
 * signal aborts the lab, which then removes its engine objects; a second one quits at once.
 */
export async function runLabCli(lab: Lab, { json = false } = {}): Promise<number> {
  const controller = new AbortController();
  let signals = 0;
  const onSignal = (signal: NodeJS.Signals) => {
    signals += 1;
    if (signals > 1) process.exit(130);
    if (!json) process.stderr.write(chalk.yellow(`\n${signal}: stopping and cleaning up (again to quit at once)…\n`));
    controller.abort(new Error(`stopped by ${signal}`));
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  try {
    const outcome = await runLab(lab, { sink: json ? jsonSink() : terminalSink(), signal: controller.signal });
    if (signals > 0) return 130;
    return outcome.ok ? 0 : 1;
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
}

/** Prints a WharfError (or anything) for a person, without a stack trace unless WHARF_DEBUG is set. */
export function printFatal(error: unknown): void {
  const { message, hint } = describeError(error);
  process.stderr.write(`${chalk.red.bold('✘')} ${message}\n${hint ? `${hint}\n` : ''}`);
  if (process.env.WHARF_DEBUG && error instanceof Error) process.stderr.write(`${error.stack}\n`);
}
