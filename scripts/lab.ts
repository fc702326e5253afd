// npm run lab -- <id> [--json] | --list
import { chalk, minimist } from 'zx';
import { printFatal, runLabCli } from '../labs/kit/cli.ts';
import { findLab, labs } from '../labs/index.ts';

const FLAGS = ['--json', '--list', '--help', '-h'];
const USAGE = 'usage: npm run lab -- <id> [--json]   |   npm run lab -- --list';

async function main(argv: string[]): Promise<number> {
  const unknownFlag = argv.find((a) => a.startsWith('-') && !FLAGS.includes(a));
  if (unknownFlag) {
    printFatal(new Error(`Unknown option ${unknownFlag}.\n${USAGE}`));
    return 2;
  }
  const args = minimist(argv, { boolean: ['json', 'list', 'help'], alias: { h: 'help' } });
  if (args.help) {
    console.log(USAGE);
    return 0;
  }
  if (args.list) {
    if (args.json) console.log(JSON.stringify(labs.map(({ id, title, shows }) => ({ id, title, shows }))));
    else for (const lab of labs) console.log(`${chalk.bold(lab.id.padEnd(16))} ${lab.title} — ${chalk.dim(lab.shows)}`);
    return 0;
  }
  const [id, ...extra] = args._.map(String);
  if (!id || extra.length) {
    printFatal(new Error(`${id ? 'Run one lab at a time.' : 'Which lab?'}\n${USAGE}\nlabs: ${labs.map((l) => l.id).join(', ')}`));
    return 2;
  }
  const lab = findLab(id);
  if (!lab) {
    printFatal(new Error(`Unknown lab "${id}". Known labs: ${labs.map((l) => l.id).join(', ')}.`));
    return 2;
  }
  return runLabCli(lab, { json: args.json });
}

process.exitCode = await main(process.argv.slice(2)).catch((error: unknown) => {
  printFatal(error);
  return 1;
});
