import { BASE_IMAGE, ensureBaseImage } from '../../labs/kit/engine/base-image.ts';
import type { Engine } from '../../labs/kit/engine/connect.ts';
import { median, ms, timed } from './stats.ts';

/** Cold build (image removed first), cached check, and size. Targets: ≤ 2 s, ≤ 0.2 s, ≤ 3 MB. */
export async function benchBaseImage({ docker, info }: Engine, rounds = 3): Promise<Record<string, number>> {
  const cold: number[] = [];
  const cached: number[] = [];
  for (let i = 0; i < rounds; i++) {
    await docker
      .getImage(BASE_IMAGE)
      .remove({ force: true })
      .catch(() => {});
    cold.push(await timed(() => ensureBaseImage(docker, info.arch)));
    for (let j = 0; j < 5; j++) cached.push(await timed(() => ensureBaseImage(docker, info.arch)));
  }
  const { Size } = await docker.getImage(BASE_IMAGE).inspect();
  const result = { coldMedianMs: median(cold), cachedMedianMs: median(cached), sizeBytes: Size };
  console.log(
    `base image cold ${ms(result.coldMedianMs)} (≤ 2000)  cached ${ms(result.cachedMedianMs)} (≤ 200)  size ${(Size / 1e6).toFixed(2)} MB (≤ 3)`,
  );
  return result;
}
