// A lab recorded on two engines: the slide shows the default recording and links the other one,
// and following the link shows that one, on the same slide. What each recording is comes from the
// files in recordings/, read here.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Recording } from '../../runner/protocol.ts';
import { repoRoot } from '../../scripts/pdf.ts';
import { LANGS } from './chapters.ts';
import { type Deck, openDeck, STILL, startDeck } from './harness.ts';

let deck: Deck;
beforeAll(async () => {
  deck = await startDeck();
});
afterAll(() => deck?.close());

const read = (...path: string[]) =>
  JSON.parse(readFileSync(join(repoRoot, 'recordings', ...path), 'utf8')) as Recording;
const upstream = (r: Recording) => `${r.engine.product} ${r.engine.version.replace(/[+~].*$/, '')}`;
/** Every lab that has a recording in another set, with that set. */
const others = readdirSync(join(repoRoot, 'recordings'), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .flatMap((dir) =>
    readdirSync(join(repoRoot, 'recordings', dir.name)).map((file) => ({
      set: dir.name,
      lab: file.replace(/\.json$/, ''),
    })),
  );

describe.each(LANGS)('recordings on other engines (%s)', (lang) => {
  it('has another set to offer', () => expect(others.length).toBeGreaterThan(0));

  it.each(others.slice(0, 3))(
    '$lab: links the $set recording, which then shows on the same slide',
    async ({ set, lab }) => {
      const defaultRecording = read(`${lab}.json`);
      const other = read(set, `${lab}.json`);
      const { page, problems } = await openDeck(deck, lang, STILL, `#/lab-${lab}`);
      const pane = page.locator(`[data-lab-pane="${lab}"]`);
      await expect.poll(() => pane.locator('.lab-status').textContent()).toContain(upstream(defaultRecording));
      const link = pane.locator('.lab-sets a');
      await expect.poll(() => link.count()).toBe(1);
      expect(await link.getAttribute('href')).toContain(`recordings=${set}`);
      expect(await link.textContent()).toContain(upstream(other).replace(/\.\d+$/, ''));
      await link.click();
      await page.waitForURL(/recordings=/);
      await expect
        .poll(() => pane.locator('.lab-status').textContent(), { timeout: 30_000 })
        .toContain(upstream(other));
      expect(await pane.locator('.lab-status').textContent()).toContain(`cgroup v${other.engine.cgroupVersion}`);
      // And back: the default recording is one link away from there too.
      expect(await pane.locator('.lab-sets a').getAttribute('href')).not.toContain('recordings=');
      expect(problems).toEqual([]);
      await page.close();
    },
  );
});
