import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { WharfError } from '../../labs/kit/core/errors.ts';
import { type LabOutcome, labOutcomes, type VitestJsonReport } from './results.ts';

const REPO = fileURLToPath(new URL('../../', import.meta.url));
const VITEST = join(REPO, 'node_modules/vitest/vitest.mjs');
const RECORD = join(REPO, 'scripts/record.ts');
const LAB_FILES = ['tests/labs', 'tests/leftovers'];
/**
 * Tests of this client against a dockerd of their own, not of the engine under test: the engine
 * going away mid-lab (they start, kill and restart their own daemon here), the engine elsewhere and
 * the one with userns-remap (both started on this machine by .ci/run).
 */
const CLIENT_ONLY = ['tests/labs/engine-gone.test.ts', 'tests/labs/elsewhere.test.ts', 'tests/labs/userns.test.ts'];
const EXCLUDE = CLIENT_ONLY.flatMap((file) => ['--exclude', file]);

export type Selection = 'main' | 'all';

export interface LabRunOptions {
  port: number;
  /** The client's temp and home folders (shared with the engine for the desktop-like one). */
  clientDir: string;
  selection: Selection;
  testTimeoutMs: number;
  /** WHARF_DEADLINE_SCALE for the labs: how much slower than a local engine this one is. */
  deadlineScale: number;
  reportPath: string;
  /** Put before every line the tests print, when more than one engine is tested at once. */
  prefix?: string;
  onChild: (child: ChildProcess | undefined) => void;
}

/** The engine is THE engine for the run: DOCKER_HOST only, no context, no TLS left over from the caller. */
function clientEnvironment(port: number, clientDir: string, deadlineScale: number): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DOCKER_HOST: `tcp://127.0.0.1:${port}`,
    WHARF_DEADLINE_SCALE: String(deadlineScale),
    TMPDIR: join(clientDir, 'tmp'),
    HOME: join(clientDir, 'home'),
    FORCE_COLOR: '1',
  };
  for (const name of ['DOCKER_CONTEXT', 'DOCKER_TLS_VERIFY', 'DOCKER_CERT_PATH', 'DOCKER_CONFIG']) delete env[name];
  for (const sub of ['tmp', 'home']) mkdirSync(join(clientDir, sub), { recursive: true });
  return env;
}

/** Copies a child's output line by line with a prefix: two engines' tests print side by side. */
function prefixLines(from: NodeJS.ReadableStream, to: NodeJS.WriteStream, prefix: string): void {
  createInterface({ input: from, crlfDelay: Number.POSITIVE_INFINITY }).on('line', (line) =>
    to.write(`${prefix} ${line}\n`),
  );
}

function run(
  args: string[],
  env: NodeJS.ProcessEnv,
  output: 'capture' | 'show' | { prefix: string },
  onChild: LabRunOptions['onChild'],
): Promise<{ code: number; stdout: string }> {
  return new Promise((resolve, reject) => {
    const prefix = typeof output === 'object' ? output.prefix : undefined;
    const child = spawn(process.execPath, args[0] === RECORD ? ['--import', 'tsx', ...args] : [VITEST, ...args], {
      cwd: REPO,
      env,
      stdio: ['ignore', output === 'show' ? 'inherit' : 'pipe', prefix ? 'pipe' : 'inherit'],
    });
    onChild(child);
    let stdout = '';
    if (prefix && child.stdout && child.stderr) {
      prefixLines(child.stdout, process.stdout, prefix);
      prefixLines(child.stderr, process.stderr, prefix);
    } else child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      onChild(undefined);
      resolve({ code: code ?? 1, stdout });
    });
  });
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Each lab test file's first test is its main one (the lab's whole story, asserted); the others
 * check concurrency and interruption. The leftovers check is one file with one test, so it is in.
 * The titles come from vitest itself, so renamed tests follow.
 */
async function mainTestPattern(env: NodeJS.ProcessEnv, onChild: LabRunOptions['onChild']): Promise<string> {
  const { code, stdout } = await run(
    ['list', '--project', 'labs', '--project', 'leftovers', ...LAB_FILES, ...EXCLUDE, '--json'],
    env,
    'capture',
    onChild,
  );
  const json = stdout.indexOf('[');
  if (code !== 0 || json < 0)
    throw new WharfError(
      `Could not list the lab tests on this engine (vitest list exited with ${code}); its error is above.`,
    );
  const listed = JSON.parse(stdout.slice(json)) as { name: string; file: string }[];
  const firsts = new Map<string, string>();
  for (const test of listed)
    if (!firsts.has(test.file)) firsts.set(test.file, test.name.split(' > ').pop() ?? test.name);
  return `(${[...firsts.values()].map(escapeRegExp).join('|')})$`;
}

/** Runs the lab tests (and the leftovers check) against one VM engine; returns per-lab outcomes. */
export async function runLabTests(
  options: LabRunOptions,
): Promise<{ outcomes: LabOutcome[]; exitCode: number; wallMs: number }> {
  const env = clientEnvironment(options.port, options.clientDir, options.deadlineScale);
  const started = performance.now();
  const filter = options.selection === 'main' ? ['-t', await mainTestPattern(env, options.onChild)] : [];
  const timeout = String(options.testTimeoutMs);
  const { code } = await run(
    [
      'run',
      '--project',
      'labs',
      '--project',
      'leftovers',
      ...LAB_FILES,
      ...EXCLUDE,
      ...filter,
      `--testTimeout=${timeout}`,
      `--hookTimeout=${timeout}`,
      '--reporter=default',
      '--reporter=json',
      `--outputFile.json=${options.reportPath}`,
    ],
    env,
    options.prefix ? { prefix: options.prefix } : 'show',
    options.onChild,
  );
  const wallMs = performance.now() - started;
  if (!existsSync(options.reportPath)) return { outcomes: [], exitCode: code || 1, wallMs };
  return {
    outcomes: labOutcomes(JSON.parse(readFileSync(options.reportPath, 'utf8')) as VitestJsonReport),
    exitCode: code,
    wallMs,
  };
}

/**
 * Records labs on an engine in the VM (`npm run record` with that engine as the client's only
 * one), marked as made under emulation: the default recordings the static deck and the PDF show.
 */
export async function recordLabs(
  options: Pick<LabRunOptions, 'port' | 'clientDir' | 'deadlineScale' | 'onChild'> & { labs: string[] },
): Promise<number> {
  const env = clientEnvironment(options.port, options.clientDir, options.deadlineScale);
  const { code } = await run([RECORD, '--setting', 'emulated-vm', ...options.labs], env, 'show', options.onChild);
  return code;
}
