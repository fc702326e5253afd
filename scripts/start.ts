// npm start: the deck and the lab runner on http://127.0.0.1:<WHARF_PORT or 4173>, loopback only.
import { chalk } from 'zx';
import { printFatal } from '../labs/kit/core/cli.ts';
import { WharfError } from '../labs/kit/core/errors.ts';
import { startRunner } from '../runner/server.ts';

const port = Number(process.env.WHARF_PORT ?? 4173);

try {
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    throw new WharfError(`WHARF_PORT must be a port number from 1 to 65535, not "${process.env.WHARF_PORT}".`, 'For example: WHARF_PORT=4174 npm start');
  }
  const runner = await startRunner({ port });
  console.log(`${chalk.bold.cyan('Wharf')} deck and lab runner: ${chalk.bold(runner.url)}   (English)`);
  console.log(`${' '.repeat(27)}${chalk.bold(`${runner.url}?lang=zh`)}   (中文)`);
  const engine = await runner.engine.status();
  if (engine.ok) {
    console.log(`Labs run on ${engine.product} ${engine.version} (${engine.arch}) at ${engine.host}`);
    for (const skipped of engine.passedOver) console.log(chalk.yellow(`  not used: ${skipped}`));
  } else {
    console.log(chalk.yellow(`${engine.error} Lab slides will show their recordings until an engine answers.\n${engine.hint ?? ''}`));
  }
  console.log(chalk.dim('Press s in the deck for speaker notes, R on a lab slide to run it. Ctrl-C stops the server and any running lab.'));
  const shutdown = async () => {
    console.log(chalk.dim('\nstopping: cleaning up running labs…'));
    await runner.close();
    process.exit(0);
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
} catch (error) {
  if ((error as { code?: string }).code === 'EADDRINUSE') {
    printFatal(new Error(`Port ${port} is already in use. Stop the other server, or start on another port: WHARF_PORT=4174 npm start`));
  } else printFatal(error);
  process.exitCode = 1;
}
