import { describe, expect, it } from 'vitest';
import { VM_ENGINES } from '../../../scripts/engines/engines.ts';
import { splitOverVms } from '../../../scripts/engines/plan.ts';

const ids = (groups: { id: string }[][]) => groups.map((group) => group.map((engine) => engine.id));

describe('splitOverVms', () => {
  it('gives the slowest engine a VM of its own and puts the two quicker ones together, in their order', () => {
    expect(ids(splitOverVms(VM_ENGINES, 2))).toEqual([['podman'], ['docker-desktop-like', 'docker-remote']]);
  });

  it('runs everything in one VM when asked for one, and never makes more VMs than engines', () => {
    expect(ids(splitOverVms(VM_ENGINES, 1))).toEqual([['docker-desktop-like', 'docker-remote', 'podman']]);
    expect(ids(splitOverVms(VM_ENGINES.slice(0, 1), 2))).toEqual([['docker-desktop-like']]);
    expect(ids(splitOverVms(VM_ENGINES, 5))).toHaveLength(3);
  });
});
