/**
 * Several commands in one shell run (one exec, one helper container), each output under a marker
 * line, then split back by name: every round trip to the engine costs a visible fraction of a second.
 */

const marker = (name: string) => `--- wharf:${name} ---`;

/**
 * A script running each command in turn, its output (stdout and stderr) headed by its name. The
 * marker starts with a newline, since some output (e.g. /proc/<pid>/cmdline) does not end with one.
 */
export function sectionsScript(commands: Record<string, string>): string {
  return Object.entries(commands)
    .map(([name, command]) => `printf '\\n${marker(name)}\\n'; { ${command}; } 2>&1`)
    .join('; ');
}

/** The output of `sectionsScript`, back as name → trimmed text (a missing section reads as ''). */
export function parseSections<K extends string>(output: string, names: readonly K[]): Record<K, string> {
  const found: Record<string, string[]> = {};
  let current: string[] | undefined;
  for (const line of output.split('\n')) {
    const name = /^--- wharf:(.+) ---$/.exec(line)?.[1];
    if (name !== undefined) current = found[name] = [];
    else current?.push(line);
  }
  return Object.fromEntries(names.map((name) => [name, (found[name] ?? []).join('\n').trim()])) as Record<K, string>;
}

/** Commands to run in one shell (`script`, or `cmd` to exec), with the parser of what it printed. */
export interface Sections<K extends string> {
  script: string;
  cmd: string[];
  parse(output: string): Record<K, string>;
}

/** Commands to run in one shell, with the parser of what it printed: `view.parse(stdout).routes`. */
export function sections<K extends string>(commands: Record<K, string>): Sections<K> {
  const script = sectionsScript(commands);
  const parse = (output: string) => parseSections(output, Object.keys(commands) as K[]);
  return { script, cmd: ['sh', '-c', script], parse };
}
