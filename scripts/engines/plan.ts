import type { VmEngine } from './engines.ts';

/**
 * Minutes each engine's main tests took in one TCG guest (rehearsals in December 2026; docker-remote
 * since layers-limit no longer asks BuildKit to build FROM ~500 layers): only the weights that decide
 * which engines share a VM, never a deadline.
 */
const MINUTES: Record<string, number> = { 'docker-desktop-like': 10, 'docker-remote': 22, podman: 27 };

/**
 * Splits the engines over at most `vms` VMs so the slowest VM finishes as early as it can: each
 * VM is one emulated CPU thread, so two VMs on two cores run side by side. Longest first, each to
 * the VM with the least work so far; within a VM the engines keep the order they were given.
 */
export function splitOverVms(engines: VmEngine[], vms: number): VmEngine[][] {
  const groups = Array.from({ length: Math.max(1, Math.min(vms, engines.length)) }, () => ({
    minutes: 0,
    engines: [] as VmEngine[],
  }));
  const longestFirst = [...engines].sort((a, b) => (MINUTES[b.id] ?? 15) - (MINUTES[a.id] ?? 15));
  for (const engine of longestFirst) {
    const least = groups.reduce((best, group) => (group.minutes < best.minutes ? group : best));
    least.minutes += MINUTES[engine.id] ?? 15;
    least.engines.push(engine);
  }
  return groups
    .filter((group) => group.engines.length)
    .map((group) => engines.filter((engine) => group.engines.includes(engine)));
}
