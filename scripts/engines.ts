// npm run test:engines [-- --engines docker-desktop-like,docker-remote,podman] [--tests main|all] [--report <file.md>]
//                      [--record <lab,...>] [--budget <minutes>]
// The engine matrix: builds (or reuses) a Debian VM image holding Docker 28.5 + containerd 2 and
// Podman 5.8, boots it under QEMU, runs the lab tests against each engine in it, prints a
// lab × engine table, and always shuts the VM down (also on Ctrl-C, SIGTERM and failure). With
// --record it records those labs on each engine chosen instead (the deck's default recordings).
import type { ChildProcess } from 'node:child_process';
import { copyFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chalk } from 'zx';
import { printFatal } from '../labs/kit/core/cli.ts';
import { WharfError } from '../labs/kit/core/errors.ts';
import { scriptArgs } from './args.ts';
import { type EngineVersions, engineVersions, waitForEngine } from './engines/engine-api.ts';
import { VM_ENGINES } from './engines/engines.ts';
import { ensureImage, type VmImage } from './engines/image.ts';
import { imageCacheRoot, recipeHash } from './engines/recipe.ts';
import { type LabOutcome, resultTable } from './engines/results.ts';
import { recordLabs, runLabTests, type Selection } from './engines/run-labs.ts';
import { requireBuildTools, requireTools } from './engines/tools.ts';
import { CPUS, MEMORY_MIB, type RunningVm, startVm } from './engines/vm.ts';

const USAGE =
  'usage: npm run test:engines [-- --engines <id,...>] [--tests main|all] [--report <file.md>] [--record <lab,...>] ' +
  '[--budget <minutes>]';
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

const say = (line: string) => console.log(`${chalk.cyan('engines')} ${line}`);
const seconds = (ms: number) => `${Math.round(ms / 1000)} s`;

let vm: RunningVm | undefined;
let child: ChildProcess | undefined;
let stopping = false;
/** Set when --budget ran out: the run stops where it is, says so, and fails. */
let overBudget: string | undefined;

