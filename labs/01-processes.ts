// Lab "processes": a container is an ordinary process on the engine's host, seen through a namespace.
import * as kit from './kit/index.ts';
import { type Box, type ContextFor, defineLab, fact, runIfMain } from './kit/index.ts';
import { processes as text } from './text/processes.ts';

const facts = {
  containerId: fact<string>(),
  pidInside: fact<number | null>(),
  processesVisibleInside: fact<number>(),
  hostPid: fact<number>(),
  hostProcessListed: fact<boolean>(),
  hostCommand: fact<string | null>(),
  pidNamespaceContainer: fact<string>(),
  pidNamespaceHost: fact<string>(),
  pidNamespaceShared: fact<boolean>(),
  parentChain: fact<{ pid: number; comm: string }[]>(),
  keeperProcess: fact<string | null>(),
  exitCode: fact<number>(),
};
type Ctx = ContextFor<typeof facts, typeof text>;
async function lookInside(ctx: Ctx, sleeper: Box) {
  ctx.step('inside');
  const rows = kit.parsePs((await ctx.exec(sleeper, ['ps', '-o', 'pid,comm'], { print: true })).stdout);
  ctx.facts({ pidInside: rows.find((row) => row.rest === 'sleep')?.pid ?? null, processesVisibleInside: rows.length });
  return (await ctx.exec(sleeper, ['readlink', '/proc/1/ns/pid'], { print: true })).stdout.trim();
}

async function lookFromHost(ctx: Ctx, sleeper: Box, nsInside: string) {
  ctx.step('fromEngine');
  const hostPid = (await ctx.inspect(sleeper, '{{.State.Pid}}')).State.Pid;
  ctx.fact('hostPid', hostPid);
  ctx.step('hostList').note('helperJoinsHost');
  const view = kit.sections({
    ns: 'readlink /proc/self/ns/pid',
    ps: 'ps -o pid,ppid,user,args',
    up: kit.ancestryScript(hostPid),
  });
  // Shown: the ps it runs; the same helper also reads the host's PID namespace and the process's parents.
  const host = await ctx.onHostSections(view, { shown: ['ps', '-o', 'pid,ppid,user,args'], wait: 'helperRunning' });
  const psLines = host.ps.split('\n');
  const hostRow = kit.parsePs(host.ps).find((row) => row.pid === hostPid);
  const hostLine = psLines.find((line) => line.trim().startsWith(`${hostPid} `)) ?? `(PID ${hostPid} not found)`;
  ctx.output(`${psLines[0]}\n${hostLine}\n(${psLines.length - 1} processes in all)`);
  const hostCommand = hostRow?.rest.split(/\s+/).slice(2).join(' ') ?? null;
  ctx.facts({ hostProcessListed: Boolean(hostRow), hostCommand });
  ctx.facts({ pidNamespaceContainer: nsInside, pidNamespaceHost: host.ns, pidNamespaceShared: nsInside === host.ns });
  return host.up;
}

function followParents(ctx: Ctx, ancestry: string) {
  ctx.step('parents');
  const chain = kit.parseAncestry(ancestry);
  ctx.output(chain.map((p, depth) => `${'  '.repeat(depth)}${p.pid} ${p.comm}`).join('\n'));
  const keeper = chain.slice(1).find((p) => /shim|conmon/.test(p.comm));
  ctx.facts({ parentChain: chain.map(({ pid, comm }) => ({ pid, comm })), keeperProcess: keeper?.comm ?? null });
  ctx.note('parentIsShim');
}

export const lab = defineLab({
  id: 'processes',
  text,
  facts,
  async run(ctx) {
    ctx.step('start');
    const sleeper = await ctx.start({ name: 'sleeper', cmd: ['sleep', '3600'] });
    ctx.fact('containerId', sleeper.id.slice(0, 12));
    followParents(ctx, await lookFromHost(ctx, sleeper, await lookInside(ctx, sleeper)));
    ctx.step('stop').note('stopSignals');
    await ctx.stop(sleeper, 1, 'stopping');
    ctx.fact('exitCode', (await ctx.inspect(sleeper, '{{.State.ExitCode}}')).State.ExitCode);
  },
});

await runIfMain(import.meta.url, lab);
