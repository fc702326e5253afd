// Chapter 10: two containers in one network namespace share even localhost.
import { defineChallenge, line, missing } from './challenge.ts';

const SERVER = 'wharf-ch-server';
const CLIENT = 'wharf-ch-client';
const SLIDE = { chapter: '10-namespaces', id: 'lab-namespaces' };
const SERVE = 'hostname > /var/www/index.html && httpd -f -p 127.0.0.1:8080 -h /var/www';

export const challenge = defineChallenge({
  id: 'shared-netns',
  title: { en: "Reach another container's localhost", zh: '访问另一个容器的 localhost' },
  slide: SLIDE,
  // The client first: Podman will not remove a container whose network namespace another one uses.
  names: { containers: [CLIENT, SERVER] },
  task: () => ({
    en: `1. Start ${SERVER} from wharf/base, detached, with no network at all (--network none), serving its
   hostname on its own localhost only:  sh -c "${SERVE}"
2. Run ${CLIENT} from wharf/base so that it fetches http://localhost:8080/ and gets that page:
     wget -qO- http://localhost:8080/
   Leave ${CLIENT} there after it exits (no --rm): the check reads its output.`,
    zh: `1. 用 wharf/base 在后台启动 ${SERVER}，完全不给网络（--network none），只在它自己的 localhost 上
   提供它的主机名：sh -c "${SERVE}"
2. 用 wharf/base 运行 ${CLIENT}，让它访问 http://localhost:8080/ 并拿到这个页面：
     wget -qO- http://localhost:8080/
   ${CLIENT} 退出后保留它（不要 --rm）：检查要读它的输出。`,
  }),
  hints: [
    {
      en: "localhost is per network namespace. The client needs to be in the server's, not a new one.",
      zh: 'localhost 是每个网络命名空间各自的。客户端要进入服务器的网络命名空间，而不是新建一个。',
    },
    {
      en: "--network accepts container:<name>: the new container joins that container's network namespace.",
      zh: '--network 可以写 container:<名字>：新容器会加入那个容器的网络命名空间。',
    },
    {
      en: 'docker run --name wharf-ch-client --network container:wharf-ch-server wharf/base wget -qO- http://localhost:8080/',
      zh: 'docker run --name wharf-ch-client --network container:wharf-ch-server wharf/base wget -qO- http://localhost:8080/',
    },
  ],
  solution: ({ cli }) => [
    `${cli} run -d --name ${SERVER} --network none wharf/base sh -c "${SERVE}"`,
    `${cli} run --name ${CLIENT} --network container:${SERVER} wharf/base wget -qO- http://localhost:8080/`,
  ],
  async check(engine) {
    const { cli } = engine.setting;
    const [server, client] = await Promise.all([engine.container(SERVER), engine.container(CLIENT)]);
    if (!server)
      return [
        missing(
          'container',
          SERVER,
          `${cli} run -d --name ${SERVER} --network none wharf/base sh -c "${SERVE}"`,
          'shared-netns',
        ),
      ];
    const lines = [
      line(
        server.State.Running,
        `${SERVER} is running`,
        `it is ${server.State.Status} (exit ${server.State.ExitCode}): start it serving with sh -c "${SERVE}"`,
        SLIDE,
      ),
      line(
        server.HostConfig.NetworkMode === 'none',
        `${SERVER} has network ${server.HostConfig.NetworkMode}`,
        'give the server no network at all: --network none. Only its localhost remains',
        SLIDE,
      ),
    ];
    if (!client)
      return [
        ...lines,
        missing(
          'container',
          CLIENT,
          `${cli} run --name ${CLIENT} --network … wharf/base wget -qO- http://localhost:8080/`,
          'shared-netns',
        ),
      ];
    const mode = client.HostConfig.NetworkMode ?? '';
    const joined = mode === `container:${SERVER}` || mode === `container:${server.Id}`;
    lines.push(
      line(
        joined,
        joined ? `${CLIENT} shares ${SERVER}'s network namespace` : `${CLIENT} has network ${mode || 'default'}`,
        `its localhost is its own: join the server's with --network container:${SERVER}`,
        SLIDE,
      ),
    );
    const logs = (await engine.docker
      .getContainer(CLIENT)
      .logs({ stdout: true, stderr: true, follow: false, abortSignal: engine.signal } as { follow: false })) as Buffer;
    // Both streams are read as one text: without a TTY the frames carry 8-byte headers, with one they don't.
    const said = logs.toString('utf8');
    const gotPage = client.State.ExitCode === 0 && said.includes(server.Config.Hostname);
    lines.push(
      line(
        gotPage,
        gotPage
          ? `${CLIENT} got ${SERVER}'s page over localhost`
          : `${CLIENT} did not get the page (exit ${client.State.ExitCode})`,
        joined
          ? `was the server serving when the client ran? remove the client (${cli} rm ${CLIENT}) and run it again`
          : "fetch http://localhost:8080/ from inside the server's network namespace",
        SLIDE,
      ),
    );
    return lines;
  },
});
