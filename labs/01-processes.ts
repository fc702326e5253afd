#!/usr/bin/env tsx
// Lab "processes": a container is an ordinary process on the engine's host, seen through a namespace.
import { isMain, runLabCli } from './kit/cli.ts';
import { execIn, startContainer } from './kit/containers.ts';
import { onEngineHost } from './kit/host-view.ts';
import { defineLab } from './kit/lab.ts';
import { ancestryScript, parseProcStat, parsePs } from './kit/proc.ts';

const SECTION = '--- wharf ---';

export const lab = defineLab({
  id: 'processes',
  title: 'A container is a process',
  shows: 'The same sleeping process as PID 1 inside its container and as an ordinary PID on the host.',

  async run(ctx) {
    const { docker, signal } = ctx;

    ctx.step('Start a container that only sleeps');
    const name = ctx.name('sleeper');
    ctx.command(`docker run -d --name ${name} --network none ${ctx.baseImage} sleep 3600`);
    const sleeper = await startContainer(docker, { image: ctx.baseImage, cmd: ['sleep', '3600'], name, labels: ctx.labels, signal });
    ctx.fact('containerId', sleeper.id.slice(0, 12), 'Container id');

    ctx.step('Look from inside: the container sees only itself');
    ctx.command(`docker exec ${name} ps -o pid,comm`);
    const inside = await execIn(docker, sleeper, ['ps', '-o', 'pid,comm'], { signal });
    ctx.output(inside.stdout);
    const pidInside = parsePs(inside.stdout).find((row) => row.rest === 'sleep')?.pid ?? null;
    ctx.fact('pidInside', pidInside, 'PID of sleep inside the container');
    ctx.fact('processesVisibleInside', parsePs(inside.stdout).length, 'Processes visible inside (sleep and the ps we just ran)');
    const pidNsInside = (await execIn(docker, sleeper, ['readlink', '/proc/1/ns/pid'], { signal })).stdout.trim();

    ctx.step('Look from the engine: the same process has a host PID');
    ctx.command(`docker inspect --format '{{.State.Pid}}' ${name}`);
    const hostPid = (await sleeper.inspect({ abortSignal: signal })).State.Pid;
    ctx.fact('hostPid', hostPid, 'PID of the same process on the engine host');

    ctx.step("Find it in the host's process list");
    ctx.note('A throw-away helper container joins the host PID namespace (--pid=host), so this works even when the engine runs inside a VM.');
    ctx.command(`docker run --rm --pid=host ${ctx.baseImage} ps -o pid,ppid,user,args`);
    ctx.wait('running a helper with --pid=host');
    const hostView = await onEngineHost(
      ctx,
      `readlink /proc/self/ns/pid; echo '${SECTION}'; ps -o pid,ppid,user,args; echo '${SECTION}'; ${ancestryScript(hostPid)}`,
    );
    const [pidNsHost = '', psOutput = '', ancestry = ''] = hostView.split(`${SECTION}\n`).map((part) => part.trim());
    const psLines = psOutput.split('\n');
    const hostRow = parsePs(psOutput).find((row) => row.pid === hostPid);
    const hostLine = psLines.find((line) => line.trim().startsWith(`${hostPid} `));
    ctx.output(`${psLines[0]}\n${hostLine ?? `(PID ${hostPid} not found)`}\n(${psLines.length - 1} processes in all)`);
    ctx.fact('hostProcessListed', Boolean(hostRow), 'Listed among the host processes');
    ctx.fact('hostCommand', hostRow?.rest.split(/\s+/).slice(2).join(' ') ?? null, 'Its command line, seen from the host');
    ctx.fact('pidNamespaceContainer', pidNsInside, 'PID namespace of the container');
    ctx.fact('pidNamespaceHost', pidNsHost, 'PID namespace of the host');
    ctx.fact('pidNamespaceShared', pidNsInside === pidNsHost, 'Same PID namespace as the host');

    ctx.step('Follow its parents up to the engine');
    const chain = ancestry.split('\n').map(parseProcStat).filter((p) => p !== undefined);
    ctx.output(chain.map((p, depth) => `${'  '.repeat(depth)}${p.pid} ${p.comm}`).join('\n'));
    ctx.fact('parentChain', chain.map((p) => ({ pid: p.pid, comm: p.comm })), 'Process and its ancestors on the host');
    const keeper = chain.slice(1).find((p) => /shim|conmon/.test(p.comm));
    ctx.fact('keeperProcess', keeper?.comm ?? null, 'Parent that keeps the container alive');
    ctx.note('The parent is the runtime shim (conmon under Podman), not the engine daemon: restarting dockerd does not kill containers.');

    ctx.step('Stop it');
    ctx.command(`docker stop -t 1 ${name}`);
    ctx.note('docker stop sends SIGTERM, waits, then sends SIGKILL. PID 1 gets no default signal handlers, so sleep ignores SIGTERM.');
    ctx.wait('stopping (1 s grace period)');
    await sleeper.stop({ t: 1, abortSignal: signal });
    const { State } = await sleeper.inspect({ abortSignal: signal });
    ctx.fact('exitCode', State.ExitCode, 'Exit code (128 + signal number)');
  },
});

if (isMain(import.meta.url)) process.exitCode = await runLabCli(lab, { json: process.argv.includes('--json') });
