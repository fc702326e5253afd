// The deck's view of the runner protocol. Type-only imports: nothing from Node is bundled.
export type { EngineSummary, Facts, FactValue, LabEvent } from '../../../labs/kit/core/events.ts';
export type { EngineStatus, Recording, StreamedEvent } from '../../../runner/protocol.ts';
