// The labs whose story is "root inside is root outside", against an engine that remaps users:
// dockerd with --userns-remap=default on this machine (scripts/engines/userns.sh; `.ci/run` starts
// it). The uid range it maps to is read here from /etc/subuid, and the host's own user namespace
// from /proc, not taken from the lab.

import { mkdtempSync, readFileSync, readlinkSync, rmSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { $ } from 'zx';
import { lab as processes } from '../../labs/01-processes.ts';
import { lab as namespaces } from '../../labs/02-namespaces.ts';
import { lab as cgroups } from '../../labs/04-cgroups.ts';
import { lab as security } from '../../labs/08-security.ts';
import type { LabEvent } from '../../labs/kit/core/events.ts';
import { ensureBaseImage } from '../../labs/kit/engine/base-image.ts';
import { removeByLabel } from '../../labs/kit/engine/cleanup.ts';
import { connectEngine, type Engine } from '../../labs/kit/engine/connect.ts';
import { observe, runObjects } from './support.ts';

const HOST = process.env.WHARF_USERNS_HOST;
const START = 'sudo scripts/engines/userns.sh start, then WHARF_USERNS_HOST=<the socket it prints>';
// CI starts that engine, so there it must be present; on a laptop without root it is skipped, saying why.
const suite = HOST || process.env.CI ? describe : describe.skip;
if (!HOST && !process.env.CI) console.info(`userns.test.ts skipped: no engine with userns-remap (${START})`);

let engine: Engine;
/** dockerd's "default" remapping: the dockremap user's first subordinate uid and how many. */
let range: { first: number; count: number };

const notesOf = (events: LabEvent[]) => events.flatMap((e) => (e.type === 'note' ? [e.key] : []));
const uidOf = (pid: number) => Number(/^Uid:\s+(\d+)/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1]);
const inode = (link: string) => Number(/\[(\d+)\]/.exec(link)?.[1]);

/** Every line that joins the host's PID namespace also keeps its user namespace, as the engine requires. */
function expectHostViewsKeepUserns(events: LabEvent[]) {
  const lines = events.flatMap((e) => (e.type === 'command' && e.text.includes('--pid=host') ? [e.text] : []));
  expect(lines.length).toBeGreaterThan(0);
  for (const line of lines) expect(line).toContain('--pid=host --userns=host ');
}

suite('labs on an engine that remaps users (userns-remap)', () => {
  beforeAll(async () => {
    if (!HOST) throw new Error(`CI must provide an engine with userns-remap: ${START}`);
    engine = await connectEngine({ env: { DOCKER_HOST: HOST }, platform: process.platform, home: homedir() });
    expect(engine.info.usernsRemap).toBe(true);
    const line = readFileSync('/etc/subuid', 'utf8')
      .split('\n')
      .find((l) => l.startsWith('dockremap:'));
    const [, first = '', count = ''] = line?.split(':') ?? [];
    range = { first: Number(first), count: Number(count) };
    expect(range.first).toBeGreaterThan(0);
  });
  afterAll(async () => {
    if (engine) await removeByLabel(engine.docker, 'wharf.lab');
  });

  it('processes: the host-view helper joins the host PID namespace with --userns=host, and sees the remapped owner', async () => {
    let ownerOnHost: number | undefined;
    const run = await observe(processes, {
      engine,
      onEvent: (e) => {
        // The container still runs here: its owner as this machine's kernel has it.
        if (e.type === 'fact' && e.key === 'hostPid') ownerOnHost = uidOf(Number(e.value));
      },
    });
    expect(run.error).toBeUndefined();
    expect(ownerOnHost).toBe(range.first);
    expect(run.facts.hostProcessListed).toBe(true);
    expectHostViewsKeepUserns(run.events);
    expect(await runObjects(engine.docker, run.runLabel)).toEqual([]);
  });

  it('namespaces: the user namespace is the container’s own, and root inside is the first remapped uid', async () => {
    const run = await observe(namespaces, { engine });
    expect(run.error).toBeUndefined();
    const user = run.facts.userNamespace;
    // This test runs in the host's user namespace, as the engine does.
    expect(user.host).toBe(inode(readlinkSync('/proc/self/ns/user')));
    expect(user.container).not.toBe(user.host);
    expect(run.facts.privateFromHost).toContain('user');
    expect(run.facts.uidInside).toBe(0);
    expect(run.facts.uidMap).toBe(`0 ${range.first} ${range.count}`);
    expect(run.facts.uidOnHost).toBe(range.first);
    const said = notesOf(run.events);
    expect(said).toEqual(expect.arrayContaining(['userNamespaceOwn', 'uidsRemapped']));
    expect(said).not.toContain('noUserNamespace');
    expect(said).not.toContain('identityMap');
    expect(await runObjects(engine.docker, run.runLabel)).toEqual([]);
  });

  it("cgroups: the helper that forks on the engine's host, past the containers' pids limit, runs there too", async () => {
    const run = await observe(cgroups, { engine });
    expect(run.error).toBeUndefined();
    // Its limit is 4 × 16; the containers' is 16. The sleeps it counts ran at once, outside their cgroups.
    expect(run.facts.hostProcessesStarted).toBeGreaterThan(run.facts.pidsLimitInside ?? Number.POSITIVE_INFINITY);
    expectHostViewsKeepUserns(run.events);
    expect(await runObjects(engine.docker, run.runLabel)).toEqual([]);
  });

  it("security: root's file belongs to the first remapped uid on the host, uid 1000's to the one 1000 above", async () => {
    const run = await observe(security, { engine });
    expect(run.error).toBeUndefined();
    expect(run.facts.hostOwnerAsRoot).toBe(range.first);
    expect(run.facts.hostOwnerAsUser1000).toBe(range.first + 1000);
    expect(run.facts.userNamespaceRemapped).toBe(true);
    const said = notesOf(run.events);
    expect(said).toEqual(expect.arrayContaining(['ownerMapped', 'uidsRemapped']));
    expect(said).not.toContain('hostRootOwns');
    expect(await runObjects(engine.docker, run.runLabel)).toEqual([]);
  });

  it('challenge pid-on-host: a wrong answer gets its hint, read by a --pid=host helper that keeps the host user namespace', async () => {
    // As an attendee on that engine: the docker CLI with its DOCKER_HOST, and a challenge state of the test's own.
    const state = mkdtempSync(join(tmpdir(), 'wharf-userns-'));
    const env = { ...process.env, DOCKER_HOST: HOST, WHARF_CACHE_DIR: state };
    const $there = $({ env, quiet: true, nothrow: true });
    await ensureBaseImage(engine.docker, engine.info.arch);
    try {
      await $there`npm run -s challenge -- pid-on-host`;
      await $there`docker run -d --name wharf-ch-sleeper wharf/base sleep 3600`;
      const checked = await $there`npm run -s check -- pid-on-host 2`;
      expect(checked.exitCode).not.toBe(0);
      expect(checked.stdout).toContain('on the host, PID 2 is ');
    } finally {
      await $there`npm run -s challenge -- pid-on-host --reset`;
      rmSync(state, { recursive: true, force: true });
    }
  });
});
