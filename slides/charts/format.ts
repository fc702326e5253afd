// Human units for the figures on myth charts. Each keeps enough digits that a reader (and the deck
// test, which parses them back) can tell the figure from its neighbours.

/** 0.99 ms, 7.0 ms, 380 ms, 7.03 s, 42.5 s. */
export function duration(ms: number): string {
  if (ms < 10) return `${Number(ms.toPrecision(2))} ms`;
  if (ms < 1000) return `${Math.round(ms)} ms`;
  return `${(ms / 1000).toFixed(ms < 10_000 ? 2 : 1)} s`;
}

/** 13.1 MiB: binary, as the memory figures the labs read from cgroups and /proc. */
export function mebibytes(bytes: number): string {
  return `${(bytes / 2 ** 20).toFixed(1)} MiB`;
}

/** 1.99 MB: decimal, as `docker images` prints sizes. */
export function megabytes(bytes: number): string {
  return `${(bytes / 1e6).toFixed(2)} MB`;
}

export function times(ratio: number): string {
  return `${ratio}×`;
}

/** A rough width of a line of text in pixels, for layout without a DOM: CJK glyphs are one em. */
export function textWidth(text: string, size: number, mono = false): number {
  let em = 0;
  for (const char of text) em += /[\u2e80-\u9fff\uff00-\uffef]/.test(char) ? 1 : mono ? 0.6 : 0.56;
  return em * size;
}
