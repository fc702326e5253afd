// npm run bench [-- base|lifecycle|labs|runner|deck|challenges|vm ...]: the figures the issues set targets for, as ratios or
// medians measured in one run. Benchmarks, not tests: they report, they do not assert.
import { chalk } from 'zx';
import { printFatal } from '../labs/kit/core/cli.ts';
import { removeByLabel } from '../labs/kit/engine/cleanup.ts';
import { connectEngine } from '../labs/kit/engine/connect.ts';
import { engineLine } from '../labs/kit/engine/summary.ts';
import { scriptArgs } from './args.ts';
import { benchBaseImage } from './bench/base-image.ts';
import { benchChallenges } from './bench/challenges.ts';
import { benchDeck } from './bench/deck.ts';
import { benchLabs } from './bench/labs.ts';
import { benchLifecycle } from './bench/lifecycle.ts';
import { benchRunner } from './bench/runner.ts';
import { benchVmBoot } from './bench/vm-boot.ts';

const BENCHES = ['base', 'lifecycle', 'labs', 'runner', 'deck', 'vm'];

async function main(chosen: string[]): Promise<number> {
  const unknown = chosen.filter((name) => !BENCHES.includes(name));
  if (unknown.length) {
    printFatal(new Error(`Unknown benchmark(s): ${unknown.join(', ')}. Known: ${BENCHES.join(', ')}.`));
    return 2;
  }
  const wants = (name: string) => chosen.length === 0 || chosen.includes(name);
  const engine = await connectEngine();
  console.log(chalk.dim(`${engineLine(engine.info)}, ${engine.info.arch}`));
  if (wants('base')) await benchBaseImage(engine);
  if (wants('lifecycle')) await benchLifecycle(engine);
  if (wants('labs')) await benchLabs();
  if (wants('runner')) await benchRunner();
  if (wants('deck')) await benchDeck();
  if (wants('challenges')) await benchChallenges(engine);
  // Opt-in: it needs QEMU and a kernel (scripts/fetch-vm-kernel.sh).
  if (chosen.includes('vm')) await benchVmBoot(engine);
  await removeByLabel(engine.docker, 'wharf.lab=bench');
  return 0;
}

const args = scriptArgs(`usage: npm run bench [-- ${BENCHES.join('|')} ...]`, {}, { positionals: true });
if (args) {
  process.exitCode = await main(args.positionals).catch((error: unknown) => {
    printFatal(error);
    return 1;
  });
}
