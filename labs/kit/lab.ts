import type Docker from 'dockerode';
import type { EngineInfo } from './engine/connect.ts';
import type { FactValue } from './events.ts';

/** What every lab file exports. */
export interface Lab {
  /** Stable id used on the command line, in labels, on slides: `npm run lab -- <id>`. */
  id: string;
  title: string;
  /** One line: what the audience will see. */
  shows: string;
  run(ctx: LabContext): Promise<void>;
}

/** What a lab gets to tell its story and touch the engine. */
export interface LabContext {
  docker: Docker;
  engine: EngineInfo;
  runId: string;
  /** `wharf.lab` and `wharf.run` labels: put them on everything the lab creates. */
  labels: Record<string, string>;
  /** The shared base image, built or found before the lab starts. */
  baseImage: string;
  /** Aborts on Ctrl-C, SIGTERM, a runner's Stop, or the run's deadline: pass it to every engine call. */
  signal: AbortSignal;
  /** A name unique to this run: `wharf-<lab>-<what>-<runId>`. */
  name(what: string): string;
  step(title: string): void;
  command(text: string): void;
  output(text: string): void;
  note(text: string): void;
  wait(label: string): void;
  fact(key: string, value: FactValue, label: string): void;
}

export function defineLab(lab: Lab): Lab {
  return lab;
}
