import { readdir, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type Docker from 'dockerode';
import { type BuildStep, buildSteps } from '../parse/build-steps.ts';
import { followBuild } from './build.ts';

/** Directory of the Dockerfiles labs build from (labs/images/<name>/). */
export const imagesDir = (name: string) => fileURLToPath(new URL(`../../images/${name}/`, import.meta.url));

/** The same directory as the repository names it: what a `docker build` line shows. */
export const imagesPath = (name: string) => `labs/images/${name}`;

export interface BuiltImage {
  tag: string;
  imageId?: string;
  /** Each step, in order, and whether the engine took it from its cache. */
  steps: BuildStep[];
  /** Every line of build output, e.g. to see which steps said "Using cache". */
  lines: string[];
  /** Images its own steps made besides the final one (the classic builder's), newest last. */
  stepImages: string[];
}

export interface BuildRequest {
  name: string;
  /** A context generated at run time (absolute path), instead of labs/images/<name>/. */
  contextDir?: string;
  tag: string;
  labels: Record<string, string>;
  dockerfile?: string;
  signal: AbortSignal;
  onLine?: (line: string) => void;
}

/**
 * Builds labs/images/<name>/ (all its files are the context). Images always build FROM the local
 * wharf/base: nothing is pulled.
 */
export async function buildLabImage(docker: Docker, request: BuildRequest): Promise<BuiltImage> {
  const context = request.contextDir ?? imagesDir(request.name);
  const src = await readdir(context);
  const lines: string[] = [];
  const stream = await docker.buildImage({ context, src }, {
    t: request.tag,
    // Only options that are set: an undefined one reaches the query string as "undefined", which
    // Podman's API refuses (400) where Docker ignores it.
    ...(request.dockerfile ? { dockerfile: request.dockerfile } : {}),
    labels: request.labels,
    rm: true,
    forcerm: true,
    abortSignal: request.signal,
  } as Docker.ImageBuildOptions);
  const onLine = (line: string) => {
    lines.push(line);
    request.onLine?.(line);
  };
  const result = await followBuild(docker, stream, onLine, request.signal);
  return { tag: request.tag, imageId: result.imageId, steps: buildSteps(lines), lines, stepImages: result.stepImages };
}

/** A lab Dockerfile's instructions, without comments and blank lines: what a slide shows of it. */
export async function dockerfileLines(name: string, file = 'Dockerfile'): Promise<string[]> {
  const text = await readFile(`${imagesDir(name)}${file}`, 'utf8');
  return text.split('\n').filter((line) => line.trim() && !line.startsWith('#'));
}

/** A lab Dockerfile as a lab shows it, under its path: the same listing in every lab that builds one. */
export async function dockerfileListing(name: string, file = 'Dockerfile'): Promise<string> {
  return `${imagesPath(name)}/${file}\n${(await dockerfileLines(name, file)).join('\n')}`;
}
