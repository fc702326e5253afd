import type Docker from 'dockerode';

// dockerode honours `abortSignal` for these calls (lib/docker.js) but @types/dockerode declares
// them without options. These wrappers keep every engine call under a deadline and type-checked.
type SignalCall<T> = (this: Docker, options: { abortSignal?: AbortSignal }) => Promise<T>;

export const ping = (docker: Docker, abortSignal: AbortSignal) =>
  (docker.ping as unknown as SignalCall<unknown>).call(docker, { abortSignal });

export const engineInfo = (docker: Docker, abortSignal: AbortSignal) =>
  (docker.info as unknown as SignalCall<Record<string, unknown>>).call(docker, { abortSignal });

export const engineVersion = (docker: Docker, abortSignal: AbortSignal) =>
  (docker.version as unknown as SignalCall<Docker.DockerVersion>).call(docker, { abortSignal });
