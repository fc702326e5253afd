// npm run challenge -- --list | <id> [--hint] [--solution] [--reset] [--lang zh|en]
import { chalk } from 'zx';
import { prepareFolder, resetFolder } from '../challenges/folder.ts';
import { challenges, findChallenge } from '../challenges/index.ts';
import { WharfError } from '../challenges/kit.ts';
import { ensureBaseImage } from '../challenges/kit-setup.ts';
import { hintText, listText, printFatal, solutionText, taskText } from '../challenges/report.ts';
import { removeNamed } from '../challenges/reset.ts';
import { chooseLang, forCli, settingFor, tryEngine } from '../challenges/session.ts';
import { forgetHints, nextHint } from '../challenges/state.ts';
import { scriptArgs } from './args.ts';

const USAGE = 'usage: npm run challenge -- --list | <id> [--hint | --solution | --reset] [--lang zh|en]';

async function main(): Promise<number> {
  const parsed = scriptArgs(
    USAGE,
    {
      list: { type: 'boolean' },
      hint: { type: 'boolean' },
      solution: { type: 'boolean' },
      reset: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
      lang: { type: 'string' },
    },
    { positionals: true },
  );
  if (!parsed) return 2;
  const args = parsed.values;
  const lang = chooseLang(args.lang);
  if (args.help || args.list) {
    console.log(args.help ? USAGE : listText(lang));
    return 0;
  }
  const ids = parsed.positionals;
  const known = `challenges: ${challenges.map((c) => c.id).join(', ')}`;
  if (ids.length !== 1)
    throw new WharfError(ids.length ? 'One challenge at a time.' : 'Which challenge?', `${USAGE}\n${known}`);
  const challenge = findChallenge(ids[0]!);
  if (!challenge) throw new WharfError(`Unknown challenge "${ids[0]}".`, known);
  if ([args.hint, args.solution, args.reset].filter(Boolean).length > 1)
    throw new WharfError('Choose one of --hint, --solution, --reset.', USAGE);

  if (args.hint || args.solution) {
    // Neither needs the engine: only which CLI is installed.
    const setting = settingFor(challenge, undefined);
    if (args.solution) {
      console.log(solutionText(challenge, setting, lang));
    } else {
      const { index, last } = await nextHint(challenge.id, challenge.hints.length);
      console.log(hintText(challenge, index, last, forCli(challenge.hints[index]![lang], setting.cli), lang));
    }
    return 0;
  }

  const { engine, error } = await tryEngine();
  const setting = settingFor(challenge, engine);
  if (args.reset) {
    if (!engine) throw error;
    const report = await removeNamed(engine.docker, challenge.names);
    if (challenge.folder) await resetFolder(challenge, setting.workDir);
    await forgetHints(challenge.id);
    console.log(
      report.removed.length
        ? `Removed ${report.removed.join(', ')}.`
        : `Nothing of ${challenge.id} was there to remove.`,
    );
    if (challenge.folder) console.log(`Restored ${setting.workDir}.`);
    for (const failed of report.failed) console.log(chalk.red(`Could not remove ${failed}`));
    return report.failed.length ? 1 : 0;
  }

  await prepareFolder(challenge, setting.workDir);
  console.log(taskText(challenge, setting, lang));
  if (!engine) {
    console.log('');
    printFatal(error);
    return 1;
  }
  // Every task starts from wharf/base: build it now (offline, from the vendored busybox) if it is missing.
  const base = await ensureBaseImage(engine.docker, engine.info.arch);
  if (base.built) console.log(chalk.dim(`\n(built ${base.image} on your engine, offline)`));
  return 0;
}

process.exitCode = await main().catch((error: unknown) => {
  printFatal(error);
  return error instanceof WharfError ? 2 : 1;
});
