import { defineText } from '../kit/core/text.ts';

export const engineApi = defineText({
  en: {
    title: 'The engine is an HTTP API',
    shows: 'docker run is five HTTP requests over the engine socket: create, start, wait, logs, delete.',
    lines: {
      ping: 'Knock on the door: GET /_ping',
      plainHttp: "No Docker library here: Node's own http module, talking to {socket}.",
      version: 'Agree on a language: GET /version',
      versionedPaths:
        'Every path below starts with /v{version}, the version this engine reported. An engine answers any version ' +
        "from MinAPIVersion up to its own, each in that version's format: that is how old clients keep working with " +
        'new engines.',
      dockerRun: 'docker run, one request at a time',
      fiveRequests: 'Underneath, the CLI sends five requests. Here they are, sent by hand:',
      waitingForExit: 'waiting for the container to exit',
      frameHeaders:
        'Without a TTY, stdout and stderr share one byte stream: each chunk gets an 8-byte header saying which ' +
        'stream it is and how long.',
      realCli:
        'The real CLI also attaches to the output and starts its wait before start, so it cannot miss a fast exit; ' +
        'with --rm the engine deletes the container itself (AutoRemove).',
    },
    facts: {
      pingBody: 'Answer to GET /_ping',
      serverVersion: 'Engine version',
      apiVersion: 'API version it speaks',
      containerId: 'Container created',
      exitCode: 'Exit code, from the wait response',
      logs: 'Logs (stdout), with the frame headers taken off',
      calls: 'Requests behind docker run, with their statuses',
    },
  },
  zh: {
    title: '引擎就是一个 HTTP API',
    shows: 'docker run 就是经引擎套接字发出的五个 HTTP 请求：创建、启动、等待、日志、删除。',
    lines: {
      ping: '敲敲门：GET /_ping',
      plainHttp: '这里没有用任何 Docker 库：只用 Node 自带的 http 模块，直接和 {socket} 对话。',
      version: '约定用哪种语言：GET /version',
      versionedPaths:
        '下面每个路径都以 /v{version} 开头，这是引擎报告的版本。引擎能回答从 MinAPIVersion 到它自己版本之间的任何版本，' +
        '并按那个版本的格式作答：旧客户端就是这样继续和新引擎协作的。',
      dockerRun: 'docker run，一次一个请求',
      fiveRequests: '在底下，CLI 发了五个请求。这里我们手工逐个发送：',
      waitingForExit: '正在等待容器退出',
      frameHeaders: '没有 TTY 时，stdout 和 stderr 共用一条字节流：每一块前面有 8 字节的头，标明属于哪条流、有多长。',
      realCli:
        '真正的 CLI 还会在 start 之前就接上输出、开始等待，所以不会错过很快就退出的容器；' +
        '加上 --rm 时，由引擎自己删除容器（AutoRemove）。',
    },
    facts: {
      pingBody: 'GET /_ping 的回答',
      serverVersion: '引擎版本',
      apiVersion: '它讲的 API 版本',
      containerId: '创建的容器',
      exitCode: '退出码（来自 wait 的响应）',
      logs: '日志（stdout），去掉了帧头',
      calls: 'docker run 背后的请求及其状态码',
    },
  },
});
