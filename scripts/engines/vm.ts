import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { VmEngine } from './engines.ts';
import type { VmImage } from './image.ts';
import { freePort, freePortBlock } from './ports.ts';
import { qemuArgs } from './qemu-args.ts';
import type { Tools } from './tools.ts';

const RUN_DIR_PREFIX = 'wharf-engines-';
export const MEMORY_MIB = 4096;
export const CPUS = 2;
const PUBLISHED_PORTS = 64;

export interface RunningVm {
  /** The engines this VM serves. */
  engines: VmEngine[];
  /** Per engine id: the host port on 127.0.0.1 that reaches its API. */
  apiPorts: Map<string, number>;
  /**
   * The folder shared with the guest at the same path (when it serves a desktop-like engine, whose
   * client lives in it); otherwise a folder of the run's for the clients, shared with nothing.
   */
  sharedDir: string;
  shareKind: 'virtiofs' | '9p' | 'none';
  publishedPorts?: { first: number; last: number };
  runDir: string;
  serialLog: string;
  /** Resolves when QEMU exits, with how it ended. */
  exited: Promise<string>;
  isRunning(): boolean;
  stop(): Promise<void>;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function readPid(path: string): number | undefined {
  const pid = Number(existsSync(path) ? readFileSync(path, 'utf8').trim() : NaN);
  return Number.isInteger(pid) && pid > 0 ? pid : undefined;
}

/**
 * A run killed outright (SIGKILL, a lost machine) cannot stop its VM; the next run does: any run
 * folder whose owner is gone has its QEMU and virtiofsd killed and is removed.
 */
export function stopOrphanedVms(say: (line: string) => void): void {
  for (const name of readdirSync(tmpdir()).filter((n) => n.startsWith(RUN_DIR_PREFIX))) {
    const dir = join(tmpdir(), name);
    const owner = readPid(join(dir, 'owner.pid'));
    if (owner !== undefined && alive(owner)) continue;
    for (const file of ['qemu.pid', 'virtiofsd.pid']) {
      const pid = readPid(join(dir, file));
      if (pid !== undefined && alive(pid)) {
        say(`stopping ${file.replace('.pid', '')} (pid ${pid}) left running by an earlier run`);
        process.kill(pid, 'SIGKILL');
      }
    }
    rmSync(dir, { recursive: true, force: true });
  }
}

function stopChild(child: ChildProcess | undefined, graceMs: number): Promise<void> {
  if (!child || child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => child.kill('SIGKILL'), graceMs);
    child.once('exit', () => {
      clearTimeout(force);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

function waitForFile(path: string, child: ChildProcess, deadlineMs: number): Promise<boolean> {
  const started = Date.now();
  return new Promise((resolve) => {
    const check = () => {
      if (existsSync(path)) resolve(true);
      else if (child.exitCode !== null || Date.now() - started > deadlineMs) resolve(false);
      else setTimeout(check, 100);
    };
    check();
  });
}

export async function startVm(
  image: VmImage,
  tools: Tools,
  engines: VmEngine[],
  say: (line: string) => void,
): Promise<RunningVm> {
  stopOrphanedVms(say);
  const desktopLike = engines.some((engine) => engine.desktopLike);
  const runDir = mkdtempSync(join(tmpdir(), RUN_DIR_PREFIX));
  writeFileSync(join(runDir, 'owner.pid'), String(process.pid));
  const sharedDir = join(runDir, 'shared');
  for (const sub of ['home', 'tmp']) mkdirSync(join(sharedDir, sub), { recursive: true });
  const serialLog = join(runDir, 'serial.log');

  let virtiofsd: ChildProcess | undefined;
  let virtiofsSocket: string | undefined;
  if (desktopLike && tools.virtiofsd) {
    const socket = join(runDir, 'virtiofs.sock');
    const log = join(runDir, 'virtiofsd.log');
    virtiofsd = spawn(
      'sh',
      [
        '-c',
        `exec "$0" --socket-path="$1" -o source="$2" -o cache=auto >"$3" 2>&1`,
        tools.virtiofsd,
        socket,
        sharedDir,
        log,
      ],
      { stdio: 'ignore' },
    );
    writeFileSync(join(runDir, 'virtiofsd.pid'), String(virtiofsd.pid));
    if (await waitForFile(socket, virtiofsd, 10_000)) virtiofsSocket = socket;
    else {
      say(
        `virtiofsd could not start here (${readFileSync(log, 'utf8').trim().split('\n').pop() ?? 'no output'}); sharing over 9p instead`,
      );
      await stopChild(virtiofsd, 1000);
      virtiofsd = undefined;
    }
  }

  const apiPorts = new Map<string, number>();
  for (const engine of engines) apiPorts.set(engine.id, await freePort());
  // Only a desktop-like engine's published ports reach the client, and only its client shares folders.
  const publishedPorts = desktopLike ? await freePortBlock(PUBLISHED_PORTS) : undefined;
  const args = qemuArgs({
    image,
    memoryMiB: MEMORY_MIB,
    cpus: CPUS,
    serialLog,
    engines: engines.map((engine) => engine.id),
    publishedPorts,
    forwards: engines.map((engine) => ({ host: apiPorts.get(engine.id) ?? 0, guest: engine.guestPort })),
    share: desktopLike ? { path: sharedDir, virtiofsSocket } : undefined,
  });
  writeFileSync(join(runDir, 'qemu.args'), args.join('\n'));
  const qemu = spawn(tools.qemu, args, { stdio: ['ignore', 'ignore', 'pipe'] });
  writeFileSync(join(runDir, 'qemu.pid'), String(qemu.pid));
  let stderr = '';
  qemu.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<string>((resolve) => {
    qemu.on('error', (error) => resolve(`QEMU could not start: ${error.message}`));
    qemu.on('exit', (code, signal) =>
      resolve(`QEMU exited (${signal ?? `code ${code}`})${stderr.trim() ? `: ${stderr.trim()}` : ''}`),
    );
  });

  let stopped = false;
  return {
    engines,
    apiPorts,
    sharedDir,
    publishedPorts,
    runDir,
    serialLog,
    exited,
    shareKind: !desktopLike ? 'none' : virtiofsSocket ? 'virtiofs' : '9p',
    isRunning: () => qemu.exitCode === null && qemu.signalCode === null,
    async stop() {
      if (stopped) return;
      stopped = true;
      // The disk is a throw-away snapshot, so there is nothing to shut down cleanly.
      await stopChild(qemu, 3000);
      await stopChild(virtiofsd, 3000);
      rmSync(runDir, { recursive: true, force: true });
    },
  };
}
