import type Docker from 'dockerode';

/** One row of `docker history`: an instruction of the image's recipe, newest first. */
export interface HistoryEntry {
  Id: string;
  Created: number;
  CreatedBy: string;
  Tags: string[] | null;
  /** Bytes of the layer this instruction made; 0 for metadata-only instructions (ENV, CMD...). */
  Size: number;
  Comment: string;
}

// dockerode's Image#inspect, #history and #get take no abortSignal (lib/image.js), so these make the
// same requests through its modem with one: a hung engine cannot stall a lab past its deadline.
function get<T>(docker: Docker, path: string, abortSignal: AbortSignal, isStream = false): Promise<T> {
  return new Promise((resolve, reject) => {
    docker.modem.dial(
      {
        path,
        method: 'GET',
        isStream,
        abortSignal,
        statusCodes: { 200: true, 404: 'no such image', 500: 'server error' },
      },
      (error, result) => (error ? reject(error) : resolve(result as T)),
    );
  });
}

export const inspectImage = (docker: Docker, name: string, signal: AbortSignal) =>
  get<Docker.ImageInspectInfo>(docker, `/images/${name}/json`, signal);

export const imageHistory = (docker: Docker, name: string, signal: AbortSignal) =>
  get<HistoryEntry[]>(docker, `/images/${name}/history`, signal);

/** `docker save`: the image as a tar stream (manifest.json, config, one tar per layer). */
export const exportImage = (docker: Docker, name: string, signal: AbortSignal) =>
  get<NodeJS.ReadableStream>(docker, `/images/${name}/get`, signal, true);

/**
 * Removes images one at a time, in the order given, and says how many went. An error whose HTTP
 * status is `tolerated` (404: gone already; 409: still another image's parent) skips that image;
 * any other is thrown.
 */
export async function removeImages(
  docker: Docker,
  ids: string[],
  options: { signal: AbortSignal; force?: boolean; tolerated: number[] },
): Promise<number> {
  let removed = 0;
  for (const id of ids) {
    await docker
      .getImage(id)
      .remove({ force: options.force ?? false, abortSignal: options.signal })
      .then(
        () => removed++,
        (error: { statusCode?: number }) => {
          if (!options.tolerated.includes(error.statusCode ?? 0)) throw error;
        },
      );
  }
  return removed;
}
