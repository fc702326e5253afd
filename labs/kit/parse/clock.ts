// Timing inside a container or a VM with busybox alone: its `date` has no nanoseconds, but `adjtimex`
// prints the kernel's clock in microseconds, without privilege.

/** A shell function `now` printing microseconds since the epoch (busybox: adjtimex and awk only). */
export const NOW_US = `now() { adjtimex | awk '/tv_sec/ {s=$2} /tv_usec/ {u=$2} END {printf "%d%06d\\n", s, u}'; }`;

/**
 * Wraps `body` so the script prints `<label> <microseconds>` for it, timed by the kernel's clock
 * from inside (no container start, no client round trip in the figure).
 */
export const timedScript = (label: string, body: string) =>
  `t0=$(now); ${body}; t1=$(now); echo "${label} $((t1 - t0))"`;

/** `<label> <microseconds>` lines → milliseconds by label (each label's samples, in order). */
export function parseTimings(text: string): Record<string, number[]> {
  const out: Record<string, number[]> = {};
  for (const line of text.split('\n')) {
    const match = /^(\S+) (\d+)$/.exec(line.trim());
    if (!match) continue;
    const label = match[1] as string;
    out[label] = [...(out[label] ?? []), Number(match[2]) / 1000];
  }
  return out;
}

export const median = (samples: number[]) => {
  const sorted = [...samples].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] ?? Number.NaN) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
};

/** A ratio rounded for people: two decimals below 10, one above. */
export const ratio = (a: number, b: number) => {
  const r = a / b;
  return r >= 10 ? Math.round(r * 10) / 10 : Math.round(r * 100) / 100;
};
