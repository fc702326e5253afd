// Lab "processes": a container is an ordinary process on the engine's host, seen through a namespace.
import * as kit from './kit/index.ts';
import { type Box, type ContextFor, defineLab, fact, runIfMain } from './kit/index.ts';

const facts = {
  containerId: fact<string>('Container id'),
  pidInside: fact<number | null>('PID of sleep inside the container'),
  processesVisibleInside: fact<number>('Processes visible inside (sleep and the ps we just ran)'),
  hostPid: fact<number>('PID of the same process on the engine host'),
  hostProcessListed: fact<boolean>('Listed among the host processes'),
  hostCommand: fact<string | null>('Its command line, seen from the host'),
  pidNamespaceContainer: fact<string>('PID namespace of the container'),
  pidNamespaceHost: fact<string>('PID namespace of the host'),
  pidNamespaceShared: fact<boolean>('Same PID namespace as the host'),
  parentChain: fact<{ pid: number; comm: string }[]>('Process and its ancestors on the host'),
  keeperProcess: fact<string | null>('Parent that keeps the container alive'),
  exitCode: fact<number>('Exit code (128 + signal number)'),
};
type Ctx = ContextFor<typeof facts>;
async function lookInside(ctx: Ctx, sleeper: Box) {
  ctx.step('Look from inside: the container sees only itself');
  const rows = kit.parsePs((await ctx.exec(sleeper, ['ps', '-o', 'pid,comm'], { print: true })).stdout);
  ctx.facts({ pidInside: rows.find((row) => row.rest === 'sleep')?.pid ?? null, processesVisibleInside: rows.length });
  return (await ctx.exec(sleeper, ['readlink', '/proc/1/ns/pid'], { print: true })).stdout.trim();
}

async function lookFromHost(ctx: Ctx, sleeper: Box, pidNsInside: string) {
  ctx.step('Look from the engine: the same process has a host PID');
  const hostPid = (await ctx.inspect(sleeper, '{{.State.Pid}}')).State.Pid;
  ctx.fact('hostPid', hostPid);
  ctx.step("Find it in the host's process list");
  ctx.note(`A throw-away helper container joins the host PID namespace (--pid=host), so this works even when the
    engine runs inside a VM.`);
  const view = kit.sections({
    ns: 'readlink /proc/self/ns/pid',
    ps: 'ps -o pid,ppid,user,args',
    up: kit.ancestryScript(hostPid),
  });
  // Shown: the ps it runs; the same helper also reads the host's PID namespace and the process's parents.
  const spec = { shown: ['ps', '-o', 'pid,ppid,user,args'], wait: 'running a helper with --pid=host' };
  const host = view.parse(await ctx.onHost(view.script, spec));
  const psLines = host.ps.split('\n');
  const hostRow = kit.parsePs(host.ps).find((row) => row.pid === hostPid);
  const hostLine = psLines.find((line) => line.trim().startsWith(`${hostPid} `)) ?? `(PID ${hostPid} not found)`;
  ctx.output(`${psLines[0]}\n${hostLine}\n(${psLines.length - 1} processes in all)`);
  ctx.facts({
    hostProcessListed: Boolean(hostRow),
    hostCommand: hostRow?.rest.split(/\s+/).slice(2).join(' ') ?? null,
  });
  ctx.facts({
    pidNamespaceContainer: pidNsInside,
    pidNamespaceHost: host.ns,
    pidNamespaceShared: pidNsInside === host.ns,
  });
  return host.up;
}

function followParents(ctx: Ctx, ancestry: string) {
  ctx.step('Follow its parents up to the engine');
  const chain = kit.parseAncestry(ancestry);
  ctx.output(chain.map((p, depth) => `${'  '.repeat(depth)}${p.pid} ${p.comm}`).join('\n'));
  ctx.fact(
    'parentChain',
    chain.map(({ pid, comm }) => ({ pid, comm })),
  );
  ctx.fact('keeperProcess', chain.slice(1).find((p) => /shim|conmon/.test(p.comm))?.comm ?? null);
  ctx.note(`The parent is the runtime shim (conmon under Podman), not the engine daemon: containerd can restart without
    killing the container, but dockerd stops its containers when it stops unless live-restore is on (it is off by
    default).`);
}

export const lab = defineLab({
  id: 'processes',
  title: 'A container is a process',
  shows: 'The same sleeping process as PID 1 inside its container and as an ordinary PID on the host.',
  facts,
  async run(ctx) {
    ctx.step('Start a container that only sleeps');
    const sleeper = await ctx.start({ name: 'sleeper', cmd: ['sleep', '3600'] });
    ctx.fact('containerId', sleeper.id.slice(0, 12));
    followParents(ctx, await lookFromHost(ctx, sleeper, await lookInside(ctx, sleeper)));
    ctx.step('Stop it');
    ctx.note(`docker stop sends SIGTERM, waits, then sends SIGKILL. PID 1 gets no default signal handlers, so sleep
      ignores SIGTERM.`);
    await ctx.stop(sleeper, 1, 'stopping (1 s grace period)');
    ctx.fact('exitCode', (await sleeper.container.inspect({ abortSignal: ctx.signal })).State.ExitCode);
  },
});

await runIfMain(import.meta.url, lab);
