import { chmod, cp, mkdir, rm } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Challenge } from './challenge.ts';

const FILES = fileURLToPath(new URL('./files/', import.meta.url));

/**
 * Makes the folder a task hands over, if it does not exist yet; an existing one is the attendee's
 * work and stays as it is. Returns true when it was made now.
 */
export async function prepareFolder(challenge: Challenge, workDir: string): Promise<boolean> {
  if (!challenge.folder) return false;
  const made = (await mkdir(workDir, { recursive: true })) !== undefined;
  if (challenge.folder === 'files' && made) await cp(`${FILES}${challenge.id}/`, workDir, { recursive: true });
  // A container user such as uid 10001 is nobody on this machine: it may write only where anyone may.
  if (challenge.folder === 'writable') await chmod(workDir, 0o777);
  return made;
}

/** `--reset`: the folder goes back to how the task hands it over. */
export async function resetFolder(challenge: Challenge, workDir: string): Promise<void> {
  if (!challenge.folder) return;
  await rm(workDir, { recursive: true, force: true });
  await prepareFolder(challenge, workDir);
}
