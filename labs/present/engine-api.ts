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
      calls ? { facts: ['calls'], value: t(`${calls.length} requests`, `${calls.length} 个请求`), caption: t('behind one docker run: create, start, wait, logs, delete', '一次 docker run 背后：创建、启动、等待、日志、删除') } : undefined,
      api ? { facts: ['apiVersion'], value: `API ${api}`, caption: t(`spoken by engine ${version ?? ''}`, `引擎 ${version ?? ''} 讲的 API 版本`) } : undefined,
      logs !== undefined
        ? { facts: ['logs', 'exitCode'], value: `“${logs}”`, caption: t(`the container's output${exit !== undefined ? `, exit ${exit}` : ''}`, `容器的输出${exit !== undefined ? `，退出码 ${exit}` : ''}`) }
        : undefined,
    ].filter((card) => card !== undefined);
  },
  zh: {
    text: {
      'Knock on the door: GET /_ping': '敲敲门：GET /_ping',
      'Agree on a language: GET /version': '约定用哪种语言：GET /version',
      'docker run, one request at a time': 'docker run，一次一个请求',
      'Underneath, the CLI sends five requests. Here they are, sent by hand:': '在底下，CLI 发了五个请求。这里我们手工逐个发送：',
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
