import { engineApi as text } from '../text/engine-api.ts';
import { definePresentation } from './types.ts';
import { read } from './units.ts';

export const engineApi = definePresentation({
  text,
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
});
