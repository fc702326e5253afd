import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findFaultEngine } from './fault-engine.ts';
import { startLabProcess } from './lab-process.ts';

// The engine going away mid-lab, for real: a lab runs in a child process against an engine this
// test may stop (never the one the other tests use: only the children get its DOCKER_HOST), the
// engine is killed in the middle, and the lab must say so plainly and exit; once the engine is back,
// the next run removes what the interrupted one left, and says so.
const engine = findFaultEngine();
const ANSI = new RegExp(`${String.fromCharCode(27)}\\[[0-9;]*m`, 'g');
const LAB = 'processes';

describe.skipIf('skip' in engine)(
  `the engine going away mid-lab${'skip' in engine ? ` (skipped: ${engine.skip})` : ''}`,
  () => {
    if ('skip' in engine) return;
    const env = { ...process.env, DOCKER_HOST: engine.host, DOCKER_CONTEXT: undefined, FORCE_COLOR: '0' };

    beforeAll(() => engine.start(), 120_000);
    afterAll(() => engine.dispose(), 120_000);

    const cases = [
      {
        lang: 'en',
        signal: 'SIGKILL' as const, // a crash: the socket file stays, connections are refused
        gone: (step: string) => `✘ The engine stopped answering at ${engine.host} during the step “${step}”.`,
        leftBehind: (runLabel: string) => `wharf.run=${runLabel}`,
        swept: (pid: number) =>
          new RegExp(`^ {2}removed \\d+ objects? left by an earlier run that ended \\(pid ${pid}\\)$`),
        notCleanedUp: '  not cleaned up: the engine is not answering',
      },
      {
        lang: 'zh',
        signal: 'SIGTERM' as const, // an orderly stop: the socket goes away, containers are stopped
        gone: (step: string) => `✘ 容器引擎（${engine.host}）在“${step}”这一步停止了响应。`,
        leftBehind: (runLabel: string) => `wharf.run=${runLabel}`,
        swept: (pid: number) => new RegExp(`^ {2}已删除之前已结束的运行（pid ${pid}）遗留的 \\d+ 个对象$`),
        notCleanedUp: '  未能清理：容器引擎没有响应',
      },
    ];

    for (const c of cases) {
      it(`says so plainly in ${c.lang} after ${c.signal}, and the next run removes what was left`, async () => {
        try {
          const first = startLabProcess([LAB, '--lang', c.lang], env);
          const runLabel = /· run (\w+)$/.exec(await first.waitFor((line) => / · run \w+$/.test(line)))?.[1] ?? '';
          // Stop the engine once the lab has a container and is in the middle of its story.
          await first.waitFor((line) => /^ {2}◆ .*: [0-9a-f]{12}$/.test(line.replace(ANSI, '')));
          await engine.stop(c.signal);
          const ended = await Promise.race([
            first.exited,
            new Promise<never>((_, reject) => setTimeout(() => reject(new Error('the lab hung')), 60_000)),
          ]);
          const out = first.lines.join('\n').replace(ANSI, '');
          // The step it was in: the last one it announced before it failed.
          const step = (first.lines.findLast((line) => line.startsWith('● ')) ?? '').slice(2);
          expect(step).not.toBe('');
          expect(ended.code, `${out}\n${ended.stderr}`).toBe(1);
          expect(first.lines).toContain(c.notCleanedUp);
          expect(out).toContain(c.gone(step));
          expect(out).toContain(c.leftBehind(runLabel));
          // The plain message replaces the socket error, everywhere: no code, no stack trace.
          expect(`${out}\n${ended.stderr}`).not.toMatch(/ENOENT|ECONNREFUSED|ECONNRESET|EPIPE|socket hang up|\n\s+at /);
          expect(ended.stderr.trim()).toBe('');

          await engine.start();
          const left = await engine.docker.listContainers({
            all: true,
            filters: JSON.stringify({ label: [`wharf.run=${runLabel}`] }),
          });
          expect(left.length).toBeGreaterThan(0);

          const second = startLabProcess([LAB, '--lang', c.lang], env);
          const again = await second.exited;
          expect(again.code, second.lines.join('\n')).toBe(0);
          expect(second.lines.filter((line) => c.swept(first.child.pid as number).test(line))).toHaveLength(1);
          const after = await engine.docker.listContainers({
            all: true,
            filters: JSON.stringify({ label: [`wharf.run=${runLabel}`] }),
          });
          expect(after).toEqual([]);
        } finally {
          await engine.start();
        }
      });
    }
  },
);
