// `npm run dev` keeps vite's hot reload but none of what a deck does not need. The editor vite
// would open is replaced by a script that leaves a mark, so "opened" is something we can see.
import { chmod, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../../runner/headers.ts';
import { type Runner, repoRoot, startRunner } from '../../../runner/server.ts';
import { type DeckServer, serveDeck } from '../../../scripts/pdf.ts';
import { noEngine, send, upgrade } from '../../runner/support.ts';

let runner: Runner;
let work: string;
let marks: string;
let victim: string;

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'wharf-dev-deck-'));
  marks = join(work, 'editor-opened');
  victim = join(work, 'id_ed25519');
  await writeFile(victim, 'secret\n');
  const editor = join(work, 'editor.sh');
  await writeFile(editor, `#!/bin/sh\necho "$@" >> '${marks}'\n`);
  await chmod(editor, 0o755);
  process.env.LAUNCH_EDITOR = editor;
  runner = await startRunner({ port: 0, mode: 'dev', engine: noEngine() });
}, 60_000);
afterAll(async () => {
  delete process.env.LAUNCH_EDITOR;
  await runner?.close();
});

const editorOpened = () => readFile(marks, 'utf8').catch(() => '');
const openInEditor = () => `/__open-in-editor?file=${encodeURIComponent(victim)}`;

describe('npm run dev', () => {
  it('control: a plain vite dev server opens any file in the editor for whoever asks', async () => {
    const plain: DeckServer = await serveDeck();
    try {
      const port = Number(new URL(plain.url).port);
      await send(port, 'GET', openInEditor());
      await expect.poll(editorOpened, { timeout: 5000 }).toContain(victim);
    } finally {
      await plain.close();
    }
  }, 30_000);

  it('serves the deck with the runner marker and the security headers', async () => {
    const page = await send(runner.port, 'GET', '/');
    expect(page.status).toBe(200);
    expect(page.body).toContain('<meta name="wharf-runner" content="1" />');
    expect(page.body).not.toContain(runner.sessions.key);
    expect(page.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    expect((await send(runner.port, 'GET', '/main.ts')).status).toBe(200);
  });

  it('refuses /__open-in-editor: no editor opens', async () => {
    const before = await editorOpened();
    expect((await send(runner.port, 'GET', openInEditor())).status).toBe(404);
    expect(
      (await send(runner.port, 'GET', `/__open-in-editor?file=${encodeURIComponent(`${victim}:1:1`)}`)).status,
    ).toBe(404);
    // The control above shows vite opens the editor within milliseconds of the request.
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(await editorOpened()).toBe(before);
  });

  it.each([
    `/@fs${repoRoot}/node_modules/reveal.js/demo.html`,
    `/@fs${repoRoot}/node_modules/reveal.js/index.html`,
    '/@fs/etc/passwd',
    `/@fs${repoRoot}/package.json`,
    `/@fs${repoRoot}/.git/config`,
  ])('does not serve %s', async (path) => {
    expect([403, 404]).toContain((await send(runner.port, 'GET', path)).status);
  });

  it('lets a browser open no document but the deck (an SVG or script as a page would run on its origin)', async () => {
    const navigate = { 'sec-fetch-mode': 'navigate', 'sec-fetch-dest': 'document' };
    expect((await send(runner.port, 'GET', '/?lang=zh', navigate)).status).toBe(200);
    expect((await send(runner.port, 'GET', '/main.ts', navigate)).status).toBe(404);
    expect(
      (
        await send(runner.port, 'GET', `/@fs${repoRoot}/node_modules/reveal.js/dist/reveal.mjs`, {
          'sec-fetch-dest': 'iframe',
        })
      ).status,
    ).toBe(404);
  });

  it("hands vite only its own hot-reload socket, from the deck's origin", async () => {
    const origin = `http://127.0.0.1:${runner.port}`;
    // vite's client asks with the token its own code carries, as the deck does.
    const client = (await send(runner.port, 'GET', '/@vite/client')).body;
    const token = /const wsToken = "([^"]+)"/.exec(client)?.[1];
    expect(token).toBeDefined();
    const hmr = { 'sec-websocket-protocol': 'vite-hmr' };
    expect((await upgrade(runner.port, `/?token=${token}`, { origin, ...hmr })).status).toMatch(/^HTTP\/1.1 101/);
    const foreign = await upgrade(runner.port, `/?token=${token}`, { origin: 'http://attacker.example', ...hmr });
    expect(foreign.status).toMatch(/^HTTP\/1.1 404/);
    expect((await upgrade(runner.port, '/api/labs', { origin })).status).toMatch(/^HTTP\/1.1 404/);
  });
});
