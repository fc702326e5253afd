import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { parseSections, sections, sectionsScript } from '../../labs/kit/parse/sections.ts';

describe('sections', () => {
  it('runs commands in one shell and splits their output back by name', () => {
    const script = sectionsScript({
      first: 'echo one; echo two',
      noNewline: "printf 'a\\0b'",
      failing: 'echo oops >&2; false',
      shared: 'x=3',
    });
    const output = execFileSync('sh', ['-c', `${script}; echo "x is $x"`], { encoding: 'utf8' });
    const sections = parseSections(output, ['first', 'noNewline', 'failing', 'shared', 'missing']);
    expect(sections.first).toBe('one\ntwo');
    expect(sections.noNewline).toBe('a\0b');
    expect(sections.failing).toBe('oops'); // stderr is kept, so a failure reads as what went wrong
    expect(sections.shared).toBe('x is 3'); // one shell: variables carry over, and trailing output joins the last section
    expect(sections.missing).toBe('');
  });
});

describe('sections()', () => {
  it('gives the command to run and a parser keyed by the same names', () => {
    const view = sections({ one: 'echo 1', two: 'echo 2; echo oops >&2' });
    expect(view.cmd.slice(0, 2)).toEqual(['sh', '-c']);
    const parsed = view.parse(execFileSync('sh', ['-c', view.script], { encoding: 'utf8' }));
    expect(parsed).toEqual({ one: '1', two: '2\noops' });
  });
});
