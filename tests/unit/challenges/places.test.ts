import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cacheDir, stateFile, workDirOf } from '../../../challenges/places.ts';

describe('cacheDir', () => {
  it("follows each platform's convention, under the home folder", () => {
    expect(cacheDir({}, 'linux', '/home/ada')).toBe('/home/ada/.cache/wharf');
    expect(cacheDir({ XDG_CACHE_HOME: '/xdg' }, 'linux', '/home/ada')).toBe('/xdg/wharf');
    expect(cacheDir({}, 'darwin', '/Users/ada')).toBe('/Users/ada/Library/Caches/wharf');
    expect(cacheDir({ LOCALAPPDATA: 'C:\\Users\\ada\\AppData\\Local' }, 'win32', 'C:\\Users\\ada')).toBe(
      join('C:\\Users\\ada\\AppData\\Local', 'wharf'),
    );
  });

  it("WHARF_CACHE_DIR wins, so tests never touch a person's own state", () => {
    expect(cacheDir({ WHARF_CACHE_DIR: '/tmp/x', XDG_CACHE_HOME: '/xdg' }, 'linux', '/home/ada')).toBe('/tmp/x');
  });

  it('keeps work folders and the state file inside it, never in the repo', () => {
    expect(workDirOf('bind-owner', '/c')).toBe(join('/c', 'challenges', 'bind-owner'));
    expect(stateFile('/c')).toBe(join('/c', 'challenges-state.json'));
  });
});
