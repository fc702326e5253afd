// npm run bench [-- base|lifecycle|labs|runner|challenges|vm ...]: the figures the issues set targets for, as ratios or
// medians measured in one run. Benchmarks, not tests: they report, they do not assert.
import { chalk } from 'zx';
import { benchBaseImage } from './bench/base-image.ts';
import { benchChallenges } from './bench/challenges.ts';
import { benchLabs } from './bench/labs.ts';
import { benchLifecycle } from './bench/lifecycle.ts';
import { benchRunner } from './bench/runner.ts';
import { benchVmBoot } from './bench/vm-boot.ts';
import { printFatal } from '../labs/kit/cli.ts';
import { connectEngine } from '../labs/kit/engine/connect.ts';
import { removeByLabel } from '../labs/kit/cleanup.ts';

const chosen = process.argv.slice(2);
const wants = (name: string) => chosen.length === 0 || chosen.includes(name);

try {
  const engine = await connectEngine();
  console.log(chalk.dim(`${engine.info.product} ${engine.info.version} ${engine.info.arch}, storage ${engine.info.storageDriver}, cgroup v${engine.info.cgroupVersion}`));
  if (wants('base')) await benchBaseImage(engine);
  if (wants('lifecycle')) await benchLifecycle(engine);
  if (wants('labs')) await benchLabs();
  if (wants('runner')) await benchRunner();
  if (wants('challenges')) await benchChallenges(engine);
  // Opt-in: it needs QEMU and a kernel (scripts/fetch-vm-kernel.sh).
  if (chosen.includes('vm')) await benchVmBoot(engine);
  await removeByLabel(engine.docker, 'wharf.lab=bench');
} catch (error) {
  printFatal(error);
  process.exitCode = 1;
}
