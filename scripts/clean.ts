// npm run clean: removes every engine object a Wharf lab ever created, including what a killed run left.
import { chalk } from 'zx';
import { removeByLabel } from '../labs/kit/cleanup.ts';
import { printFatal } from '../labs/kit/cli.ts';
import { connectEngine } from '../labs/kit/engine/connect.ts';
import { LAB_LABEL } from '../labs/kit/labels.ts';

async function main(): Promise<number> {
  const keepBase = process.argv.includes('--keep-base');
  const { docker, info } = await connectEngine();
  const report = await removeByLabel(docker, LAB_LABEL, { keepBase, deadlineMs: 60_000 });
  for (const what of report.removed) console.log(chalk.dim(`  removed ${what}`));
  for (const what of report.leftovers) console.log(chalk.red(`  could not remove ${what}`));
  console.log(`${report.leftovers.length ? chalk.red('✘') : chalk.green('✔')} ${report.removed.length} Wharf object(s) removed from ${info.product} at ${info.endpoint.host}`);
  return report.leftovers.length ? 1 : 0;
}

process.exitCode = await main().catch((error: unknown) => {
  printFatal(error);
  return 1;
});
