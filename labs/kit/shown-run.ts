import { runToCompletion, type Completed, type RunOptions } from './containers.ts';
import type { LabContext } from './lab.ts';

/**
 * `docker run --rm` as the audience sees it: the equivalent command line, then whatever the
 * container printed. Labels and the run's signal are the lab's own.
 */
export async function runShown(
  ctx: LabContext,
  command: string,
  options: Omit<RunOptions, 'labels' | 'signal'>,
): Promise<Completed & { printed: string }> {
  ctx.command(command);
  const result = await runToCompletion(ctx.docker, { ...options, labels: ctx.labels, signal: ctx.signal });
  const printed = (result.stdout + result.stderr).trim();
  if (printed) ctx.output(printed);
  return { ...result, printed };
}
