// BuildKit's progress, as dockerd streams it from `POST /build?version=2`: `moby.buildkit.trace`
// records whose `aux` is a base64 protobuf StatusResponse (moby/buildkit control.proto):
//   StatusResponse { repeated Vertex vertexes = 1; repeated VertexStatus statuses = 2; repeated VertexLog logs = 3 }
//   Vertex { string digest = 1; repeated string inputs = 2; string name = 3; bool cached = 4;
//            Timestamp started = 5; Timestamp completed = 6; string error = 7 }
//   VertexLog { string vertex = 1; Timestamp timestamp = 2; int64 stream = 3; bytes msg = 4 }
// Only those fields are read, straight from the wire format: the few a build's story needs.
import type { BuildStep } from './build-steps.ts';

/** One vertex of the build graph: a Dockerfile step ("[2/3] RUN …") or BuildKit's own work ("[internal] …"). */
export interface Vertex {
  digest: string;
  name: string;
  cached: boolean;
  started: boolean;
  completed: boolean;
  error?: string;
}

type Field = { field: number; bytes?: Uint8Array; number?: number };

/** The fields of one protobuf message, in order; varints as numbers, length-delimited as bytes. */
function* fields(buf: Uint8Array): Generator<Field> {
  let at = 0;
  const varint = () => {
    let value = 0;
    for (let shift = 0; ; shift += 7) {
      const byte = buf[at++];
      if (byte === undefined) throw new Error('BuildKit status: truncated varint');
      value += (byte & 0x7f) * 2 ** shift;
      if (byte < 0x80) return value;
    }
  };
  while (at < buf.length) {
    const key = varint();
    const [field, wire] = [Math.floor(key / 8), key % 8];
    if (wire === 0) yield { field, number: varint() };
    else if (wire === 2) {
      const length = varint();
      yield { field, bytes: buf.subarray(at, at + length) };
      at += length;
    } else if (wire === 1) at += 8;
    else if (wire === 5) at += 4;
    else throw new Error(`BuildKit status: wire type ${wire} is not protobuf`);
  }
}

const text = (bytes: Uint8Array | undefined) => new TextDecoder().decode(bytes);

function vertex(buf: Uint8Array): Vertex {
  const v: Vertex = { digest: '', name: '', cached: false, started: false, completed: false };
  for (const { field, bytes, number } of fields(buf)) {
    if (field === 1) v.digest = text(bytes);
    else if (field === 3) v.name = text(bytes);
    else if (field === 4) v.cached = number === 1;
    else if (field === 5) v.started = true;
    else if (field === 6) v.completed = true;
    else if (field === 7) v.error = text(bytes);
  }
  return v;
}

/** One `moby.buildkit.trace` record's vertexes and log lines (what a RUN printed). */
export function decodeStatus(aux: string): { vertexes: Vertex[]; logs: { vertex: string; text: string }[] } {
  const vertexes: Vertex[] = [];
  const logs: { vertex: string; text: string }[] = [];
  for (const { field, bytes } of fields(Uint8Array.from(Buffer.from(aux, 'base64')))) {
    if (field === 1 && bytes) vertexes.push(vertex(bytes));
    if (field === 3 && bytes) {
      const log = { vertex: '', text: '' };
      for (const inner of fields(bytes)) {
        if (inner.field === 1) log.vertex = text(inner.bytes);
        if (inner.field === 4) log.text = text(inner.bytes);
      }
      logs.push(log);
    }
  }
  return { vertexes, logs };
}

/**
 * A build's vertexes as they stand at the end: BuildKit sends a vertex again each time it changes
 * (started, then completed or cached), so later records add to what earlier ones said.
 */
export class BuildKitProgress {
  readonly #vertexes = new Map<string, Vertex>();

  add(aux: string): { vertexes: Vertex[]; logs: { vertex: string; text: string }[] } {
    const status = decodeStatus(aux);
    for (const next of status.vertexes) {
      const known = this.#vertexes.get(next.digest);
      this.#vertexes.set(next.digest, {
        digest: next.digest,
        name: next.name || known?.name || '',
        cached: next.cached || Boolean(known?.cached),
        started: next.started || Boolean(known?.started),
        completed: next.completed || Boolean(known?.completed),
        ...((next.error ?? known?.error) ? { error: next.error ?? known?.error } : {}),
      });
    }
    return status;
  }

  get vertexes(): Vertex[] {
    return [...this.#vertexes.values()];
  }

  /** The Dockerfile's steps ("[2/3] RUN …"), in order, each cached or built; BuildKit's own work left out. */
  steps(): BuildStep[] {
    return (
      this.vertexes
        .map((v) => ({ v, step: /^\[(?:[\w.-]+ )?(\d+)\/(\d+)\] (.*)$/s.exec(v.name) }))
        .filter((entry): entry is { v: Vertex; step: RegExpExecArray } => entry.step !== null)
        // FROM names the starting image and builds nothing: never "cached", as with the classic builder.
        .map(({ v, step }) => {
          const instruction = step[3]!.trim();
          return { number: `${step[1]}/${step[2]}`, instruction, cached: v.cached && !/^FROM\b/.test(instruction) };
        })
        .sort((a, b) => Number(a.number.split('/')[0]) - Number(b.number.split('/')[0]))
    );
  }
}
