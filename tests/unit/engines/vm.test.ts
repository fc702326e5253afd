import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { stopOrphanedVms } from '../../../scripts/engines/vm.ts';

const exited = (child: ReturnType<typeof spawn>) =>
  new Promise((resolve) => child.once('exit', (_code, signal) => resolve(signal)));

describe('stopOrphanedVms', () => {
  it('kills the VM of a run whose owner is gone and removes its folder, leaving a live run alone', async () => {
    // Stand-ins for QEMU: real processes, so the kill is real.
    const orphanVm = spawn('sleep', ['60']);
    const liveVm = spawn('sleep', ['60']);
    const deadOwner = spawn('true');
    await exited(deadOwner);

    const orphanDir = mkdtempSync(join(tmpdir(), 'wharf-engines-'));
    writeFileSync(join(orphanDir, 'owner.pid'), String(deadOwner.pid));
    writeFileSync(join(orphanDir, 'qemu.pid'), String(orphanVm.pid));
    const liveDir = mkdtempSync(join(tmpdir(), 'wharf-engines-'));
    writeFileSync(join(liveDir, 'owner.pid'), String(process.pid));
    writeFileSync(join(liveDir, 'qemu.pid'), String(liveVm.pid));

    const said: string[] = [];
    const orphanGone = exited(orphanVm);
    stopOrphanedVms((line) => said.push(line));

    expect(await orphanGone).toBe('SIGKILL');
    expect(existsSync(orphanDir)).toBe(false);
    expect(said).toEqual([`stopping qemu (pid ${orphanVm.pid}) left running by an earlier run`]);
    expect(existsSync(liveDir)).toBe(true);
    expect(liveVm.exitCode).toBeNull();
    liveVm.kill();
    rmSync(liveDir, { recursive: true, force: true });
  });
});
