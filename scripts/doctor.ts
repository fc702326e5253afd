// npm run doctor: an attendee's preflight. Every check is done for real, and says how to fix it.
import { chalk } from 'zx';
import { printFatal } from '../labs/kit/core/cli.ts';
import { WharfError } from '../labs/kit/core/errors.ts';
import { deckPort, PortSettingError } from '../runner/config.ts';
import { scriptArgs } from './args.ts';
import { runDoctor } from './doctor/checks.ts';

if (scriptArgs('usage: npm run doctor   (the deck port checked is WHARF_PORT, else 4173)', {})) {
  try {
    const checks = await runDoctor({ port: deckPort() });
    for (const check of checks) {
      console.log(`${check.ok ? chalk.green('✔') : chalk.red('✘')} ${chalk.bold(check.name)}: ${check.detail}`);
      if (check.hint) console.log(chalk.yellow(check.hint.replace(/^/gm, '    ')));
    }
    const failed = checks.filter((c) => !c.ok).length;
    const verdict = failed
      ? chalk.red(`\n${failed} check(s) failed: fix them before the workshop.`)
      : chalk.green('\nReady for the workshop.');
    console.log(verdict);
    process.exitCode = failed ? 1 : 0;
  } catch (error) {
    printFatal(
      error instanceof PortSettingError ? new WharfError(error.message, 'For example: WHARF_PORT=4174') : error,
    );
    process.exitCode = 1;
  }
}
