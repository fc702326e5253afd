import type { HistoryEntry } from '../engine/image-calls.ts';

/** One layer of an image: its content digest, and the instruction that made it with its size. */
export interface Layer {
  /** First 12 hex digits of the layer's digest (its diff ID), the way `docker` shortens ids. */
  digest: string;
  /** Null when the history could not be matched to the layers (see layersOf). */
  bytes: number | null;
  step: string | null;
}

export const shortDigest = (digest: string) => digest.replace(/^sha256:/, '').slice(0, 12);

// Instructions that only change the image's config. Everything else (RUN, COPY, ADD) adds a layer.
const METADATA =
  /^(ENV|CMD|ENTRYPOINT|LABEL|EXPOSE|USER|ARG|WORKDIR|VOLUME|STOPSIGNAL|HEALTHCHECK|SHELL|ONBUILD|MAINTAINER)\b/;
const NOP = /^\/bin\/sh -c #\(nop\)\s*/;

/**
 * A history entry's `CreatedBy` as the Dockerfile instruction a person wrote. The classic builder
 * and Podman record RUN as the bare command (prefixed by `|N ARG=value…` when build args were in
 * effect) and other instructions after `#(nop)`; BuildKit writes the instruction and `# buildkit`.
 */
export function instructionOf(createdBy: string): string {
  let text = createdBy.trim().replace(/\s*# buildkit$/, '');
  const args = /^\|(\d+) /.exec(text);
  if (args) text = text.slice(args[0].length).split(' ').slice(Number(args[1])).join(' ');
  if (NOP.test(text)) return text.replace(NOP, '');
  if (/^[A-Z]+ /.test(text)) return text.replace(/^RUN \/bin\/sh -c /, 'RUN ');
  return `RUN ${text.replace(/^\/bin\/sh -c /, '')}`;
}

/**
 * Pairs an image's layers (inspect `RootFS.Layers`, oldest first) with the history entries that made
 * them (`docker history`, newest first). The engine's history does not say which entries carry a
 * layer, so the metadata-only instructions are skipped by name, falling back to "has a size"; when
 * neither lines up with the layer count, sizes and steps are left unknown rather than guessed.
 */
export function layersOf(diffIds: string[], history: HistoryEntry[]): Layer[] {
  const oldestFirst = [...history].reverse();
  let makers = oldestFirst.filter((entry) => !METADATA.test(instructionOf(entry.CreatedBy)));
  if (makers.length !== diffIds.length) makers = oldestFirst.filter((entry) => entry.Size > 0);
  const matched = makers.length === diffIds.length;
  return diffIds.map((id, index) => {
    const maker = matched ? makers[index] : undefined;
    return { digest: shortDigest(id), bytes: maker?.Size ?? null, step: maker ? instructionOf(maker.CreatedBy) : null };
  });
}

/** Sizes the way `docker images` prints them (decimal units). */
export function humanBytes(bytes: number): string {
  const units = ['B', 'kB', 'MB', 'GB', 'TB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit += 1;
  }
  return unit === 0 ? `${bytes} B` : `${value.toFixed(value < 10 ? 2 : 1)} ${units[unit]}`;
}

/** Shortens a long instruction for one terminal line. */
export function clip(text: string, max = 60): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
