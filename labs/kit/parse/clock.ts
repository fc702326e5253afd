// Timing inside a container or a VM with busybox alone: its `date` has no nanoseconds, but `adjtimex`
// prints the kernel's clock without privilege. Its "tv_usec" holds NANOseconds whenever the kernel's
// status has STA_NANO (0x2000), which a time daemon may set at any moment (this machine's did in
// mid-session, and a fork+exec read 655 ms): the status is read with it. /proc/uptime, monotonic but in
// hundredths of a second, is read beside it too, and wins when the two disagree (a stepped wall clock).

/** A shell function `now` printing `<µs since the epoch> <hundredths of a second since boot>`. */
export const NOW_US =
  "now() { { cut -d' ' -f1 /proc/uptime; adjtimex; } | awk 'NR == 1 {sub(/\\./, \"\"); c = $1} " +
  '/status:/ {nano = int($2 / 8192) % 2} /tv_sec/ {s = $2} /tv_usec/ {u = nano ? int($2 / 1000) : $2} ' +
  'END {printf "%d%06d %d\\n", s, u, c}\'; }';

/**
 * Wraps `body` so the script prints `<label> <µs> <hundredths>` for it, timed by the kernel's clocks
 * from inside (no container start, no client round trip in the figure).
 */
export const timedScript = (label: string, body: string) =>
  `t0=$(now); ${body}; t1=$(now); echo "${label} $((\${t1% *} - \${t0% *})) $((\${t1#* } - \${t0#* }))"`;

/** How far the two clocks may disagree (ticks of 10 ms, two reads each) before the wall clock counts as stepped. */
const STEP_MS = 50;

/** `<label> <µs> [<hundredths>]` lines → milliseconds by label (each label's samples, in order). */
export function parseTimings(text: string): Record<string, number[]> {
  const out: Record<string, number[]> = {};
  for (const line of text.split('\n')) {
    const match = /^(\S+) (-?\d+)(?: (\d+))?$/.exec(line.trim());
    if (!match) continue;
    const label = match[1] as string;
    const wall = Number(match[2]) / 1000;
    const monotonic = match[3] === undefined ? wall : Number(match[3]) * 10;
    out[label] = [...(out[label] ?? []), Math.abs(wall - monotonic) > STEP_MS ? monotonic : wall];
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
