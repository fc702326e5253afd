// npm run test:engines [-- --engines docker-desktop-like,docker-remote,podman] [--tests main|all] [--report <file.md>]
//                      [--record <lab,...>] [--budget <minutes>] [--vms <n>]
// The engine matrix: builds (or reuses) a Debian VM image holding Docker 28.5 + containerd 2 and
// Podman 5.8, boots it under QEMU (two VMs side by side by default, the engines split between them),
// runs the lab tests against each engine, prints a lab × engine table, and always shuts the VMs
// down (also on Ctrl-C, SIGTERM and failure). With
// --record it records those labs on each engine chosen instead (the deck's default recordings).
import type { ChildProcess } from 'node:child_process';
import { copyFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chalk } from 'zx';
import { printFatal } from '../labs/kit/core/cli.ts';
import { WharfError } from '../labs/kit/core/errors.ts';
import { scriptArgs } from './args.ts';
import { type EngineVersions, engineVersions, waitForEngine } from './engines/engine-api.ts';
import { VM_ENGINES, type VmEngine } from './engines/engines.ts';
import { ensureImage, type VmImage } from './engines/image.ts';
import { splitOverVms } from './engines/plan.ts';
import { imageCacheRoot, recipeHash } from './engines/recipe.ts';
import { type LabOutcome, resultTable } from './engines/results.ts';
import { recordLabs, runLabTests, type Selection } from './engines/run-labs.ts';
import { requireBuildTools, requireTools } from './engines/tools.ts';
import { CPUS, MEMORY_MIB, type RunningVm, startVm } from './engines/vm.ts';

const USAGE =
  'usage: npm run test:engines [-- --engines <id,...>] [--tests main|all] [--report <file.md>] [--record <lab,...>] ' +
  '[--budget <minutes>] [--vms <n>]';
// Every engine in the TCG guest answers ~70-115 s after QEMU starts on a quiet 2-core machine; with
// the machine's load average at 10-20 it took 230-456 s here.
const BOOT_DEADLINE_MS = 15 * 60_000;
// Labs run 10-25x slower under TCG than on the host: every lab deadline is stretched 10x (a lab's
// 120 s becomes 20 min, layers-limit's 180 s 30 min), and vitest's own timeout sits above that, so a
// lab that is too slow stops itself, says so and cleans up, rather than being cut off by vitest.
const DEADLINE_SCALE = 10;
const TEST_TIMEOUT_MS = 40 * 60_000;
/**
 * What runs by default: every lab's main test on every engine (plus the leftovers check). The
 * concurrency and interruption tests (`--tests all`) triple the time under emulation: measured on
 * the desktop-like engine, the layers lab's main test took 85 s and its two-runs-at-once test 318 s.
 */
const DEFAULT_SELECTION: Selection = 'main';
/**
 * Two VMs, side by side: QEMU's single-threaded TCG keeps each on one host core, so on two cores
 * the slowest engine has a VM to itself and the other two share one (scripts/engines/plan.ts).
 */
const DEFAULT_VMS = 2;

const say = (line: string) => console.log(`${chalk.cyan('engines')} ${line}`);
const seconds = (ms: number) => `${Math.round(ms / 1000)} s`;

let vms: RunningVm[] = [];
const children = new Set<ChildProcess>();
let stopping = false;
/** Set when --budget ran out: the run stops where it is, says so, and fails. */
let overBudget: string | undefined;

const trackChild = (c: ChildProcess | undefined, previous?: ChildProcess) => {
  if (previous) children.delete(previous);
  if (c) children.add(c);
  if (c && stopping) c.kill('SIGTERM');
};

async function shutDown(): Promise<void> {
  for (const c of children) c.kill('SIGTERM');
  if (vms.length) {
    say(`shutting the VM${vms.length > 1 ? 's' : ''} down`);
    await Promise.all(vms.map((vm) => vm.stop()));
    vms = [];
  }
}

function onSignal(signal: NodeJS.Signals): void {
  if (stopping) return;
  stopping = true;
  say(`${signal}: stopping`);
  void shutDown().finally(() => process.exit(signal === 'SIGINT' ? 130 : 143));
}

function imagePackages(image: VmImage): string {
  const pick = ['docker.io', 'containerd', 'runc', 'podman', 'crun', 'conmon', 'netavark'];
  const kernel = [...image.packages.keys()].find((name) => /^linux-image-\d/.test(name));
  return [...pick, ...(kernel ? [kernel] : [])]
    .map((name) => `${name} ${image.packages.get(name) ?? '(missing)'}`)
    .join(', ');
}

function describeVersions(v: EngineVersions): string {
  return `${v.engine} (API ${v.api})${v.containerd ? `, containerd ${v.containerd}` : ''}, runtime ${v.runtime}, kernel ${v.kernel}, cgroup ${v.cgroup}, storage ${v.storage}`;
}

/** The client's temp and home folders: shared with the engine only when it is the desktop-like one. */
const clientDirOf = (vm: RunningVm, engine: VmEngine) =>
  engine.desktopLike ? vm.sharedDir : join(vm.runDir, `client-${engine.id}`);

