import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import Docker from 'dockerode';
import { ping } from '../../labs/kit/engine/signal-calls.ts';

/**
 * An engine a test may stop and start again, never the one every other test uses. Two kinds:
 * - `docker-b`: a second dockerd this machine runs for such tests, on /run/docker-b.sock, restarted
 *   with the command line it was started with;
 * - `private`: a dockerd the test starts itself in a temporary folder (root and dockerd needed; CI
 *   has both), with no bridge and no iptables rules, so it touches nothing of the host's engine.
 * WHARF_FAULT_ENGINE=docker-b|private chooses; by default docker-b when its socket exists, else private.
 */
export interface FaultEngine {
  kind: 'docker-b' | 'private';
  /** What DOCKER_HOST says for it: only the test's child processes get it. */
  host: string;
  docker: Docker;
  /** Kills dockerd (SIGKILL: a crash; SIGTERM: an orderly stop) and waits until it is gone. */
  stop(signal: 'SIGKILL' | 'SIGTERM'): Promise<void>;
  /** Starts dockerd unless it answers already; resolves once it does. */
  start(): Promise<void>;
  /** Leaves it as found: docker-b running, a private one stopped and its folder removed. */
  dispose(): Promise<void>;
}

const DOCKER_B = {
  socket: '/run/docker-b.sock',
  pidfile: '/run/docker-b.pid',
  containerdPidfile: '/run/docker-b/containerd/containerd.pid',
  args: [
    '--data-root',
    '/var/lib/docker-b',
    '--exec-root',
    '/run/docker-b',
    '--pidfile',
    '/run/docker-b.pid',
    '-H',
    'unix:///run/docker-b.sock',
    '--bridge',
    'wharf1',
  ],
};

/**
 * Its own network namespace too: a dockerd in the host's one, even with no bridge, deleted the host
 * engine's docker0 when it started (seen here), which broke every later test on the host engine.
 */
function privateRecipe(dir: string) {
  return {
    wrap: ['unshare', '--net', '--fork', '--'],
    socket: `${dir}/docker.sock`,
    pidfile: `${dir}/docker.pid`,
    containerdPidfile: `${dir}/exec/containerd/containerd.pid`,
    args: [
      ...['--data-root', `${dir}/data`, '--exec-root', `${dir}/exec`, '--pidfile', `${dir}/docker.pid`],
      ...['-H', `unix://${dir}/docker.sock`, '--bridge', 'none', '--iptables=false', '--ip-masq=false'],
    ],
  };
}

const pidOf = (pidfile: string) => {
  try {
    return Number(readFileSync(pidfile, 'utf8').trim()) || undefined;
  } catch {
    return undefined;
  }
};

const exists = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

const zombie = (pid: number) => {
  try {
    return /^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return false;
  }
};

async function answers(docker: Docker): Promise<boolean> {
  try {
    await ping(docker, AbortSignal.timeout(2_000));
    return true;
  } catch {
    return false;
  }
}

async function until(what: string, deadlineMs: number, check: () => boolean | Promise<boolean>): Promise<void> {
  const end = Date.now() + deadlineMs;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`timed out after ${deadlineMs / 1000} s waiting for ${what}`);
    await sleep(200);
  }
}

/** The engine this machine offers for fault tests, or why there is none. */
export function findFaultEngine(env: NodeJS.ProcessEnv = process.env): FaultEngine | { skip: string } {
  const wanted = env.WHARF_FAULT_ENGINE;
  const dockerd = spawnSync('sh', ['-c', 'command -v dockerd'], { encoding: 'utf8' }).stdout.trim();
  const canRunOwn = process.getuid?.() === 0 && dockerd !== '' && spawnSync('unshare', ['--version']).status === 0;
  if (wanted !== 'private' && existsSync(DOCKER_B.socket))
    return engineFrom('docker-b', DOCKER_B, dockerd || 'dockerd');
  if (wanted === 'docker-b') return { skip: `WHARF_FAULT_ENGINE=docker-b, but ${DOCKER_B.socket} does not exist` };
  if (!canRunOwn) {
    return {
      skip:
        `needs an engine it may stop: ${DOCKER_B.socket} does not exist, and a private dockerd needs ` +
        `root and dockerd on the PATH (${process.getuid?.() === 0 ? 'no dockerd' : 'not root'})`,
    };
  }
  // Short: containerd's socket lives under the exec root and a unix socket path has ~108 bytes.
  const dir = mkdtempSync('/tmp/wharf-fault-');
  return engineFrom('private', privateRecipe(dir), dockerd, dir);
}

function engineFrom(
  kind: FaultEngine['kind'],
  recipe: { socket: string; pidfile: string; containerdPidfile: string; args: string[]; wrap?: string[] },
  dockerd: string,
  dir?: string,
): FaultEngine {
  const docker = new Docker({ socketPath: recipe.socket });
  const log = dir ? `${dir}/dockerd.log` : '/tmp/wharf-fault-docker-b.log';
  const stop = async (signal: 'SIGKILL' | 'SIGTERM') => {
    const pid = pidOf(recipe.pidfile);
    if (pid && exists(pid)) process.kill(pid, signal);
    // An orderly stop first stops every container (10 s each at most, in parallel).
    if (pid) await until('dockerd to exit', 60_000, () => !exists(pid) || zombie(pid));
  };
  /**
   * Waits until the killed dockerd and the containerd it ran are gone. A new dockerd refuses a pid
   * file whose process still has a /proc entry, and an unreaped zombie has one (pid 1 in some
   * containers reaps slowly): once only zombies remain, their pid files go instead.
   */
  const settle = async () => {
    const pids = [pidOf(recipe.pidfile), pidOf(recipe.containerdPidfile)].filter((p): p is number => p !== undefined);
    await until('the previous dockerd and containerd to exit', 60_000, () =>
      pids.every((p) => !exists(p) || zombie(p)),
    );
    await until('the previous dockerd and containerd to be reaped', 15_000, () => pids.every((p) => !exists(p))).catch(
      () => {
        rmSync(recipe.pidfile, { force: true });
        rmSync(recipe.containerdPidfile, { force: true });
      },
    );
  };
  const start = async () => {
    if (await answers(docker)) return;
    await settle();
    const out = openSync(log, 'a');
    const [command, ...args] = [...(recipe.wrap ?? []), dockerd, ...recipe.args];
    spawn(command!, args, { detached: true, stdio: ['ignore', out, out] }).unref();
    await until(`dockerd on ${recipe.socket} to answer (log: ${log})`, 90_000, () => answers(docker));
  };
  return {
    kind,
    host: `unix://${recipe.socket}`,
    docker,
    stop,
    start,
    dispose: async () => {
      if (kind === 'docker-b') return start();
      await stop('SIGTERM');
      await settle();
      if (!dir) return;
      // dockerd leaves its data root mounted on itself (a private mount): unmount, then remove.
      const mounts = readFileSync('/proc/mounts', 'utf8')
        .split('\n')
        .map((line) => line.split(' ')[1] ?? '');
      for (const mount of mounts
        .filter((m) => m.startsWith(`${dir}/`))
        .sort()
        .reverse()) {
        spawnSync('umount', ['-l', mount]);
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
