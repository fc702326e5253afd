// The deck's view of the runner protocol. Type-only imports: nothing from Node is bundled.
export type { FactValue, LabEvent } from '../../../labs/kit/core/events.ts';
export type { Recording, StreamedEvent } from '../../../runner/protocol.ts';
export type { EngineStatus } from '../../../runner/engine-source.ts';