interface EngineResult {
  outcomes: LabOutcome[];
  exitCode: number;
  wallMs: number;
  problem?: string;
}

/** One VM's engines, one after the other (each VM is one emulated CPU thread). */
async function testEnginesOf(
  vm: RunningVm,
  selection: Selection,
  prefixed: boolean,
  qemuEnded: () => string | undefined,
): Promise<Map<string, EngineResult>> {
  const results = new Map<string, EngineResult>();
  for (const engine of vm.engines) {
    if (stopping) break;
    const what = selection === 'main' ? "every lab's main test" : 'every lab test';
    say(chalk.bold(`${engine.id}: ${what} (${engine.label})`));
    let current: ChildProcess | undefined;
    try {
      results.set(
        engine.id,
        await runLabTests({
          port: vm.apiPorts.get(engine.id) ?? 0,
          clientDir: clientDirOf(vm, engine),
          selection,
          testTimeoutMs: TEST_TIMEOUT_MS,
          deadlineScale: DEADLINE_SCALE,
          reportPath: join(vm.runDir, `${engine.id}.json`),
          prefix: prefixed ? chalk.dim(`[${engine.id}]`) : undefined,
          onChild: (c) => {
            trackChild(c, current);
            current = c;
          },
        }),
      );
    } catch (error) {
      // One engine that cannot even list its tests must not keep the others from being tested.
      const problem = `${engine.id}: ${error instanceof Error ? error.message : String(error)}`;
      results.set(engine.id, { outcomes: [], exitCode: 1, wallMs: 0, problem });
    }
    const ended = qemuEnded();
    if (ended && !overBudget) throw new WharfError(`The VM stopped while ${engine.id} was being tested: ${ended}.`);
    say(`${engine.id}: done in ${seconds(results.get(engine.id)?.wallMs ?? 0)}`);
  }
  return results;
}

