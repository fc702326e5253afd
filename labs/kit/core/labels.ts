import { randomBytes } from 'node:crypto';

export const LAB_LABEL = 'wharf.lab';
export const RUN_LABEL = 'wharf.run';

/** Short, unique per run, safe in container names: time-ordered prefix plus randomness. */
export function newRunLabel(): string {
  return `${Date.now().toString(36)}${randomBytes(3).toString('hex')}`;
}

export function runLabels(labId: string, runLabel: string): Record<string, string> {
  return { [LAB_LABEL]: labId, [RUN_LABEL]: runLabel };
}
