import { randomBytes } from 'node:crypto';
import { ownerLabels } from './owner.ts';

export const LAB_LABEL = 'wharf.lab';
export const RUN_LABEL = 'wharf.run';

/** Short, unique per run, safe in container names: time-ordered prefix plus randomness. */
export function newRunLabel(): string {
  return `${Date.now().toString(36)}${randomBytes(3).toString('hex')}`;
}

/** `wharf.lab` and `wharf.run`, plus who made the object (owner.ts), so a later run can clean up after a dead one. */
export function runLabels(labId: string, runLabel: string): Record<string, string> {
  return { [LAB_LABEL]: labId, [RUN_LABEL]: runLabel, ...ownerLabels() };
}
