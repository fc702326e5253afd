import { engine } from './engine.ts';
import { eventBlock } from './event.ts';
import { hypervisorTypes } from './hypervisor-types.ts';
import { layers } from './layers.ts';
import { processSandbox } from './process-sandbox.ts';
import type { Diagram } from './types.ts';
import { vmVsContainer } from './vm-vs-container.ts';

export type { Diagram, RenderOptions } from './types.ts';

/** Every diagram a chapter may place with `<div class="diagram" data-diagram="NAME">`. */
export const diagrams: ReadonlyMap<string, Diagram> = new Map(
  [hypervisorTypes, vmVsContainer, engine, layers, processSandbox, eventBlock].map((d) => [d.name, d]),
);
