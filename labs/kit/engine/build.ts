import type Docker from 'dockerode';
import { WharfError } from '../core/errors.ts';
import { BuildKitProgress, type Vertex } from '../parse/buildkit.ts';

/**
 * One message of the engine's build progress stream: text lines from the classic builder (and
 * Podman's Buildah), or under BuildKit `moby.buildkit.trace` records whose `aux` is its status.
 */
interface BuildMessage {
  id?: string;
  stream?: string;
  status?: string;
  error?: string;
  errorDetail?: { message?: string };
  aux?: { ID?: string } | string;
}

/** A BuildKit step as a line, once it is done: "[2/3] RUN echo hi > /x  CACHED". */
const vertexLine = (v: Vertex) => `${v.name}  ${v.error ? 'ERROR' : v.cached ? 'CACHED' : 'DONE'}`;

export const STEP_LINE = /^\s*(?:Step|STEP)\s+(\d+\/\d+)\s*:\s*(.*)$/;
/** Docker's classic builder prints " ---> Using cache", Podman "--> Using cache <id>". */
export const CACHE_HIT = /^\s*-+>\s*Using cache\b/;

/** " ---> 3eebbaf4af63" (Docker) or "--> 3eebbaf4af6" (Podman): a step's finished image. */
const STEP_IMAGE = /^\s*-{2,3}>\s*([0-9a-f]{12,64})\s*$/;

/**
 * Waits for a build to finish and turns the progress stream into a result. A failed build arrives
 * as a *successful* stream with `error` entries in it, so those are scanned for and reported with
 * the step that produced them. A build that fails or is stopped leaves its finished steps behind as
 * untagged images that carry the *parent's* labels (wharf.lab=base), which no run-label cleanup
 * would find: they are removed here, newest first. Images that other images still need stay. A good
 * build returns them (`stepImages`): under Docker's containerd image store they are not the final
 * image's parents, so removing that image leaves them behind as dangling images.
 */
export async function followBuild(
  docker: Docker,
  stream: NodeJS.ReadableStream,
  onLine: (line: string) => void = () => {},
  signal?: AbortSignal,
): Promise<{ imageId?: string; steps: string[]; stepImages: string[]; buildKit?: BuildKitProgress }> {
  const stepImages: string[] = [];
  // Only images this build made: not the FROM image (the base itself), not a cache hit (shared).
  let ownStep = false;
  try {
    const built = await collectBuild(
      docker,
      stream,
      (line) => {
        const step = STEP_LINE.exec(line);
        if (step) ownStep = !/^FROM\b/i.test(step[2] ?? '');
        else if (CACHE_HIT.test(line)) ownStep = false;
        const image = STEP_IMAGE.exec(line)?.[1];
        if (image && ownStep) stepImages.push(image);
        onLine(line);
      },
      signal,
    );
    return { ...built, stepImages: stepImages.filter((image) => !built.imageId?.includes(image)) };
  } catch (error) {
    for (const image of stepImages.reverse()) {
      await docker
        .getImage(image)
        .remove()
        .catch(() => {}); // in use by another image: not ours to remove
    }
    throw error;
  }
}

function collectBuild(
  docker: Docker,
  stream: NodeJS.ReadableStream,
  onLine: (line: string) => void = () => {},
  signal?: AbortSignal,
): Promise<{ imageId?: string; steps: string[]; buildKit?: BuildKitProgress }> {
  return new Promise((resolve, reject) => {
    const steps: string[] = [];
    let imageId: string | undefined;
    let failure: string | undefined;
    let buildKit: BuildKitProgress | undefined;
    const told = new Set<string>();
    const onAbort = () => {
      (stream as NodeJS.ReadableStream & { destroy?: () => void }).destroy?.();
      reject(signal?.reason ?? new Error('aborted'));
    };
    signal?.addEventListener('abort', onAbort, { once: true });
    docker.modem.followProgress(
      stream,
      (error: Error | null) => {
        signal?.removeEventListener('abort', onAbort);
        if (signal?.aborted) return;
        if (error) return reject(error);
        if (failure) {
          const failed = buildKit?.vertexes.find((v) => v.error)?.name;
          const step = failed ?? steps.at(-1);
          return reject(new WharfError(`Image build failed${step ? ` at step ${step}` : ''}: ${failure}`));
        }
        resolve({ imageId, steps, buildKit });
      },
      (message: BuildMessage) => {
        if (message.error || message.errorDetail) {
          failure = (message.errorDetail?.message ?? message.error ?? 'unknown error').trim();
        }
        if (message.id === 'moby.buildkit.trace' && typeof message.aux === 'string') {
          buildKit ??= new BuildKitProgress();
          const { logs } = buildKit.add(message.aux);
          for (const log of logs) for (const line of log.text.split('\n')) if (line.trim()) onLine(line);
          // Each Dockerfile step once, when it is done (BuildKit's own work, "[internal] …", is not a step).
          for (const v of buildKit.vertexes)
            if (/^\[\d+\/\d+\]/.test(v.name) && (v.completed || v.error) && !told.has(v.digest)) {
              told.add(v.digest);
              steps.push(v.name);
              onLine(vertexLine(v));
            }
          return;
        }
        if (typeof message.aux === 'object' && message.aux.ID) imageId = message.aux.ID;
        for (const line of (message.stream ?? '').split('\n')) {
          if (!line.trim()) continue;
          const step = STEP_LINE.exec(line);
          if (step) steps.push(`${step[1]} ${step[2]}`);
          onLine(line);
        }
      },
    );
  });
}
