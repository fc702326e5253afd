import type { Lab } from './kit/lab.ts';
import { lab as processes } from './01-processes.ts';

/** Every lab, in workshop order. A new lab is one file plus one line here. */
export const labs: readonly Lab[] = [processes];

export function findLab(id: string): Lab | undefined {
  return labs.find((lab) => lab.id === id);
}
