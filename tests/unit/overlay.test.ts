import { describe, expect, it } from 'vitest';
import {
  diffByKind,
  layerDirName,
  layerDirs,
  layerTable,
  parseFileView,
  upperEntries,
} from '../../labs/kit/parse/overlay.ts';

const id = 'a'.repeat(64);

describe('overlay2 directories', () => {
  it('shortens a layer directory like an id, keeping -init', () => {
    expect(layerDirName(`/var/lib/docker/overlay2/${id}-init/diff`)).toBe(`${'a'.repeat(12)}-init`);
    expect(layerDirs(`/x/l1/${id}/diff:/x/${'b'.repeat(64)}/diff`)).toEqual(['a'.repeat(12), 'b'.repeat(12)]);
    expect(layerDirs(undefined)).toEqual([]);
  });

  it('reads a stat listing of an upper directory, whiteouts included', () => {
    const listing = [
      'directory|0,0|4096|./etc',
      'regular file|0,0|1234|./etc/passwd',
      'character special file|0,0|0|./opt/common.txt',
      'character special file|1,3|0|./dev/null',
    ].join('\n');
    expect(upperEntries(`${listing}\n`)).toEqual([
      'etc/',
      'etc/passwd (1234 B)',
      'opt/common.txt (whiteout)',
      'dev/null (0 B)',
    ]);
  });

  it('ticks which image has which layer', () => {
    const layer = (digest: string) => ({ digest, bytes: 10, step: 'RUN x' });
    const table = layerTable(['b1'], [layer('b1'), layer('a1')], [layer('b1'), layer('c1')]).split('\n');
    expect(table).toHaveLength(4);
    expect(table[1]?.endsWith(' ✓    ✓  ✓')).toBe(true); // the base layer: in all three
    expect(table[2]?.endsWith('      ✓   ')).toBe(true); // a's own
    expect(table[3]?.endsWith('         ✓')).toBe(true); // b's own
  });
});

describe('diffByKind', () => {
  it('prints changes as docker diff does and sorts paths by kind', () => {
    const changes = [
      { Path: '/tmp/new.txt', Kind: 1 as const },
      { Path: '/tmp', Kind: 0 as const },
      { Path: '/etc/passwd', Kind: 0 as const },
      { Path: '/opt/common.txt', Kind: 2 as const },
    ];
    const diff = diffByKind(changes);
    expect(diff.text).toBe('A /tmp/new.txt\nC /tmp\nC /etc/passwd\nD /opt/common.txt');
    expect(diff).toMatchObject({
      added: ['/tmp/new.txt'],
      changed: ['/etc/passwd', '/tmp'],
      deleted: ['/opt/common.txt'],
    });
  });
});

describe('parseFileView', () => {
  it('reads contents, absent files and the passwd line count', () => {
    const stdout = '/opt/common.txt\t-\n/tmp/new.txt\twritten by the lab\n/etc/passwd\t21 lines\n';
    const { view, text } = parseFileView(stdout);
    expect(view).toEqual({ '/opt/common.txt': null, '/tmp/new.txt': 'written by the lab', passwdLines: 21 });
    expect(text).toContain('/opt/common.txt  (absent)');
  });
});
