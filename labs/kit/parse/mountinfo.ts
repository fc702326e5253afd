/** /proc/<pid>/mountinfo: which filesystem a process sees mounted where. */

export interface Mount {
  mountPoint: string;
  fsType: string;
  source: string;
}

/**
 * One mountinfo line: `id parent major:minor root mountpoint options [optional fields...] - fstype
 * source superoptions`. The optional fields vary in number, so everything after the lone `-` counts.
 */
export function parseMountinfoLine(line: string): Mount | undefined {
  const fields = line.trim().split(' ');
  const dash = fields.indexOf('-', 6);
  if (dash < 0 || fields.length < dash + 3) return undefined;
  const decode = (text: string) =>
    text.replace(/\\([0-7]{3})/g, (_, octal: string) => String.fromCharCode(parseInt(octal, 8)));
  return { mountPoint: decode(fields[4]!), fsType: fields[dash + 1]!, source: decode(fields[dash + 2]!) };
}

/** The mount a process sees at `/` (the last one: a later mount on the same point hides earlier ones). */
export function rootMount(mountinfo: string): Mount | undefined {
  return mountinfo
    .split('\n')
    .map(parseMountinfoLine)
    .filter((mount) => mount?.mountPoint === '/')
    .at(-1);
}
