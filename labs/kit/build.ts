import type Docker from 'dockerode';
import { WharfError } from './errors.ts';

/** One line of the engine's build progress stream (classic builder, BuildKit-less API, Podman). */
interface BuildMessage {
  stream?: string;
  status?: string;
  error?: string;
  errorDetail?: { message?: string };
  aux?: { ID?: string };
}

const STEP_LINE = /^\s*(?:Step|STEP)\s+(\d+\/\d+)\s*:\s*(.*)$/;

/**
 * Waits for a build to finish and turns the progress stream into a result. A failed build arrives
 * as a *successful* stream with `error` entries in it, so those are scanned for and reported with
 * the step that produced them.
 */
export function followBuild(
  docker: Docker,
  stream: NodeJS.ReadableStream,
  onLine: (line: string) => void = () => {},
  signal?: AbortSignal,
): Promise<{ imageId?: string; steps: string[] }> {
  return new Promise((resolve, reject) => {
    const steps: string[] = [];
    let imageId: string | undefined;
    let failure: string | undefined;
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
          const step = steps.at(-1);
          return reject(new WharfError(`Image build failed${step ? ` at step ${step}` : ''}: ${failure}`));
        }
        resolve({ imageId, steps });
      },
      (message: BuildMessage) => {
        if (message.error || message.errorDetail) {
          failure = (message.errorDetail?.message ?? message.error ?? 'unknown error').trim();
        }
        if (message.aux?.ID) imageId = message.aux.ID;
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
