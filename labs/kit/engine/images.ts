import { readdir, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type Docker from 'dockerode';
import { type BuildStep, buildSteps } from '../parse/build-steps.ts';
import { followBuild } from './build.ts';

/** Directory of the Dockerfiles labs build from (labs/images/<name>/). */
export const imagesDir = (name: string) => fileURLToPath(new URL(`../../images/${name}/`, import.meta.url));

/** The same directory as the repository names it: what a `docker build` line shows. */
export const imagesPath = (name: string) => `labs/images/${name}`;

/**
 * Who builds: BuildKit on Docker (the only builder current Docker CLIs use); the classic builder
 * where nothing else exists: Podman builds with Buildah, which streams the classic builder's text,
 * and Docker when the user asked for it with DOCKER_BUILDKIT=0, as the docker CLI would.
 */
export type Builder = 'buildkit' | 'classic';

export function builderFor(product: string, env: NodeJS.ProcessEnv = process.env): Builder {
  return product === 'Podman' || env.DOCKER_BUILDKIT === '0' ? 'classic' : 'buildkit';
}

export interface BuiltImage {
  tag: string;
  builder: Builder;
  imageId?: string;
  /**
   * Each step, in order, and whether the engine took it from its cache. The classic builder makes
   * a step of every instruction (and of each label it was given); BuildKit only of FROM, COPY, ADD,
   * RUN and WORKDIR: the others, and the labels, go straight into the image's config.
   */
  steps: BuildStep[];
  /** Every line of build output, e.g. to see which steps said "Using cache". */
  lines: string[];
  /** Images its own steps made besides the final one (the classic builder's; BuildKit makes none), newest last. */
  stepImages: string[];
}

export interface BuildRequest {
  name: string;
  /** A context generated at run time (absolute path), instead of labs/images/<name>/. */
  contextDir?: string;
  tag: string;
  builder: Builder;
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
    // BuildKit reads the uploaded tar as its context, like the classic builder.
    ...(request.builder === 'buildkit' ? { version: '2' } : { rm: true, forcerm: true }),
    abortSignal: request.signal,
  } as Docker.ImageBuildOptions);
  const onLine = (line: string) => {
    lines.push(line);
    request.onLine?.(line);
  };
  const result = await followBuild(docker, stream, onLine, request.signal);
  const steps = result.buildKit?.steps() ?? buildSteps(lines);
  // What the engine did, not what was asked: an engine that ignores `version=2` streams classic text.
  const builder = result.buildKit ? 'buildkit' : 'classic';
  return { ...result, tag: request.tag, builder, steps, lines };
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
