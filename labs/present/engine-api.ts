import { definePresentation } from './types.ts';
import { read } from './units.ts';

export const engineApi = definePresentation({
  headlines(facts, lang) {
    const t = (en: string, zh: string) => (lang === 'zh' ? zh : en);
    const calls = read.strings(facts.calls);
    const api = read.string(facts.apiVersion);
    const version = read.string(facts.serverVersion);
    const logs = read.string(facts.logs);
    const exit = read.number(facts.exitCode);
    return [
      calls
        ? {
            facts: ['calls'],
            value: t(`${calls.length} requests`, `${calls.length} 个请求`),
            caption: t(
              'behind one docker run: create, start, wait, logs, delete',
              '一次 docker run 背后：创建、启动、等待、日志、删除',
            ),
          }
        : undefined,
      api
        ? {
            facts: ['apiVersion'],
            value: `API ${api}`,
            caption: t(`spoken by engine ${version ?? ''}`, `引擎 ${version ?? ''} 讲的 API 版本`),
          }
        : undefined,
      logs !== undefined
        ? {
            facts: ['logs', 'exitCode'],
            value: `“${logs}”`,
            caption: t(
              `the container's output${exit !== undefined ? `, exit ${exit}` : ''}`,
              `容器的输出${exit !== undefined ? `，退出码 ${exit}` : ''}`,
            ),
          }
        : undefined,
    ].filter((card) => card !== undefined);
  },
  zh: {
    text: {
      "No Docker library here: Node's own http module, talking to {socket}.":
        '这里没有用任何 Docker 库：只用 Node 自带的 http 模块，直接和 {socket} 对话。',
      "Every path below starts with /v{version}, the version this engine reported. An engine answers any version from MinAPIVersion up to its own, each in that version's format: that is how old clients keep working with new engines.":
        '下面每个路径都以 /v{version} 开头，这是引擎报告的版本。引擎能回答从 MinAPIVersion 到它自己版本之间的任何版本，并按那个版本的格式作答：旧客户端就是这样继续和新引擎协作的。',
      'The real CLI also attaches to the output and starts its wait before start, so it cannot miss a fast exit; with --rm the engine deletes the container itself (AutoRemove).':
        '真正的 CLI 还会在 start 之前就接上输出、开始等待，所以不会错过很快就退出的容器；加上 --rm 时，由引擎自己删除容器（AutoRemove）。',
      'Knock on the door: GET /_ping': '敲敲门：GET /_ping',
      'Agree on a language: GET /version': '约定用哪种语言：GET /version',
      'docker run, one request at a time': 'docker run，一次一个请求',
      'Underneath, the CLI sends five requests. Here they are, sent by hand:':
        '在底下，CLI 发了五个请求。这里我们手工逐个发送：',
      'Without a TTY, stdout and stderr share one byte stream: each chunk gets an 8-byte header saying which stream it is and how long.':
        '没有 TTY 时，stdout 和 stderr 共用一条字节流：每一块前面有 8 字节的头，标明属于哪条流、有多长。',
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
