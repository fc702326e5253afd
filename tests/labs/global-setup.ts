import { ensureBaseImage } from '../../labs/kit/engine/base-image.ts';
import { connectEngine } from '../../labs/kit/engine/connect.ts';

// Before the lab suite: an engine must answer (no engine is a failure, not a skip) and the base
// image is built once, so the first lab's timing is not a build's.
export async function setup(): Promise<void> {
  const { docker, info } = await connectEngine();
  await ensureBaseImage(docker, info.arch);
}
