import { readdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type Docker from 'dockerode';
import { followBuild } from './build.ts';
import type { LabContext } from './lab.ts';

/** Directory of the Dockerfiles labs build from (labs/images/<name>/). */
export const imagesDir = (name: string) => fileURLToPath(new URL(`../images/${name}/`, import.meta.url));

export interface BuiltImage {
  tag: string;
  imageId?: string;
  /** "N/M INSTRUCTION" for each step, in order. */
  steps: string[];
  /** Every line of build output, e.g. to see which steps said "Using cache". */
  lines: string[];
}

/**
 * Builds labs/images/<name>/ (all its files are the context) with the run's labels, streaming the
 * engine's progress as output. Images always build FROM the local wharf/base: nothing is pulled.
 */
export async function buildLabImage(
  ctx: LabContext,
  name: string,
  tag: string,
  options: { dockerfile?: string; showOutput?: boolean; buildargs?: Record<string, string> } = {},
): Promise<BuiltImage> {
  const context = imagesDir(name);
  const src = await readdir(context);
  const lines: string[] = [];
  const stream = await ctx.docker.buildImage({ context, src }, {
    t: tag,
    // Only options that are set: an undefined one reaches the query string as "undefined", which
    // Podman's API refuses (400) where Docker ignores it.
    ...(options.dockerfile ? { dockerfile: options.dockerfile } : {}),
    ...(options.buildargs ? { buildargs: options.buildargs } : {}),
    labels: ctx.labels,
    rm: true,
    forcerm: true,
    abortSignal: ctx.signal,
  } as Docker.ImageBuildOptions);
  const result = await followBuild(ctx.docker, stream, (line) => {
    lines.push(line);
    if (options.showOutput ?? true) ctx.output(line);
  }, ctx.signal);
  return { tag, imageId: result.imageId, steps: result.steps, lines };
}
