// The labs whose story depends on where the engine runs, against an engine that runs elsewhere: its
// own network, hostname and /tmp, /root, /home (scripts/engines/elsewhere.sh; `.ci/run` starts it).
// What this machine can and cannot see there is checked from here, not taken from the lab.

import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { $ } from 'zx';
import { lab as network } from '../../labs/03-network.ts';
import { lab as volumes } from '../../labs/07-volumes.ts';
import { lab as security } from '../../labs/08-security.ts';
import { sentence } from '../../labs/kit/core/text.ts';
import { ensureBaseImage } from '../../labs/kit/engine/base-image.ts';
import { removeByLabel } from '../../labs/kit/engine/cleanup.ts';
import { connectEngine, type Engine } from '../../labs/kit/engine/connect.ts';
import { waitForHttp } from '../../labs/kit/parse/wget.ts';
import { modeOnEngineHost, observe, runObjects } from './support.ts';

const HOST = process.env.WHARF_ELSEWHERE_HOST;
const START = 'sudo scripts/engines/elsewhere.sh start, then WHARF_ELSEWHERE_HOST=<the socket it prints>';
// CI starts that engine, so there it must be present; on a laptop without root it is skipped, saying why.
const suite = HOST || process.env.CI ? describe : describe.skip;
if (!HOST && !process.env.CI) console.info(`elsewhere.test.ts skipped: no engine elsewhere (${START})`);

let engine: Engine;

suite('labs on an engine that runs elsewhere', () => {
  beforeAll(async () => {
    if (!HOST) throw new Error(`CI must provide an engine elsewhere: ${START}`);
    engine = await connectEngine({ env: { DOCKER_HOST: HOST }, platform: process.platform, home: homedir() });
  });
  afterAll(async () => {
    if (engine) await removeByLabel(engine.docker, 'wharf.lab');
  });

  it('network: its published port is fetched on the engine host, since it never reaches this machine', async () => {
    const run = await observe(network, { engine });
    expect(run.error).toBeUndefined();
    expect(run.facts.fetchedFrom).toBe('the engine host');
    expect(run.facts.status).toBe(200);
    expect(run.facts.body).toContain(run.runLabel);
    // Said on screen, in plain words, before the helper ran.
    const notes = run.events.flatMap((e) => (e.type === 'note' ? [sentence(network.text, 'en', e)] : []));
    expect(notes.some((n) => n.startsWith('The engine runs elsewhere'))).toBe(true);
    expect(await runObjects(engine.docker, run.runLabel)).toEqual([]);
  });

  it("security: root's files are owned by uid 0 on the engine host, in a directory made and removed there", async () => {
    let parentMode: Promise<string | null> | undefined;
    const run = await observe(security, {
      engine,
      onEvent: (e) => {
        if (e.type === 'fact' && e.key === 'hostDirectory')
          parentMode = modeOnEngineHost(engine.docker, dirname(String(e.value)));
      },
    });
    expect(run.error).toBeUndefined();
    expect(run.facts.hostOwnerAsRoot).toBe(0);
    expect(run.facts.hostOwnerAsUser1000).toBe(1000);
    const parent = dirname(run.facts.hostDirectory);
    expect(await parentMode).toBe('700');
    // Not a folder of this machine: nothing was made here, and nothing is left there.
    expect(existsSync(parent)).toBe(false);
    expect(await modeOnEngineHost(engine.docker, parent)).toBeNull();
    expect(await runObjects(engine.docker, run.runLabel)).toEqual([]);
  });

  it('volumes: a folder of this machine cannot be bind-mounted there, and the lab says why', async () => {
    const run = await observe(volumes, { engine });
    expect(run.error).toBeUndefined();
    expect(run.facts.volumeFileSurvived).toBe(true);
    expect(run.facts.bindHostToContainer).toBeNull();
    expect(run.facts.bindMountRoundTrip).toBe(false);
    expect(run.facts.bindMountDirRemoved).toBe(true);
    const notes = run.events.flatMap((e) => (e.type === 'note' ? [sentence(volumes.text, 'en', e)] : []));
    expect(notes.some((n) => n.startsWith('The engine could not mount this directory'))).toBe(true);
    expect(await runObjects(engine.docker, run.runLabel)).toEqual([]);
  });

  it("challenge localhost-port: the check reads the page on the engine's host, where the port is", async () => {
    // As an attendee whose engine is elsewhere: the docker CLI with that DOCKER_HOST, then npm run check.
    const $there = $({ env: { ...process.env, DOCKER_HOST: HOST }, quiet: true, nothrow: true });
    await ensureBaseImage(engine.docker, engine.info.arch);
    const serve = 'hostname > /var/www/index.html && httpd -f -p 8080 -h /var/www';
    try {
      await $there`docker run -d --name wharf-ch-web -p 127.0.0.1:48080:8080 wharf/base sh -c ${serve}`;
      // What the page says, read by the test's own helper on the engine host's network.
      const read =
        await $there`docker run --rm --network host wharf/base sh -c ${waitForHttp('http://127.0.0.1:48080/')}`;
      const page = read.stdout.trim();
      expect(page).toMatch(/^[0-9a-f]{12}$/);
      const checked = await $there`npm run -s check -- localhost-port ${page}`;
      expect(checked.exitCode, checked.stdout + checked.stderr).toBe(0);
      expect(checked.stdout).toContain("http://127.0.0.1:48080/ (on the engine's host, wharf-elsewhere) answers");
    } finally {
      await $there`npm run -s challenge -- localhost-port --reset`;
    }
  });

  it('challenge bind-owner: the check says why a folder of this machine is not where the engine is', async () => {
    const $there = $({ env: { ...process.env, DOCKER_HOST: HOST }, quiet: true, nothrow: true });
    await ensureBaseImage(engine.docker, engine.info.arch);
    const solution = (await $there`npm run -s challenge -- bind-owner --solution`).stdout;
    const run = solution.split('\n').find((l) => l.trim().startsWith('docker run'))!;
    try {
      await $there`sh -c ${run}`;
      const checked = await $there`npm run -s check -- bind-owner`;
      expect(checked.exitCode).not.toBe(0);
      expect(checked.stdout).toContain('not on this machine: your engine runs on wharf-elsewhere');
    } finally {
      await $there`npm run -s challenge -- bind-owner --reset`;
    }
  });
});
