import { chmodSync, cpSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { imageCacheRoot, RECIPE_DIR, recipeHash } from '../../../scripts/engines/recipe.ts';

function recipeCopy(): string {
  const dir = mkdtempSync(join(tmpdir(), 'wharf-recipe-'));
  cpSync(RECIPE_DIR, dir, { recursive: true });
  return dir;
}

describe('recipeHash', () => {
  it('is the same for an identical copy of the recipe', () => {
    expect(recipeHash(recipeCopy())).toBe(recipeHash(RECIPE_DIR));
  });

  it('changes when a package is added, a guest file changes or loses its executable bit', () => {
    const base = recipeHash(RECIPE_DIR);
    const added = recipeCopy();
    writeFileSync(join(added, 'packages.txt'), 'strace\n', { flag: 'a' });
    const edited = recipeCopy();
    writeFileSync(join(edited, 'guest/etc/wharf/docker-remote.json'), '{}');
    const notExecutable = recipeCopy();
    chmodSync(join(notExecutable, 'guest/usr/local/sbin/wharf-init'), 0o644);
    const hashes = [base, recipeHash(added), recipeHash(edited), recipeHash(notExecutable)];
    expect(new Set(hashes).size).toBe(4);
  });
});

describe('imageCacheRoot', () => {
  it('lives outside the repository: WHARF_CACHE, else XDG_CACHE_HOME, else ~/.cache', () => {
    expect(imageCacheRoot({ WHARF_CACHE: '/c/w' }, '/home/me')).toBe('/c/w/engines');
    expect(imageCacheRoot({ XDG_CACHE_HOME: '/x' }, '/home/me')).toBe('/x/wharf/engines');
    expect(imageCacheRoot({}, '/home/me')).toBe('/home/me/.cache/wharf/engines');
  });
});