async function shutDown(): Promise<void> {
  child?.kill('SIGTERM');
  if (vm) {
    say('shutting the VM down');
    await vm.stop();
    vm = undefined;
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

async function main(): Promise<number> {
  const parsed = scriptArgs(USAGE, {
    engines: { type: 'string' },
    tests: { type: 'string' },
    report: { type: 'string' },
    record: { type: 'string' },
    budget: { type: 'string' },
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
      child?.kill('SIGTERM');
    }, budgetMinutes * 60_000).unref();
  say(`VM image for recipe ${recipeHash()} in ${imageCacheRoot()}`);
  const showBuildLine = (line: string) => (/^(I: |building|Debian)/.test(line) ? say(chalk.dim(line)) : undefined);
  const { image, builtMs } = await ensureImage(showBuildLine, requireBuildTools);
  say(
    `${builtMs === undefined ? 'reusing' : `built in ${seconds(builtMs)}:`} Debian ${image.suite} image: ${imagePackages(image)}`,
  );

  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, onSignal);
  const bootStarted = performance.now();
  vm = await startVm(image, tools, say);
  const running = vm;
  let qemuEnded: string | undefined;
  void running.exited.then((how) => (qemuEnded = how));
  say(
    `QEMU: TCG, ${CPUS} vCPUs, ${MEMORY_MIB} MiB; shared folder ${running.sharedDir} over ${running.shareKind}; published ports ${running.publishedPorts.first}-${running.publishedPorts.last} forwarded; serial log ${running.serialLog}`,
  );

  const versions = new Map<string, EngineVersions>();
  const bootFailures: string[] = [];
  await Promise.all(
    engines.map(async (engine) => {
      const port = running.apiPorts.get(engine.id) ?? 0;
      try {
        await waitForEngine(port, BOOT_DEADLINE_MS, () => qemuEnded);
        say(`${engine.id} answers on 127.0.0.1:${port} after ${seconds(performance.now() - bootStarted)}`);
        // Podman computes /info on the spot (storage, runtimes): minutes on a loaded machine under TCG.
        versions.set(engine.id, await engineVersions(port, 5 * 60_000));
      } catch (error) {
        bootFailures.push(`${engine.id}: ${error instanceof Error ? error.message : String(error)}`);
      }
    }),
  );
  const bootMs = performance.now() - bootStarted;
  if (bootFailures.length) {
    const kept = join(imageCacheRoot(), 'last-failed-boot.serial.log');
    copyFileSync(running.serialLog, kept);
    throw new WharfError(
      `Not every engine in the VM came up: ${bootFailures.join('; ')}.`,
      `The VM's serial console is in ${kept}.`,
    );
  }
  for (const engine of engines) say(`${chalk.bold(engine.id)}: ${describeVersions(versions.get(engine.id)!)}`);

  const columns: { name: string; outcomes: LabOutcome[] }[] = [];
  const timings: string[] = [];
  const problems: string[] = [];
  let failed = false;
  if (args.record) {
    const labs = args.record.split(',');
    let code = 0;
    for (const engine of engines) {
      say(chalk.bold(`${engine.id}: recording ${labs.join(', ')}`));
      const clientDir = engine.desktopLike ? running.sharedDir : join(running.runDir, `client-${engine.id}`);
      const port = running.apiPorts.get(engine.id) ?? 0;
      const onChild = (c: ChildProcess | undefined) => {
        child = c;
      };
      code ||= await recordLabs({ port, clientDir, deadlineScale: DEADLINE_SCALE, labs, onChild });
    }
    return code;
  }
  for (const engine of engines) {
    if (stopping) break;
    say(
      chalk.bold(
        `${engine.id}: ${selection === 'main' ? "every lab's main test" : 'every lab test'} (${engine.label})`,
      ),
    );
    let result: Awaited<ReturnType<typeof runLabTests>>;
    try {
      result = await runLabTests({
        port: running.apiPorts.get(engine.id) ?? 0,
        clientDir: engine.desktopLike ? running.sharedDir : join(running.runDir, `client-${engine.id}`),
        selection,
        testTimeoutMs: TEST_TIMEOUT_MS,
        deadlineScale: DEADLINE_SCALE,
        reportPath: join(running.runDir, `${engine.id}.json`),
        onChild: (c) => {
          child = c;
          if (stopping) c?.kill('SIGTERM');
        },
      });
    } catch (error) {
      // One engine that cannot even list its tests must not keep the others from being tested.
      problems.push(`${engine.id}: ${error instanceof Error ? error.message : String(error)}`);
      result = { outcomes: [], exitCode: 1, wallMs: 0 };
    }
    if (qemuEnded && !overBudget)
      throw new WharfError(`The VM stopped while ${engine.id} was being tested: ${qemuEnded}.`);
    failed ||= result.exitCode !== 0;
    timings.push(`${engine.id} ${seconds(result.wallMs)}`);
    columns.push({ name: `${engine.id} (${versions.get(engine.id)?.engine ?? '?'})`, outcomes: result.outcomes });
  }

  // An engine the run never reached (stopped, over budget) still gets its column: every cell "–".
  for (const engine of engines.slice(columns.length))
    columns.push({ name: `${engine.id} (not reached)`, outcomes: [] });
  const table = [
    `Engine matrix, Debian ${image.suite} VM under QEMU TCG (${CPUS} vCPUs, ${MEMORY_MIB} MiB), shared folder over ${running.shareKind}`,
    ...engines.map((e) => `- ${e.id}: ${describeVersions(versions.get(e.id)!)}`),
    '',
    resultTable(columns),
    ...(problems.length ? ['', 'Not tested:', ...problems.map((p) => `- ${p}`)] : []),
    ...(overBudget ? ['', `Incomplete: ${overBudget}.`] : []),
    '',
    `Image ${builtMs === undefined ? 'reused' : `built in ${seconds(builtMs)}`}; boot to every engine answering ${seconds(bootMs)}; tests: ${timings.join(', ')}; total ${seconds(performance.now() - started)}.`,
  ].join('\n');
  console.log(`\n${table}\n`);
  if (args.report) writeFileSync(String(args.report), `${table}\n`);
  return failed || overBudget ? 1 : 0;
}

process.exitCode = await main()
  .catch((error: unknown) => {
    printFatal(error);
    return 1;
  })
  .finally(shutDown);
