// Chapter 11: a process limit stops a fork loop at 20 processes, and the container survives it.
import { defineChallenge, line, missing } from './challenge.ts';

const NAME = 'wharf-ch-forks';
const LIMIT = 20;
const SLIDE = { chapter: '11-cgroups', id: 'lab-cgroups' };

export const challenge = defineChallenge({
  id: 'fork-limit',
  title: { en: 'Stop a fork bomb at 20 processes', zh: '把 fork 炸弹挡在 20 个进程' },
  slide: SLIDE,
  names: { containers: [NAME] },
  task: ({ cli }) => ({
    en: `Start a container named ${NAME} from wharf/base, detached, running sleep 3600, that may hold at most
${LIMIT} processes. Then, with ${cli} exec, run a loop in it that starts background sleeps forever:
  while true; do sleep 3600 & done
It must stop at the limit, and ${NAME} must keep running. Never run that loop without the limit.`,
    zh: `用 wharf/base 在后台启动一个名为 ${NAME} 的容器，运行 sleep 3600，最多只允许 ${LIMIT} 个进程。
然后用 ${cli} exec 在里面运行一个不停启动后台 sleep 的循环：
  while true; do sleep 3600 & done
它必须在限制处停下，而 ${NAME} 要继续运行。千万不要在没有限制的容器里运行这个循环。`,
  }),
  hints: [
    {
      en: 'The pids cgroup caps how many processes a container may have: it is a flag of `run`.',
      zh: 'pids cgroup 限制一个容器能有多少个进程：这是 `run` 的一个参数。',
    },
    {
      en: '--pids-limit 20 on docker run. The loop goes in through docker exec, wrapped in sh -c "…".',
      zh: '在 docker run 上加 --pids-limit 20。循环通过 docker exec 放进去，外面包一层 sh -c "…"。',
    },
    {
      en: 'docker exec wharf-ch-forks sh -c "while true; do sleep 3600 & done"   ends with "can\'t fork": that is the limit working.',
      zh: 'docker exec wharf-ch-forks sh -c "while true; do sleep 3600 & done" 以 "can\'t fork" 结束：这正是限制在起作用。',
    },
  ],
  solution: ({ cli }) => [
    `${cli} run -d --name ${NAME} --pids-limit ${LIMIT} wharf/base sleep 3600`,
    `${cli} exec ${NAME} sh -c "while true; do sleep 3600 & done"`,
  ],
  async check(engine) {
    const { cli } = engine.setting;
    const info = await engine.container(NAME);
    if (!info)
      return [
        missing('container', NAME, `${cli} run -d --name ${NAME} --pids-limit … wharf/base sleep 3600`, 'fork-limit'),
      ];
    const limit = info.HostConfig.PidsLimit ?? 0;
    const limited = limit > 0;
    const stopped = (state: typeof info.State) =>
      line(
        state.Running,
        `${NAME} kept running`,
        `it is ${state.Status} (exit ${state.ExitCode}): run sleep 3600 as its main process and the loop with ${cli} exec`,
        SLIDE,
      );
    const limitLine = line(
      limit === LIMIT,
      `process limit ${limited ? limit : 'none'}`,
      limited
        ? `the task asks for ${LIMIT}: --pids-limit ${LIMIT}`
        : `no process limit: add --pids-limit ${LIMIT} (and never run a fork loop without one)`,
      SLIDE,
    );
    if (!info.State.Running) return [limitLine, stopped(info.State)];
    // The engine lists the processes from the host (docker top), so this works even when the
    // container is full and could not start one more process for an exec.
    // (top refuses a container that stopped meanwhile: that counts as none, and the state says why)
    const count = await engine.processes(NAME).then(
      (processes) => processes.length,
      () => 0,
    );
    // A loop run as the main process dies at the limit, and may do so between inspect and top.
    const after = count === 0 ? (await engine.container(NAME))?.State : info.State;
    if (after && !after.Running) return [limitLine, stopped(after)];
    const lines = [limitLine, stopped(info.State)];
    const atLimit = limited && count >= limit - 2 && count <= limit;
    return [
      ...lines,
      line(
        atLimit,
        `${count} processes in it${atLimit ? `: the loop hit the limit` : ''}`,
        count <= 2
          ? `start the loop: ${cli} exec ${NAME} sh -c "while true; do sleep 3600 & done"`
          : `the loop did not stop at ${LIMIT}`,
        SLIDE,
      ),
    ];
  },
});
