/** What overlay2 and `docker diff` report, turned into lines a room can read. */
import { clip, humanBytes, type Layer } from './layers.ts';

/** `…/overlay2/<64 hex>-init/diff` → `<12 hex>-init`: the layer directory's name, shortened like an id. */
export function layerDirName(path: string): string {
  const dir =
    path
      .replace(/\/diff$/, '')
      .split('/')
      .at(-1) ?? path;
  return dir.replace(/[0-9a-f]{64}/, (id) => id.slice(0, 12));
}

/** A colon-separated LowerDir (or one UpperDir) as short directory names, top first. */
export const layerDirs = (paths: string | undefined): string[] => (paths ? paths.split(':').map(layerDirName) : []);

/** The engine's changes list uses Kind 0, 1, 2; `docker diff` prints C, A, D. */
export const DIFF_KINDS = [
  { letter: 'C', key: 'changed' },
  { letter: 'A', key: 'added' },
  { letter: 'D', key: 'deleted' },
] as const;

/** One row per layer of two images (a's, then b's own), with ticks for the base image, a and b. */
export function layerTable(base: string[], a: Layer[], b: Layer[]): string {
  const rows = [...a, ...b.filter((layer) => !a.some((other) => other.digest === layer.digest))];
  const mark = (list: { digest: string }[] | string[], digest: string) =>
    list.some((item) => (typeof item === 'string' ? item : item.digest) === digest) ? '✓' : ' ';
  const header = `${'layer'.padEnd(14)}${'size'.padEnd(10)}${'made by'.padEnd(46)}base  a  b`;
  const row = (layer: Layer) =>
    `${layer.digest.padEnd(14)}${(layer.bytes === null ? '?' : humanBytes(layer.bytes)).padEnd(10)}` +
    `${clip(layer.step ?? '?', 44).padEnd(46)} ${mark(base, layer.digest)}    ` +
    `${mark(a, layer.digest)}  ${mark(b, layer.digest)}`;
  return [header, ...rows.map(row)].join('\n');
}

/** Lists a directory for `upperEntries`: stat, not ls, since a whiteout is told apart by type and device. */
export const statScript = (dir: string) =>
  `cd ${dir} && find . -mindepth 1 | sort | while read f; do stat -c '%F|%t,%T|%s|%n' "$f"; done`;

/** `statScript` output as `path/`, `path (N B)` or `path (whiteout)` (a 0/0 character device). */
export function upperEntries(output: string): string[] {
  return output
    .trim()
    .split('\n')
    .filter(Boolean)
    .map((line) => {
      const [type = '', device = '', size = '', path = ''] = line.split('|');
      const name = path.replace(/^\.\//, '');
      if (type.startsWith('character') && device === '0,0') return `${name} (whiteout)`;
      return type === 'directory' ? `${name}/` : `${name} (${size} B)`;
    });
}

/** `docker diff` as it prints (`A /tmp/new.txt`), and its paths by kind, sorted. */
export function diffByKind(changes: { Path: string; Kind: 0 | 1 | 2 }[]) {
  const paths = (kind: 0 | 1 | 2) =>
    changes
      .filter((c) => c.Kind === kind)
      .map((c) => c.Path)
      .sort();
  const text = changes.map((c) => `${DIFF_KINDS[c.Kind].letter} ${c.Path}`).join('\n');
  return { text, added: paths(1), changed: paths(0), deleted: paths(2) };
}

/** Overlay directories as `docker inspect` reports them in GraphDriver.Data. */
export type OverlayData = { UpperDir?: string; LowerDir?: string; MergedDir?: string } | null | undefined;

/** Where two containers' layers and their image's live, one aligned row each, as a slide shows them. */
export function overlayTable(first: OverlayData, second: OverlayData, imageDirs: string[]): string {
  return [
    `first   UpperDir  ${first?.UpperDir}`,
    `second  UpperDir  ${second?.UpperDir}`,
    `first   LowerDir  ${layerDirs(first?.LowerDir).join(' : ')}`,
    `second  LowerDir  ${layerDirs(second?.LowerDir).join(' : ')}`,
    `image   layers    ${imageDirs.join(' : ')}`,
    `first   MergedDir ${first?.MergedDir ?? '?'}`,
  ].join('\n');
}

/**
 * Three files as a container sees them after the layers lab's changes: each file's content (or
 * absent), and how many lines /etc/passwd has. One "path<TAB>what" line each.
 */
export const FILE_VIEW = {
  cmd: [
    'sh',
    '-c',
    'for f in /opt/common.txt /tmp/new.txt; do ' +
      'if [ -e $f ]; then printf "%s\\t%s\\n" $f "$(cat $f)"; else printf "%s\\t-\\n" $f; fi; done; ' +
      'printf "/etc/passwd\\t%s lines\\n" $(wc -l < /etc/passwd)',
  ],
  shown: ['sh', '-c', 'cat /opt/common.txt; cat /tmp/new.txt; wc -l < /etc/passwd'],
};

export type FileView = { '/opt/common.txt': string | null; '/tmp/new.txt': string | null; passwdLines: number };

/** `FILE_VIEW` output, as the view and as the lines a room reads. */
export function parseFileView(stdout: string): { view: FileView; text: string } {
  const rows = new Map(
    stdout
      .trim()
      .split('\n')
      .map((line) => line.split('\t') as [string, string]),
  );
  const content = (path: string) => (rows.get(path) === '-' ? null : (rows.get(path) ?? null));
  const view = {
    '/opt/common.txt': content('/opt/common.txt'),
    '/tmp/new.txt': content('/tmp/new.txt'),
    passwdLines: Number.parseInt(rows.get('/etc/passwd') ?? '', 10),
  };
  return { view, text: stdout.replaceAll('\t-\n', '\t(absent)\n').replaceAll('\t', '  ') };
}
