import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { endedOwner, type Sweeper } from '../../../labs/kit/core/orphans.ts';
import { pidAlive, storedClientId } from '../../../labs/kit/core/owner.ts';

const me: Sweeper = { client: 'c1', pid: 500, endedRuns: new Set(['ended-here']) };
const deadPids = new Set([4242, 4243]);
const alive = (pid: number) => !deadPids.has(pid);
const labels = (client: string | undefined, pid: string | undefined, run = 'r') => ({
  'wharf.lab': 'processes',
  'wharf.run': run,
  ...(client === undefined ? {} : { 'wharf.client': client }),
  ...(pid === undefined ? {} : { 'wharf.pid': pid }),
});

describe('which leftovers a run may remove', () => {
  it('those of this client whose process has ended, named by that pid', () => {
    expect(endedOwner(labels('c1', '4242'), me, alive)).toBe(4242);
  });

  it('never a live process’s, another client’s (another machine on a shared engine) or an unowned one', () => {
    expect(endedOwner(labels('c1', '4244'), me, alive)).toBeUndefined(); // alive: a run going on now
    expect(endedOwner(labels('c2', '4242'), me, alive)).toBeUndefined(); // another machine's dead run
    expect(endedOwner(labels(undefined, undefined), me, alive)).toBeUndefined(); // before owners: npm run clean
    expect(endedOwner(labels('c1', undefined), me, alive)).toBeUndefined();
    expect(endedOwner(undefined, me, alive)).toBeUndefined();
  });

  it('ignores owner pids that are not plain positive numbers rather than guessing', () => {
    for (const pid of ['0', '-1', '', '42x', '1e3', '99999999999']) {
      expect(
        endedOwner(labels('c1', pid), me, () => false),
        pid,
      ).toBeUndefined();
    }
  });

  it('in this process, only runs it has itself finished (the runner runs every lab in one process)', () => {
    expect(endedOwner(labels('c1', '500', 'ended-here'), me, alive)).toBe(500);
    expect(endedOwner(labels('c1', '500', 'still-running'), me, () => false)).toBeUndefined();
  });
});

describe('pidAlive', () => {
  it('sees this process alive and a finished child gone', () => {
    expect(pidAlive(process.pid)).toBe(true);
    const child = spawnSync(process.execPath, ['-e', '0']);
    expect(child.status).toBe(0);
    expect(pidAlive(child.pid as number)).toBe(false);
  });
});

describe('storedClientId', () => {
  it('makes an id once and keeps it; a damaged file is replaced', () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'wharf-client-')), 'nested');
    const id = storedClientId(dir);
    expect(id).toMatch(/^[0-9a-f]{16}$/);
    expect(storedClientId(dir)).toBe(id);
    expect(readFileSync(join(dir, 'client-id'), 'utf8').trim()).toBe(id);
    writeFileSync(join(dir, 'client-id'), 'garbage\n');
    const replaced = storedClientId(dir);
    expect(replaced).toMatch(/^[0-9a-f]{16}$/);
    expect(storedClientId(dir)).toBe(replaced);
  });

  it('without a writable folder, a fresh id each time: nothing is then another run’s to remove', () => {
    // Under a plain file: no folder can be made there, not even by root.
    const file = join(mkdtempSync(join(tmpdir(), 'wharf-client-')), 'a-file');
    writeFileSync(file, '');
    const dir = join(file, 'wharf');
    expect(storedClientId(dir)).toMatch(/^[0-9a-f]{16}$/);
    expect(storedClientId(dir)).not.toBe(storedClientId(dir));
  });
});
