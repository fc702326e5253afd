// npm run clean: removes every engine object a Wharf lab ever created, including what a killed run left.
import { chalk } from 'zx';
import { printFatal } from '../labs/kit/core/cli.ts';
import { LAB_LABEL } from '../labs/kit/core/labels.ts';
import { removeByLabel } from '../labs/kit/engine/cleanup.ts';
import { connectEngine } from '../labs/kit/engine/connect.ts';
import { scriptArgs } from './args.ts';

const args = scriptArgs('usage: npm run clean [-- --keep-base]', { 'keep-base': { type: 'boolean', default: false } });

async function main(keepBase: boolean): Promise<number> {
  const { docker, info } = await connectEngine();
  const report = await removeByLabel(docker, LAB_LABEL, { keepBase, deadlineMs: 60_000 });
  for (const what of report.removed) console.log(chalk.dim(`  removed ${what}`));
  for (const what of report.leftovers) console.log(chalk.red(`  could not remove ${what}`));
  const mark = report.leftovers.length ? chalk.red('✘') : chalk.green('✔');
  console.log(`${mark} ${report.removed.length} Wharf object(s) removed from ${info.product} at ${info.endpoint.host}`);
  return report.leftovers.length ? 1 : 0;
}

if (args) {
  process.exitCode = await main(Boolean(args.values['keep-base'])).catch((error: unknown) => {
    printFatal(error);
    return 1;
  });
}
