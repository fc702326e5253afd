// npm run lab -- <id> [--json | --script]   |   npm run lab -- --list [--json]
import { chalk } from 'zx';
import { findLab, labs } from '../labs/index.ts';
import { parseLabFlags, printFatal, runLabCli } from '../labs/kit/core/cli.ts';
import { terminalLang, wordsFor } from '../labs/present/words.ts';

const USAGE = [
  'usage: npm run lab -- <id>            run one lab, told step by step',
  '       npm run lab -- <id> --json     the same run as one JSON event per line',
  '       npm run lab -- <id> --script   run it, then print its commands as a shell script to paste',
  '       npm run lab -- <id> --lang zh  told in Chinese (default: your locale, LANG=zh_CN…)',
  '       npm run lab -- --list          the labs there are',
  '       npm run lab -- density --count 20   a lab option (--list shows which labs take which)',
].join('\n');

async function main(argv: string[]): Promise<number> {
  let flags: ReturnType<typeof parseLabFlags>;
  try {
    flags = parseLabFlags(argv, [...new Set(labs.flatMap((lab) => Object.keys(lab.options ?? {})))]);
  } catch (error) {
    printFatal(new Error(`${(error as Error).message}\n${USAGE}`));
    return 2;
  }
  if (flags.help) {
    console.log(USAGE);
    return 0;
  }
  if (flags.list) {
    // `--list | head -2`: a reader that has seen enough is not an error.
    process.stdout.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code !== 'EPIPE') throw error;
      process.exit(0);
    });
    if (flags.mode === 'json') console.log(JSON.stringify(labs.map(({ id, title, shows }) => ({ id, title, shows }))));
    else for (const lab of labs) console.log(`${chalk.bold(lab.id.padEnd(16))} ${lab.title} — ${chalk.dim(lab.shows)}`);
    return 0;
  }
  const [id, ...extra] = flags.positionals;
  if (!id || extra.length) {
    const why = id ? 'Run one lab at a time.' : 'Which lab?';
    printFatal(new Error(`${why}\n${USAGE}\nlabs: ${labs.map((l) => l.id).join(', ')}`));
    return 2;
  }
  const lab = findLab(id);
  if (!lab) {
    printFatal(new Error(`Unknown lab "${id}". Known labs: ${labs.map((l) => l.id).join(', ')}.`));
    return 2;
  }
  let lang: ReturnType<typeof terminalLang>;
  try {
    lang = terminalLang(flags.lang);
  } catch (error) {
    printFatal(new Error(`${(error as Error).message}\n${USAGE}`));
    return 2;
  }
  try {
    return await runLabCli(lab, flags.mode, flags.labOptions, wordsFor(lab.id, lang));
  } catch (error) {
    printFatal(error);
    return 2;
  }
}

process.exitCode = await main(process.argv.slice(2)).catch((error: unknown) => {
  printFatal(error);
  return 1;
});
