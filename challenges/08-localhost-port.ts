// Chapter 10 (network): a port published on 127.0.0.1 only, reached from this machine.
import { setTimeout as sleep } from 'node:timers/promises';
import { type CheckEngine, defineChallenge, line, missing } from './challenge.ts';
import { engineWhere, waitForHttp, withDeadline } from './kit.ts';

const NAME = 'wharf-ch-web';
const HOST_PORT = 48080;
const SLIDE = { chapter: '10-namespaces', id: 'lab-network' };
const SERVE = 'hostname > /var/www/index.html && httpd -f -p 8080 -h /var/www';

/**
 * The page, or why there is none. A server started a moment ago may not listen yet, so a refused
 * connection is tried again for up to 3 s before it counts.
 */
async function fetchPage(port: number, signal: AbortSignal): Promise<string | Error> {
  const deadline = withDeadline(signal, 3000);
  for (;;) {
    try {
      const response = await fetch(`http://127.0.0.1:${port}/`, { signal: deadline });
      return (await response.text()).trim();
    } catch (error) {
      if (deadline.aborted) return error as Error;
      await sleep(200, undefined, { signal: deadline }).catch(() => {});
      if (deadline.aborted) return error as Error;
    }
  }
}

/**
 * An engine on another machine (tcp://, ssh://) publishes on ITS 127.0.0.1, which this machine
 * cannot reach: there a helper on the engine's host network fetches the page. Docker Desktop and
 * other VMs forward published ports, so for them this machine's fetch already worked.
 */
async function fetchOnEngineHost(engine: CheckEngine, port: number): Promise<string | Error> {
  const fetched = await engine.helper(waitForHttp(`http://127.0.0.1:${port}/`, 15), { NetworkMode: 'host' });
  return fetched.exitCode === 0 ? fetched.stdout.trim() : new Error(fetched.stderr.trim() || 'no answer');
}

export const challenge = defineChallenge({
  id: 'localhost-port',
  title: { en: 'A port on 127.0.0.1 only', zh: '只发布在 127.0.0.1 上的端口' },
  slide: SLIDE,
  names: { containers: [NAME] },
  task: () => ({
    en: `Start a container named ${NAME} from wharf/base, detached, serving its hostname on port 8080:
  sh -c "${SERVE}"
Publish its port 8080 on this machine's 127.0.0.1 only (port ${HOST_PORT}, or another free one), never on
every interface. Fetch the page from this machine and type back what it says:
  npm run check -- localhost-port <what the page says>
If your engine runs on another machine (DOCKER_HOST=tcp://… or ssh://…), its 127.0.0.1 is that
machine's: fetch the page there (ssh to it).`,
    zh: `用 wharf/base 在后台启动一个名为 ${NAME} 的容器，在 8080 端口上提供它的主机名：
  sh -c "${SERVE}"
把它的 8080 端口只发布在本机的 127.0.0.1 上（端口 ${HOST_PORT}，或其他空闲端口），不要发布到所有网卡。
在本机上取回这个页面，并把页面内容填回来：
  npm run check -- localhost-port <页面内容>
如果你的引擎在另一台机器上（DOCKER_HOST=tcp://… 或 ssh://…），它的 127.0.0.1 是那台机器的：
请在那台机器上取回页面（ssh 登录上去）。`,
  }),
  hints: [
    {
      en: '-p <host port>:<container port> publishes on every interface of the host. The host address can come first.',
      zh: '-p <宿主机端口>:<容器端口> 会发布到宿主机的所有网卡上；前面还可以加上宿主机地址。',
    },
    {
      en: `-p 127.0.0.1:${HOST_PORT}:8080, then curl http://127.0.0.1:${HOST_PORT}/ (or open it in a browser).`,
      zh: `-p 127.0.0.1:${HOST_PORT}:8080，然后 curl http://127.0.0.1:${HOST_PORT}/（或在浏览器里打开）。`,
    },
  ],
  answer: { en: 'what the page says', zh: '页面内容' },
  solution: ({ cli }) => [
    `${cli} run -d --name ${NAME} -p 127.0.0.1:${HOST_PORT}:8080 wharf/base sh -c "${SERVE}"`,
    `curl -s http://127.0.0.1:${HOST_PORT}/`,
  ],
  async check(engine, answer) {
    const { cli } = engine.setting;
    const info = await engine.container(NAME);
    if (!info)
      return [
        missing('container', NAME, `${cli} run -d --name ${NAME} -p … wharf/base sh -c "${SERVE}"`, 'localhost-port'),
      ];
    if (!info.State.Running)
      return [
        line(
          false,
          `${NAME} is running`,
          `it is ${info.State.Status} (exit ${info.State.ExitCode}): start it again, serving with sh -c "${SERVE}"`,
          SLIDE,
        ),
      ];
    const bindings = info.NetworkSettings.Ports?.['8080/tcp'] ?? [];
    if (bindings.length === 0)
      return [line(false, 'port 8080 is published', `it is not: add -p 127.0.0.1:${HOST_PORT}:8080`, SLIDE)];
    const open = bindings.filter((b) => b.HostIp !== '127.0.0.1');
    const lines = [
      line(
        open.length === 0,
        open.length
          ? `port 8080 is published on ${open.map((b) => b.HostIp || '0.0.0.0').join(', ')} too`
          : `port 8080 is published on 127.0.0.1:${bindings[0]!.HostPort} only`,
        `every interface means anyone on your network can reach it: put 127.0.0.1 first, -p 127.0.0.1:${HOST_PORT}:8080`,
        SLIDE,
      ),
    ];
    const port = Number(bindings.find((b) => b.HostIp === '127.0.0.1')?.HostPort ?? bindings[0]!.HostPort);
    let page = await fetchPage(port, engine.signal);
    const where = engineWhere(engine.info);
    let url = `http://127.0.0.1:${port}/`;
    if (page instanceof Error && !where.here) {
      page = await fetchOnEngineHost(engine, port);
      url += ` (on the engine's host, ${where.engineHost})`;
    }
    if (page instanceof Error)
      return [
        ...lines,
        line(false, `${url} answers`, `it does not (${page.message}): is httpd running in it? sh -c "${SERVE}"`, SLIDE),
      ];
    const expected = info.Config.Hostname;
    lines.push(
      line(
        page === expected,
        `${url} answers`,
        `it serves "${page}", not its hostname: serve with sh -c "${SERVE}"`,
        SLIDE,
      ),
    );
    if (answer === undefined)
      return [
        ...lines,
        line(
          false,
          'your answer',
          `fetch http://127.0.0.1:${port}/ and type back what it says: npm run check -- localhost-port <text>`,
          SLIDE,
        ),
      ];
    return [
      ...lines,
      line(
        answer.trim() === page,
        `your answer "${answer.trim()}"`,
        'that is not what the page says: fetch it again (curl, or a browser)',
        SLIDE,
      ),
    ];
  },
});
