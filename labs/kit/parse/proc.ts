/** Parsers for what busybox prints from /proc and ps, shared by the labs and their tests. */

export interface ProcStat {
  pid: number;
  comm: string;
  ppid: number;
}

/** One line of /proc/<pid>/stat. The name sits in parentheses and may itself contain spaces or ')'. */
export function parseProcStat(line: string): ProcStat | undefined {
  const open = line.indexOf('(');
  const close = line.lastIndexOf(')');
  if (open < 0 || close < open) return undefined;
  const rest = line.slice(close + 2).split(' ');
  const pid = Number(line.slice(0, open).trim());
  const ppid = Number(rest[1]);
  if (!Number.isInteger(pid) || !Number.isInteger(ppid)) return undefined;
  return { pid, comm: line.slice(open + 1, close), ppid };
}

export interface PsRow {
  pid: number;
  rest: string;
}

/** `ps -o pid,...` output: the header line, then rows whose first column is the PID. */
export function parsePs(output: string): PsRow[] {
  return output
    .split('\n')
    .slice(1)
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => {
      const [pid = '', ...rest] = line.split(/\s+/);
      return { pid: Number(pid), rest: rest.join(' ') };
    })
    .filter((row) => Number.isInteger(row.pid));
}

/** A shell loop for the host-view helper: prints /proc/<pid>/stat for a process and each ancestor. */
export function ancestryScript(pid: number): string {
  return `p=${pid}; while [ "$p" -gt 0 ] 2>/dev/null; do s=$(cat /proc/$p/stat 2>/dev/null) || break; echo "$s"; r=\${s##*) }; set -- $r; p=$2; done`;
}

/** What `ancestryScript` printed: the process first, then each parent up to PID 1. */
export function parseAncestry(output: string): ProcStat[] {
  return output
    .split('\n')
    .map(parseProcStat)
    .filter((p) => p !== undefined);
}
