import type Docker from 'dockerode';
import type { CheckEngine, Setting } from './challenge.ts';
import {
  BASE_IMAGE,
  type Engine,
  execIn,
  inspectImage,
  LAB_LABEL,
  needsHostUserns,
  newRunLabel,
  ownerLabels,
  RUN_LABEL,
  runToCompletion,
  withDeadline,
} from './kit.ts';

/** Labels on the check's own helper containers, so `npm run clean` and the leftovers test see them. */
export const checkLabels = (runId: string) => ({
  [LAB_LABEL]: 'challenge',
  [RUN_LABEL]: runId,
  'wharf.role': 'check',
  ...ownerLabels(),
});

const notFound = (error: unknown) => (error as { statusCode?: number }).statusCode === 404;

async function orUndefined<T>(work: Promise<T>): Promise<T | undefined> {
  try {
    return await work;
  } catch (error) {
    if (notFound(error)) return undefined;
    throw error;
  }
}

/** The engine as a check sees it: reads only, plus throw-away helpers that carry the check's labels. */
export function checkEngine(
  { docker, info }: Engine,
  setting: Setting,
  signal: AbortSignal,
): CheckEngine & { runId: string } {
  const runId = newRunLabel();
  const abortSignal = (ms = 10_000) => withDeadline(signal, ms);
  return {
    runId,
    docker,
    info,
    cgroupVersion: info.cgroupVersion,
    setting,
    signal,
    container: (name) => orUndefined(docker.getContainer(name).inspect({ abortSignal: abortSignal() })),
    volume: (name) =>
      orUndefined(
        (docker.getVolume(name).inspect as (o: object) => Promise<Docker.VolumeInspectInfo>)({
          abortSignal: abortSignal(),
        }),
      ),
    image: (name) => orUndefined(inspectImage(docker, name, abortSignal())),
    exec: (name, cmd) => execIn(docker, docker.getContainer(name), cmd, { signal, deadlineMs: 10_000 }),
    async processes(name) {
      const top = await (docker.getContainer(name).top as (o: object) => Promise<{ Processes?: string[][] }>)({
        abortSignal: abortSignal(),
      });
      return top.Processes ?? [];
    },
    helper: (script, hostConfig) =>
      runToCompletion(
        docker,
        {
          Image: BASE_IMAGE,
          Cmd: ['sh', '-c', script],
          Labels: checkLabels(runId),
          HostConfig: {
            NetworkMode: 'none',
            ...hostConfig,
            ...(needsHostUserns(info, { pid: hostConfig?.PidMode, network: hostConfig?.NetworkMode })
              ? { UsernsMode: 'host' }
              : {}),
          },
        },
        signal,
        { deadlineMs: 20_000 },
      ),
  };
}
