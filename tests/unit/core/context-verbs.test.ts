// Verbs that spare a lab the same few lines each time: a sections script through exec or the host
// helper, back by name; a build shown as a table of its steps. A fake engine runs each command with
// the local shell, so the sections scripts run for real.
import { spawnSync } from 'node:child_process';
import { Readable } from 'node:stream';
import Docker from 'dockerode';
import { describe, expect, it } from 'vitest';
import type { Box } from '../../../labs/kit/core/lab.ts';
import { sections } from '../../../labs/kit/parse/sections.ts';
import { demoContext } from './demo-context.ts';

// Its modem only splits streams here: nothing connects to this socket.
const docker = new Docker({ socketPath: '/nonexistent.sock' });

/** A non-TTY engine stream: each chunk under its 8-byte frame header (1 stdout, 2 stderr). */
function frames(stdout: string, stderr: string): Buffer {
  const frame = (kind: number, text: string) => {
    const header = Buffer.alloc(8);
    header[0] = kind;
    header.writeUInt32BE(Buffer.byteLength(text), 4);
    return Buffer.concat([header, Buffer.from(text)]);
  };
  return Buffer.concat([...(stdout ? [frame(1, stdout)] : []), ...(stderr ? [frame(2, stderr)] : [])]);
}

const local = (cmd: string[]) => {
  const ran = spawnSync(cmd[0]!, cmd.slice(1), { encoding: 'utf8' });
  return { output: frames(ran.stdout, ran.stderr), exitCode: ran.status ?? -1 };
};

const progress = (...messages: object[]) => Readable.from(messages.map((m) => `${JSON.stringify(m)}\r\n`));

const fake = Object.assign(Object.create(docker) as Docker, {
  createdCmds: [] as string[][],
  created: [] as Docker.ContainerCreateOptions[],
  // `docker run --rm`: create, start, wait, logs, remove.
  createContainer: async (options: Docker.ContainerCreateOptions) => {
    fake.createdCmds.push(options.Cmd as string[]);
    fake.created.push(options);
    const ran = local(options.Cmd as string[]);
    return {
      id: 'c0ffee',
      start: async () => {},
      wait: async () => ({ StatusCode: ran.exitCode }),
      logs: async () => ran.output,
      remove: async () => {},
    };
  },
  // Asked for BuildKit, this engine streams the classic builder's text (as one that ignores
  // `version=2` would); the run's BuildKit cache is read first and is empty.
  modem: Object.assign(Object.create(docker.modem), {
    dial: (_options: unknown, done: (error: null, result: unknown) => void) => done(null, { BuildCache: [] }),
  }),
  buildImage: async () =>
    progress(
      { stream: 'Step 1/2 : FROM wharf/base\n' },
      { stream: 'Step 2/2 : RUN echo hi\n' },
      { stream: ' ---> Using cache\n' },
      { stream: ' ---> 0a1b2c3d4e5f\n' },
      { aux: { ID: 'sha256:0a1b2c3d4e5f' } },
    ),
});

// `docker exec`: the command runs locally too.
const box: Box = {
  name: 'wharf-demo-box-r1',
  id: 'b0x',
  container: {
    exec: async ({ Cmd }: { Cmd: string[] }) => {
      const ran = local(Cmd);
      return {
        id: 'e0',
        start: async () => Readable.from([ran.output]),
        inspect: async () => ({ ExitCode: ran.exitCode }),
      };
    },
  } as unknown as Docker.Container,
};

const context = () => demoContext({ look: 'Look', why: 'because', busy: 'busy' }, fake);

const view = sections({ who: 'echo root', where: 'echo /tmp; echo oops >&2' });

describe('execSections', () => {
  it('runs a sections script in the container and gives its output back by name, showing the shown line', async () => {
    const { ctx, said } = context();
    expect(await ctx.execSections(box, view, { shown: ['id'] })).toEqual({ who: 'root', where: '/tmp\noops' });
    expect(said).toEqual([{ type: 'command', text: 'docker exec wharf-demo-box-r1 id' }]);
  });
});

