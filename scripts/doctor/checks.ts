import { createServer } from 'node:net';
import { describeError } from '../../labs/kit/core/errors.ts';
import { newRunLabel, RUN_LABEL, runLabels } from '../../labs/kit/core/labels.ts';
import { BASE_IMAGE, busyboxPathFor, ensureBaseImage } from '../../labs/kit/engine/base-image.ts';
import { removeByLabel } from '../../labs/kit/engine/cleanup.ts';
import { connectEngine, type Engine } from '../../labs/kit/engine/connect.ts';
import { runToCompletion } from '../../labs/kit/engine/containers.ts';
import { engineLine } from '../../labs/kit/engine/summary.ts';
import { createOptions } from '../../labs/kit/spec/container.ts';

/** One line of the preflight: what was checked, how it went, and what to do if it failed. */
export interface Check {
  name: string;
  ok: boolean;
  detail: string;
  hint?: string;
}

/** The Node lines Wharf supports, as package.json's `engines` says: 20.19+, 22.12+, 24+. */
const SUPPORTED_NODE = [
  { major: 20, minor: 19 },
  { major: 22, minor: 12 },
  { major: 24, minor: 0, andLater: true },
];

export function nodeSupported(version: string): boolean {
  const [major = 0, minor = 0] = version.replace(/^v/, '').split('.').map(Number);
  return SUPPORTED_NODE.some((line) =>
    line.andLater ? major >= line.major : major === line.major && minor >= line.minor,
  );
}

export function checkNode(version = process.version): Check {
  const ok = nodeSupported(version);
  return {
    name: 'Node.js',
    ok,
    detail: version,
    hint: ok ? undefined : 'Install Node.js 20.19+, 22.12+ or 24+ (https://nodejs.org, or nvm / fnm).',
  };
}

function portFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

async function step(name: string, work: () => Promise<{ detail: string }>): Promise<Check> {
  try {
    return { name, ok: true, ...(await work()) };
  } catch (error) {
    const { message, hint } = describeError(error);
    return { name, ok: false, detail: message, hint };
  }
}

/**
 * What an attendee's laptop needs before the workshop, checked for real: Node, an engine, an
 * architecture we ship busybox for, the base image built locally, a container that runs, and the
 * deck's port. Later checks are skipped once the engine is missing, since they all need it.
 */
export async function runDoctor(options: { port: number; connect?: () => Promise<Engine> }): Promise<Check[]> {
  const checks: Check[] = [checkNode()];
  let engine: Engine | undefined;
  checks.push(
    await step('Container engine', async () => {
      engine = await (options.connect ?? connectEngine)();
      return { detail: engineLine(engine.info) };
    }),
  );
  if (engine) {
    const { docker, info } = engine;
    checks.push(
      await step('Architecture', async () => ({
        detail: `${info.arch}: ${busyboxPathFor(info.arch).split('/').slice(-3).join('/')}`,
      })),
    );
    checks.push(
      await step('Base image, built offline', async () => {
        const started = performance.now();
        const base = await ensureBaseImage(docker, info.arch);
        return {
          detail: `${base.image} ${base.built ? 'built' : 'already there'} in ${Math.round(performance.now() - started)} ms`,
        };
      }),
    );
    const runLabel = newRunLabel();
    checks.push(
      await step('A container runs', async () => {
        const started = performance.now();
        const result = await runToCompletion(
          docker,
          createOptions({
            image: BASE_IMAGE,
            cmd: ['echo', 'hello from wharf'],
            labels: runLabels('doctor', runLabel),
          }),
          undefined,
        );
        if (result.exitCode !== 0 || result.stdout.trim() !== 'hello from wharf') {
          throw new Error(
            `unexpected result: exit ${result.exitCode}, output ${JSON.stringify(result.stdout + result.stderr)}`,
          );
        }
        return { detail: `echo ran and was removed in ${Math.round(performance.now() - started)} ms` };
      }),
    );
    await removeByLabel(docker, `${RUN_LABEL}=${runLabel}`).catch(() => undefined);
  }
  const free = await portFree(options.port);
  checks.push({
    name: 'Deck port',
    ok: free,
    detail: `127.0.0.1:${options.port} ${free ? 'is free' : 'is in use'}`,
    hint: free
      ? undefined
      : `Stop what uses it, or start the deck on another port: WHARF_PORT=${options.port + 1} npm start`,
  });
  return checks;
}
