import { describe, expect, it } from 'vitest';
import { parseAncestry, parseProcStat, parsePs } from '../../labs/kit/parse/proc.ts';

describe('parseProcStat', () => {
  it('reads pid, name and parent', () => {
    expect(parseProcStat('4242 (sleep) S 4200 4242 4242 0 -1 4194560 96 0')).toEqual({
      pid: 4242,
      comm: 'sleep',
      ppid: 4200,
    });
  });

  it('copes with spaces and parentheses inside the process name', () => {
    expect(parseProcStat('77 (tmux: (server)) S 1 77 77 0')).toEqual({ pid: 77, comm: 'tmux: (server)', ppid: 1 });
  });

  it('rejects lines that are not stat lines', () => {
    expect(parseProcStat('cat: /proc/9/stat: No such file')).toBeUndefined();
  });
});

describe('parsePs', () => {
  it('skips the header and keeps the rest of each row', () => {
    expect(parsePs('PID   USER  COMMAND\n    1 root  sleep 3600\n   12 root  ps -o pid\n')).toEqual([
      { pid: 1, rest: 'root sleep 3600' },
      { pid: 12, rest: 'root ps -o pid' },
    ]);
  });
});

describe('parseAncestry', () => {
  it('keeps the readable stat lines in order and skips the rest', () => {
    const output = '4242 (sleep) S 4200 1\n4200 (containerd-shim) S 1 1\ngarbage\n1 (init) S 0 1\n';
    expect(parseAncestry(output).map((p) => `${p.pid} ${p.comm} ${p.ppid}`)).toEqual([
      '4242 sleep 4200',
      '4200 containerd-shim 1',
      '1 init 0',
    ]);
  });
});