describe('onHostSections', () => {
  it('runs a sections script in the --pid=host helper and gives its output back by name', async () => {
    const { ctx, said } = context();
    expect(await ctx.onHostSections(view, { shown: ['ps'], wait: 'busy' })).toEqual({
      who: 'root',
      where: '/tmp\noops',
    });
    expect(fake.createdCmds.at(-1)).toEqual(view.cmd);
    expect(said).toEqual([
      { type: 'command', text: expect.stringMatching(/^docker run --rm .*--pid=host .* ps$/) },
      { type: 'wait', key: 'busy' },
    ]);
  });
});

describe('helpers that join a host namespace', () => {
  it("keep the host's user namespace too on an engine that remaps users, and the line says so", async () => {
    const { ctx, said } = demoContext({ busy: 'busy' }, fake, { usernsRemap: true });
    await ctx.onHost('echo hi');
    await ctx.run({ network: 'host', cmd: ['true'] });
    expect(fake.created.slice(-2).map((options) => options.HostConfig?.UsernsMode)).toEqual(['host', 'host']);
    const lines = said.flatMap((event) => (event.type === 'command' ? [event.text] : []));
    expect(lines).toEqual([
      expect.stringMatching(/ --pid=host --userns=host /),
      expect.stringMatching(/ --network host --userns=host /),
    ]);
  });

  it('leave it alone elsewhere, and on a remapping engine when they join nothing of the host', async () => {
    await demoContext({}, fake).ctx.onHost('echo hi');
    await demoContext({}, fake, { usernsRemap: true }).ctx.run({ cmd: ['true'] });
    expect(fake.created.slice(-2).map((options) => options.HostConfig?.UsernsMode)).toEqual([undefined, undefined]);
  });
});

describe('build on an engine whose BuildKit cannot read a context sent through the API', () => {
  it('says so, and builds with the classic builder under a line that asks the CLI for it', async () => {
    const asked: unknown[] = [];
    const broken = Object.assign(Object.create(fake) as Docker, {
      buildImage: async (_context: unknown, options: { version?: string }) => {
        asked.push(options.version);
        if (options.version !== '2') return fake.buildImage(_context as string, options as object);
        // Docker 26 with the containerd store, as the matrix saw it (moby#47717).
        const failed = 'failed to read downloaded context: failed to load cache key: invalid response status 403';
        return progress({ errorDetail: { message: failed }, error: failed });
      },
    });
    const { ctx, said } = demoContext({}, broken, { product: 'Docker Engine' });
    const first = await ctx.build('layers-a', { tag: 'demo:1', showOutput: false });
    const second = await ctx.build('layers-a', { tag: 'demo:2', showOutput: false });
    expect([first.builder, second.builder]).toEqual(['classic', 'classic']);
    // BuildKit is asked once; after that the run knows.
    expect(asked).toEqual(['2', undefined, undefined]);
    expect(said.filter((e) => e.type !== 'wait')).toEqual([
      { type: 'command', text: 'docker build -t demo:1 labs/images/layers-a' },
      { type: 'note', key: 'kit.buildKitNoContext' },
      { type: 'command', text: 'DOCKER_BUILDKIT=0 docker build -t demo:1 labs/images/layers-a' },
      { type: 'command', text: 'DOCKER_BUILDKIT=0 docker build -t demo:2 labs/images/layers-a' },
    ]);
  });
});

describe('build with stepTable', () => {
  it('shows a table of the steps once built, instead of the engine output', async () => {
    const { ctx, said } = context();
    const built = await ctx.build('layers-a', { tag: 'demo:1', stepTable: 'built' });
    expect(built.steps.map((step) => step.cached)).toEqual([false, true]);
    const outputs = said.filter((event) => event.type === 'output');
    expect(outputs).toEqual([
      { type: 'output', text: expect.stringMatching(/^Step 1\/2 FROM .*\nStep 2\/2 RUN .*Using cache$/) },
    ]);
  });

  it('streams the engine output without it', async () => {
    const { ctx, said } = context();
    await ctx.build('layers-a', { tag: 'demo:1' });
    const outputs = said.filter((event) => event.type === 'output');
    expect(outputs.map((event) => (event as { text: string }).text)).toContain('Step 2/2 : RUN echo hi');
  });
});
