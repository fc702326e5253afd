// The lab files themselves, read as text: what the screen shows is derived, and they stay readable.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const dir = new URL('../../labs/', import.meta.url);
const labFiles = readdirSync(dir).filter((file) => /^\d\d-.+\.ts$/.test(file));
const source = (file: string) => readFileSync(new URL(file, dir), 'utf8');

describe('lab files', () => {
  it('are there', () => {
    expect(labFiles.length).toBeGreaterThan(0);
  });

  it.each(labFiles)('%s writes no docker run, create, exec or build line by hand (the verbs derive them)', (file) => {
    const handWritten = source(file)
      .split('\n')
      .filter((line) => /ctx\.shown\(\s*[`'"]docker (run|create|exec|build)\b/.test(line));
    expect(handWritten).toEqual([]);
  });

  it.each(labFiles)('%s keeps every line within 120 columns, prose included', (file) => {
    const long = source(file)
      .split('\n')
      .map((line, index) => ({ line: index + 1, length: [...line].length }))
      .filter(({ length }) => length > 120);
    expect(long).toEqual([]);
  });

  it.each(labFiles)('%s imports only the kit index, never a layer behind it', (file) => {
    const kitImports = [...source(file).matchAll(/from '(\.\/kit\/[^']+)'/g)].map((m) => m[1]);
    expect(kitImports.every((path) => path === './kit/index.ts')).toBe(true);
  });
});
