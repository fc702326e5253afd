import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { quoteWord, shellLine } from '../../../labs/kit/spec/shell.ts';

describe('shellLine', () => {
  it('leaves plain words bare and quotes the rest', () => {
    expect(shellLine(['docker', 'run', '-p', '127.0.0.1::8080', 'a=b,c'])).toBe('docker run -p 127.0.0.1::8080 a=b,c');
    expect(quoteWord('')).toBe("''");
    expect(quoteWord('{{.State.Pid}}')).toBe("'{{.State.Pid}}'");
  });

  it('is read back by sh as exactly the same words', () => {
    const words = ["it's", 'a "quote"', '$HOME', 'tab\there', 'new\nline', '*', '\\'];
    const echoed = execFileSync('sh', ['-c', `printf '%s\\0' ${shellLine(words)}`]).toString('utf8');
    expect(echoed.split('\0').slice(0, -1)).toEqual(words);
  });
});
