// Chapter 11: a memory limit bites: the kernel OOM-kills a process that outgrows 32 MiB.
import { buffer } from 'node:stream/consumers';
import type Docker from 'dockerode';
import { defineChallenge, line, missing } from './challenge.ts';
import { withDeadline } from './kit.ts';

const NAME = 'wharf-ch-oom';
const LIMIT = 32 * 2 ** 20;
const SLIDE = { chapter: '11-cgroups', id: 'lab-cgroups' };
const mib = (bytes: number) => `${bytes / 2 ** 20} MiB`;

/**
 * Whether the engine's own event log has an `oom` event for the container between its start and
 * a moment after its end. Docker 20.10 can handle the exit before the OOM notice, and then leaves
 * State.OOMKilled false for a container the kernel did OOM-kill; the event is still logged.
 */
export async function oomEventLogged(docker: Docker, id: string, state: Docker.ContainerInspectInfo['State']) {
  const seconds = (iso: string, plus = 0) => (Date.parse(iso) / 1000 + plus).toFixed(3);
  const stream = await docker.getEvents({
    since: seconds(state.StartedAt),
    until: seconds(state.FinishedAt, 5),
    filters: { container: [id], event: ['oom'] },
    abortSignal: withDeadline(undefined, 10_000),
  } as unknown as Docker.GetEventsOptions);
  return (await buffer(stream)).toString('utf8').trim() !== '';
}

export const challenge = defineChallenge({
  id: 'oom-kill',
  title: { en: 'Get OOM-killed under 32 MiB', zh: '在 32 MiB 限制下被 OOM 杀掉' },
  slide: SLIDE,
  names: { containers: [NAME] },
  task: () => ({
    en: `Run a container named ${NAME} from wharf/base with a memory limit of 32 MiB, whose process uses
more memory than that, so that the kernel's OOM killer stops it. Do not use --rm: the check reads
the stopped container's state.`,
    zh: `用 wharf/base 运行一个名为 ${NAME} 的容器，内存限制为 32 MiB，让其中的进程用掉更多内存，
直到内核的 OOM killer 把它杀掉。不要加 --rm：检查要读取已停止容器的状态。`,
  }),
  hints: [
    {
      en: 'The memory limit is a flag of `run` that takes a unit: 32m.',
      zh: '内存限制是 `run` 的一个参数，可以带单位：32m。',
    },
    {
      en: 'You need a process that keeps allocating. busybox `tail /dev/zero` keeps one endless "line" in memory.',
      zh: '需要一个不停申请内存的进程。busybox 的 `tail /dev/zero` 会把一行永远读不完的内容留在内存里。',
    },
    {
      en: 'docker run --name wharf-ch-oom --memory 32m wharf/base tail /dev/zero   (then look at docker inspect: State.OOMKilled)',
      zh: 'docker run --name wharf-ch-oom --memory 32m wharf/base tail /dev/zero（然后看 docker inspect 的 State.OOMKilled）',
    },
  ],
  solution: ({ cli }) => [`${cli} run --name ${NAME} --memory 32m wharf/base tail /dev/zero`],
  async check(engine) {
    const { cli } = engine.setting;
    const info = await engine.container(NAME);
    if (!info) return [missing('container', NAME, `${cli} run --name ${NAME} … wharf/base …`, 'oom-kill')];
    const memory = info.HostConfig.Memory ?? 0;
    const lines = [
      line(
        memory === LIMIT,
        `memory limit ${memory ? mib(memory) : 'none'}`,
        memory ? `the task asks for 32 MiB: --memory 32m` : 'no memory limit: add --memory 32m',
        SLIDE,
      ),
    ];
    const { State } = info;
    if (State.Running)
      return [
        ...lines,
        line(
          false,
          `${NAME} is still running`,
          'it has not outgrown its limit: its process must keep allocating memory (e.g. tail /dev/zero)',
          SLIDE,
        ),
      ];
    // Podman sets no OOMKilled flag: there, exit 137 (SIGKILL) under the limit is the evidence there is.
    const podman = engine.info.product === 'Podman';
    const oomKilled =
      State.OOMKilled ||
      (State.ExitCode === 137 && (podman || (await oomEventLogged(engine.docker, info.Id, State).catch(() => false))));
    if (oomKilled) {
      return [
        ...lines,
        line(
          true,
          `the kernel OOM-killed it (exit ${State.ExitCode}${podman ? '; Podman sets no OOMKilled flag' : ', OOMKilled true'})`,
        ),
      ];
    }
    const why =
      State.ExitCode === 0
        ? 'it exited normally (exit 0): its process never used more than the limit. tail /dev/zero does'
        : State.ExitCode === 137
          ? 'it was killed (exit 137) but not by the OOM killer: by docker kill or stop? Let the memory limit do it'
          : `it exited with code ${State.ExitCode}, not OOM-killed`;
    return [...lines, line(false, 'killed by the OOM killer', why, SLIDE)];
  },
});
