import { $ } from 'zx';
import { BASE_IMAGE } from '../../labs/kit/engine/base-image.ts';
import type { Engine } from '../../labs/kit/engine/connect.ts';
import { runToCompletion } from '../../labs/kit/engine/containers.ts';
import { createOptions } from '../../labs/kit/spec/container.ts';
import { median, ms, timed } from './stats.ts';

/**
 * The kit's create/start/wait/logs/remove against `docker run --rm` through the CLI, alternating
 * in the same run so both see the same engine state. Target: kit/CLI median ratio ≤ 0.8.
 */
export async function benchLifecycle({ docker }: Engine, rounds = 15): Promise<Record<string, number>> {
  const labels = { 'wharf.lab': 'bench', 'wharf.run': `bench-${process.pid}` };
  const kit: number[] = [];
  const cli: number[] = [];
  for (let i = 0; i < rounds; i++) {
    kit.push(
      await timed(() =>
        runToCompletion(docker, createOptions({ image: BASE_IMAGE, cmd: ['true'], labels }), undefined),
      ),
    );
    cli.push(await timed(() => $`docker run --rm --network none --label wharf.lab=bench ${BASE_IMAGE} true`.quiet()));
  }
  const result = { kitMedianMs: median(kit), cliMedianMs: median(cli), ratio: median(kit) / median(cli) };
  console.log(
    `lifecycle  kit ${ms(result.kitMedianMs)}  cli ${ms(result.cliMedianMs)}  ratio ${result.ratio.toFixed(2)} (target ≤ 0.80, ${rounds} rounds each)`,
  );
  return result;
}
