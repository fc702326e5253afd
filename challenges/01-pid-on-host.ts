// Chapter 04: a container is a process: the attendee finds its PID on the host and types it back.
import { defineChallenge, line, missing } from './challenge.ts';

const NAME = 'wharf-ch-sleeper';
const SLIDE = { chapter: '04-container-is-a-process', id: 'lab-processes' };

export const challenge = defineChallenge({
  id: 'pid-on-host',
  title: { en: 'Find your container on the host', zh: '在宿主机上找到你的容器' },
  slide: SLIDE,
  names: { containers: [NAME] },
  task: () => ({
    en: `Start a container named ${NAME} from wharf/base that sleeps for an hour, detached.
Then find the PID its sleep process has on the engine's host (not inside the container) and type it back:
  npm run check -- pid-on-host <pid>`,
    zh: `用 wharf/base 在后台启动一个名为 ${NAME} 的容器，让它 sleep 一小时。
然后找出它的 sleep 进程在引擎宿主机上（不是容器里）的 PID，并填回来：
  npm run check -- pid-on-host <pid>`,
  }),
  hints: [
    {
      en: 'Inside the container, sleep is PID 1. The host numbers the same process differently.',
      zh: '在容器内部，sleep 是 1 号进程；宿主机给同一个进程的编号不同。',
    },
    {
      en: 'The engine knows the host PID of every running container: look at its State in `inspect`.',
      zh: '引擎知道每个运行中容器在宿主机上的 PID：看 `inspect` 输出里的 State。',
    },
    {
      en: 'docker inspect --format "{{.State.Pid}}" wharf-ch-sleeper',
      zh: 'docker inspect --format "{{.State.Pid}}" wharf-ch-sleeper',
    },
  ],
  answer: { en: 'the host PID of its sleep process', zh: '它的 sleep 进程在宿主机上的 PID' },
  solution: ({ cli }) => [
    `${cli} run -d --name ${NAME} wharf/base sleep 3600`,
    `${cli} inspect --format "{{.State.Pid}}" ${NAME}`,
  ],
  async check(engine, answer) {
    const info = await engine.container(NAME);
    if (!info)
      return [
        missing('container', NAME, `${engine.setting.cli} run -d --name ${NAME} wharf/base sleep 3600`, 'pid-on-host'),
      ];
    const lines = [
      line(
        info.State.Running,
        `${NAME} is running`,
        `it is ${info.State.Status}: start it again (${engine.setting.cli} start ${NAME}); a stopped container has no PID`,
        SLIDE,
      ),
    ];
    if (!info.State.Running) return lines;
    if (answer === undefined) {
      return [
        ...lines,
        line(false, 'your answer', 'type back the PID you found: npm run check -- pid-on-host <pid>', SLIDE),
      ];
    }
    if (!/^\d+$/.test(answer.trim()))
      return [
        ...lines,
        line(false, `your answer "${answer}"`, 'a PID is a whole number, e.g. npm run check -- pid-on-host 30830'),
      ];
    const typed = Number(answer.trim());
    if (typed === info.State.Pid) return [...lines, line(true, `PID ${typed} is ${NAME}'s sleep, seen from the host`)];
    if (typed === 1)
      return [
        ...lines,
        line(
          false,
          'your answer 1',
          'that is its PID inside its own PID namespace, where it is the first process; the host numbers it differently',
          SLIDE,
        ),
      ];
    // What the typed PID really is, from the host's own PID namespace, so the hint says what was found.
    const seen = await engine.helper(`cat /proc/${typed}/comm 2>/dev/null || echo '(no such process)'`, {
      PidMode: 'host',
    });
    return [
      ...lines,
      line(
        false,
        `your answer ${typed}`,
        `on the host, PID ${typed} is ${seen.stdout.trim() || 'something else'}, not this container's sleep`,
        SLIDE,
      ),
    ];
  },
});
