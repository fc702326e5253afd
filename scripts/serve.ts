// What `npm start` and `npm run dev` share: the runner on 127.0.0.1, the link to open, and a clean
// stop on Ctrl-C.
import { chalk } from 'zx';
import { printFatal } from '../labs/kit/core/cli.ts';
import { WharfError } from '../labs/kit/core/errors.ts';
import { deckPort, PortSettingError } from '../runner/config.ts';
import { type RunnerOptions, startRunner } from '../runner/server.ts';

export async function serve(mode: NonNullable<RunnerOptions['mode']>): Promise<void> {
  let port: number | undefined;
  try {
    port = deckPort();
    const runner = await startRunner({ port, mode, log: (line) => console.log(chalk.dim(line)) });
    const label = mode === 'dev' ? 'deck (authoring, hot reload) and lab runner' : 'deck and lab runner';
    console.log(`${chalk.bold.cyan('Wharf')} ${label} on ${runner.url}`);
    console.log(`Open this link to present (it carries this start's key, which lets the deck run labs):`);
    console.log(`  ${chalk.bold(runner.secretUrl)}`);
    console.log(
      chalk.dim(
        '  Press L in the deck for 中文 (the tab keeps its session). Without the key, lab slides show recordings.',
      ),
    );
    const engine = await runner.engine.status();
    if (engine.ok) {
      console.log(`Labs run on ${engine.product} ${engine.version} (${engine.arch}) at ${engine.host}`);
      for (const skipped of engine.passedOver) console.log(chalk.yellow(`  not used: ${skipped}`));
    } else {
      console.log(
        chalk.yellow(
          `${engine.error} Lab slides will show their recordings until an engine answers.\n${engine.hint ?? ''}`,
        ),
      );
    }
    console.log(
      chalk.dim(
        'Press s in the deck for speaker notes, R on a lab slide to run it. Ctrl-C stops the server and any running lab.',
      ),
    );
    const shutdown = async () => {
      console.log(chalk.dim('\nstopping: cleaning up running labs…'));
      await runner.close();
      process.exit(0);
    };
    process.once('SIGINT', shutdown);
    process.once('SIGTERM', shutdown);
  } catch (error) {
    if (error instanceof PortSettingError)
      printFatal(new WharfError(error.message, 'For example: WHARF_PORT=4174 npm start'));
    else if ((error as { code?: string }).code === 'EADDRINUSE') {
      printFatal(
        new WharfError(
          `Port ${port} is already in use.`,
          `Stop the other server, or start on another port: WHARF_PORT=${(port ?? 4173) + 1} npm start`,
        ),
      );
    } else printFatal(error);
    process.exitCode = 1;
  }
}