async function main(): Promise<number> {
  const parsed = scriptArgs(USAGE, {
    engines: { type: 'string' },
    tests: { type: 'string' },
    report: { type: 'string' },
    record: { type: 'string' },
    budget: { type: 'string' },
    vms: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  });
  if (!parsed) return 2;
  const args = parsed.values;
  if (args.help) {
    console.log(USAGE);
    return 0;
  }
  const wanted = args.engines ? String(args.engines).split(',') : VM_ENGINES.map((e) => e.id);
  const unknown = wanted.filter((id) => !VM_ENGINES.some((e) => e.id === id));
  if (unknown.length)
    throw new WharfError(
      `Unknown engine ${unknown.join(', ')}.`,
      `${USAGE}\nengines: ${VM_ENGINES.map((e) => e.id).join(', ')}`,
    );
  if (args.tests && !['main', 'all'].includes(String(args.tests)))
    throw new WharfError(`--tests must be main or all.`, USAGE);
  const budgetMinutes = args.budget === undefined ? undefined : Number(args.budget);
  if (budgetMinutes !== undefined && !(Number.isFinite(budgetMinutes) && budgetMinutes > 0))
    throw new WharfError(`--budget must be a number of minutes above 0, not "${args.budget}".`, USAGE);
  const vmCount = args.vms === undefined ? DEFAULT_VMS : Number(args.vms);
  if (!(Number.isInteger(vmCount) && vmCount >= 1))
    throw new WharfError(`--vms must be a whole number of VMs, 1 or more, not "${args.vms}".`, USAGE);
  const engines = VM_ENGINES.filter((e) => wanted.includes(e.id));
  const selection: Selection = (args.tests as Selection | undefined) ?? DEFAULT_SELECTION;

  const tools = requireTools();
  const started = performance.now();
  // CI has a hard limit of its own: past the budget, stop cleanly with a table of what ran, rather
  // than being killed with nothing to show.
  if (budgetMinutes !== undefined)
    setTimeout(() => {
      overBudget = `the matrix ran past its budget of ${budgetMinutes} min and was stopped`;
      say(chalk.red(overBudget));
      stopping = true;
      for (const c of children) c.kill('SIGTERM');
    }, budgetMinutes * 60_000).unref();
  say(`VM image for recipe ${recipeHash()} in ${imageCacheRoot()}`);
  const showBuildLine = (line: string) => (/^(I: |building|Debian)/.test(line) ? say(chalk.dim(line)) : undefined);
  const { image, builtMs } = await ensureImage(showBuildLine, requireBuildTools);
  say(
    `${builtMs === undefined ? 'reusing' : `built in ${seconds(builtMs)}:`} Debian ${image.suite} image: ${imagePackages(image)}`,
  );

  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, onSignal);
  const bootStarted = performance.now();
  const ended = new Map<RunningVm, string>();
  for (const [i, group] of splitOverVms(engines, vmCount).entries()) {
    const vm = await startVm(image, tools, group, say);
    vms.push(vm);
    void vm.exited.then((how) => ended.set(vm, how));
    const sharing = vm.shareKind === 'none' ? 'no shared folder' : `shared folder ${vm.sharedDir} over ${vm.shareKind}`;
    const ports = vm.publishedPorts
      ? `published ports ${vm.publishedPorts.first}-${vm.publishedPorts.last} forwarded`
      : 'no published ports forwarded';
    say(
      `VM ${i + 1} for ${group.map((e) => e.id).join(', ')}: QEMU TCG, ${CPUS} vCPUs, ${MEMORY_MIB} MiB; ${sharing}; ${ports}; serial log ${vm.serialLog}`,
    );
  }

  const versions = new Map<string, EngineVersions>();
  const bootFailures: string[] = [];
  await Promise.all(
    vms.flatMap((vm) =>
      vm.engines.map(async (engine) => {
        const port = vm.apiPorts.get(engine.id) ?? 0;
        try {
          await waitForEngine(port, BOOT_DEADLINE_MS, () => ended.get(vm));
          say(`${engine.id} answers on 127.0.0.1:${port} after ${seconds(performance.now() - bootStarted)}`);
          // Podman computes /info on the spot (storage, runtimes): minutes on a loaded machine under TCG.
          versions.set(engine.id, await engineVersions(port, 5 * 60_000));
        } catch (error) {
          bootFailures.push(`${engine.id}: ${error instanceof Error ? error.message : String(error)}`);
        }
      }),
    ),
  );
  const bootMs = performance.now() - bootStarted;
  if (bootFailures.length) {
    const kept = vms.map((vm, i) => {
      const path = join(imageCacheRoot(), `last-failed-boot.vm${i + 1}.serial.log`);
      copyFileSync(vm.serialLog, path);
      return path;
    });
    throw new WharfError(
      `Not every engine in the VM came up: ${bootFailures.join('; ')}.`,
      `The VMs' serial consoles are in ${kept.join(', ')}.`,
    );
  }
  for (const engine of engines) say(`${chalk.bold(engine.id)}: ${describeVersions(versions.get(engine.id)!)}`);

  if (args.record) {
    const labs = args.record.split(',');
    let code = 0;
    // One engine at a time: recordings carry timings, which a second VM beside them would skew.
    for (const vm of vms)
      for (const engine of vm.engines) {
        say(chalk.bold(`${engine.id}: recording ${labs.join(', ')}`));
        let current: ChildProcess | undefined;
        const onChild = (c: ChildProcess | undefined) => {
          trackChild(c, current);
          current = c;
        };
        const port = vm.apiPorts.get(engine.id) ?? 0;
        const clientDir = clientDirOf(vm, engine);
        code ||= await recordLabs({ port, clientDir, deadlineScale: DEADLINE_SCALE, labs, onChild });
      }
    return code;
  }

  const testsStarted = performance.now();
  const perVm = await Promise.all(vms.map((vm) => testEnginesOf(vm, selection, vms.length > 1, () => ended.get(vm))));
  const testsMs = performance.now() - testsStarted;
  const results = new Map(perVm.flatMap((map) => [...map]));

  // An engine the run never reached (stopped, over budget) still gets its column: every cell "–".
  const columns = engines.map((engine) => {
    const result = results.get(engine.id);
    const name = result ? `${engine.id} (${versions.get(engine.id)?.engine ?? '?'})` : `${engine.id} (not reached)`;
    return { name, outcomes: result?.outcomes ?? [] };
  });
  const problems = [...results.values()].flatMap((r) => (r.problem ? [r.problem] : []));
  const timings = engines.flatMap((e) => (results.has(e.id) ? [`${e.id} ${seconds(results.get(e.id)!.wallMs)}`] : []));
  const layout = vms.map((vm) => vm.engines.map((e) => e.id).join(' then ')).join(' | ');
  const share = vms.find((vm) => vm.shareKind !== 'none')?.shareKind ?? 'none';
  const table = [
    `Engine matrix, Debian ${image.suite} VMs under QEMU TCG (${CPUS} vCPUs, ${MEMORY_MIB} MiB each), shared folder over ${share}`,
    ...engines.map((e) => `- ${e.id}: ${describeVersions(versions.get(e.id)!)}`),
    '',
    resultTable(columns),
    ...(problems.length ? ['', 'Not tested:', ...problems.map((p) => `- ${p}`)] : []),
    ...(overBudget ? ['', `Incomplete: ${overBudget}.`] : []),
    '',
    `Image ${builtMs === undefined ? 'reused' : `built in ${seconds(builtMs)}`}; boot to every engine answering ${seconds(bootMs)}; ` +
      `${vms.length} VM${vms.length > 1 ? 's side by side' : ''} (${layout}); tests: ${timings.join(', ')}, ` +
      `${seconds(testsMs)} in all; total ${seconds(performance.now() - started)}.`,
  ].join('\n');
  console.log(`\n${table}\n`);
  if (args.report) writeFileSync(String(args.report), `${table}\n`);
  const failed = [...results.values()].some((r) => r.exitCode !== 0);
  return failed || overBudget ? 1 : 0;
}

process.exitCode = await main()
  .catch((error: unknown) => {
    printFatal(error);
    return 1;
  })
  .finally(shutDown);
