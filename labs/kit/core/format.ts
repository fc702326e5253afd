import { chalk, spinner } from 'zx';
import type { EventSink, LabEvent } from './events.ts';
import { englishWords, type Words } from './words.ts';

const indent = (text: string, prefix: string) =>
  text
    .replace(/\s+$/, '')
    .split('\n')
    .map((line) => `${prefix}${line}`)
    .join('\n');

/** One event as terminal text, or undefined for events that only drive the spinner. */
export function formatEvent(event: LabEvent, words: Words = englishWords()): string | undefined {
  switch (event.type) {
    case 'start':
      return [
        chalk.bold.cyan(`▶ ${event.lab} — ${words.title}`),
        chalk.dim(`  ${words.shows}`),
        chalk.dim(
          `  engine: ${event.engine.product} ${event.engine.version} (${event.engine.arch}, cgroup v${event.engine.cgroupVersion}) at ${event.engine.host} · run ${event.runLabel}`,
        ),
        ...(event.engine.passedOver ?? []).map((skipped) => chalk.yellow(`  not used: ${skipped}`)),
      ].join('\n');
    case 'step':
      return `\n${chalk.bold.yellow('●')} ${chalk.bold(words.say(event))}`;
    case 'command':
      return chalk.green(`  $ ${event.text}`);
    case 'output':
      return chalk.gray(indent(event.text, '  │ '));
    case 'note':
      return indent(words.say(event), '  → ');
    case 'fact':
      // A terminal has room for longer values than a slide's line: up to 200 characters.
      return `  ${chalk.magenta('◆')} ${words.factLabel(event.key)}: ${chalk.bold(words.factValue(event.key, event.value, 200))}`;
    case 'swept':
      return [
        chalk.dim(`  ${words.sweptEarlier(event.removed, event.pids)}`),
        ...event.leftovers.map((leftover) => chalk.red(`  ${words.leftBehind}: ${leftover}`)),
      ].join('\n');
    case 'cleanup': {
      if (event.engineGone) return chalk.red(`\n  ${words.notCleanedUp}`);
      const removed = chalk.dim(`\n  ${words.cleanedUp(event.removed)}`);
      return event.leftovers.length
        ? `${removed}\n${chalk.red(indent(event.leftovers.join('\n'), `  ${words.leftBehind}: `))}`
        : removed;
    }
    case 'result': {
      const seconds = (event.durationMs / 1000).toFixed(1);
      if (event.ok) return chalk.bold.green(`✔ ${words.done(seconds)}`);
      const said = event.error?.engineGone ? words.engineGone(event.error.engineGone) : event.error;
      const lines = [chalk.bold.red(`✘ ${said?.message ?? 'failed'}`)];
      if (said?.hint) lines.push(indent(said.hint, '  '));
      return lines.join('\n');
    }
    case 'wait':
      return undefined;
  }
}

/**
 * Prints events for a person. While a `wait` is pending, zx's spinner runs until the next event;
 * without a terminal (pipes, CI) the wait is printed as a line instead.
 */
export function terminalSink(out: NodeJS.WriteStream = process.stdout, words: Words = englishWords()): EventSink {
  let stopSpinner: (() => void) | undefined;
  return (event) => {
    if (stopSpinner) {
      stopSpinner();
      stopSpinner = undefined;
      process.stderr.write('\x1b[2K\r'); // wipe the spinner's line before printing over it
    }
    if (event.type === 'wait') {
      if (out.isTTY && !process.env.CI) {
        void spinner(chalk.dim(words.say(event)), () => new Promise<void>((resolve) => (stopSpinner = resolve)));
      } else {
        out.write(chalk.dim(`  … ${words.say(event)}\n`));
      }
      return;
    }
    const text = formatEvent(event, words);
    if (text !== undefined) out.write(`${text}\n`);
  };
}

/** One JSON object per line: the same events, for programs. */
export function jsonSink(out: NodeJS.WritableStream = process.stdout): EventSink {
  return (event) => void out.write(`${JSON.stringify(event)}\n`);
}
