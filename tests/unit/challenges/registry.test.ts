// Every challenge file follows the same contract: fixed wharf-ch- names, both languages, hints, a
// solution for either CLI, and a slide pointer. (Each one's check is tested on the real engine.)
import { describe, expect, it } from 'vitest';
import { challenges, findChallenge } from '../../../challenges/index.ts';
import { chooseLang, forCli } from '../../../challenges/session.ts';

describe('the challenges', () => {
  it('are at least ten, with unique ids', () => {
    expect(challenges.length).toBeGreaterThanOrEqual(10);
    expect(new Set(challenges.map((c) => c.id)).size).toBe(challenges.length);
    expect(findChallenge('nope')).toBeUndefined();
  });

  it.each(challenges.map((c) => [c.id, c] as const))(
    '%s: names, texts, hints and solution follow the contract',
    (_id, c) => {
      const names = [...(c.names.containers ?? []), ...(c.names.volumes ?? []), ...(c.names.images ?? [])];
      expect(names.length).toBeGreaterThan(0);
      for (const name of names) expect(name).toMatch(/^wharf-ch-[a-z0-9-]+(:[a-z0-9.]+)?$/);
      const setting = { cli: 'docker' as const, workDir: '/w' };
      for (const lang of ['en', 'zh'] as const) {
        expect(c.title[lang].length).toBeGreaterThan(3);
        expect(c.task(setting)[lang].length).toBeGreaterThan(20);
        for (const hint of c.hints) expect(hint[lang].length).toBeGreaterThan(5);
      }
      expect(c.hints.length).toBeGreaterThanOrEqual(2);
      expect(c.slide.chapter).toMatch(/^\d\d-[a-z-]+$/);
      // The task names what the check looks for.
      for (const name of names)
        expect(c.task(setting).en + c.solution(setting).join('\n')).toContain(name.split(':')[0]);
      const podman = c.solution({ cli: 'podman', workDir: '/w' });
      expect(podman.join('\n')).not.toMatch(/\bdocker /);
      expect(podman.some((line) => line.startsWith('podman '))).toBe(true);
    },
  );
});

describe('forCli and chooseLang', () => {
  it('turns docker commands in hints into podman ones, and leaves prose alone', () => {
    expect(forCli('docker run -d x; then docker inspect y', 'podman')).toBe('podman run -d x; then podman inspect y');
    expect(forCli('Data that survives docker rm', 'docker')).toBe('Data that survives docker rm');
    expect(forCli('the docker daemon', 'podman')).toBe('the docker daemon');
  });

  it('picks zh from --lang or a Chinese locale, else English', () => {
    expect(chooseLang('zh', {})).toBe('zh');
    expect(chooseLang(undefined, { LANG: 'zh_CN.UTF-8' })).toBe('zh');
    expect(chooseLang(undefined, { LANG: 'de_DE.UTF-8' })).toBe('en');
    expect(chooseLang('en', { LANG: 'zh_CN.UTF-8' })).toBe('en');
  });
});

describe("bind-owner: the engine's name for the folder", () => {
  it('matches the folder as given, and as an engine in a VM reports it', async () => {
    const { samePlace } = await import('../../../challenges/05-bind-owner.ts');
    expect(
      samePlace('/home/ada/.cache/wharf/challenges/bind-owner', '/home/ada/.cache/wharf/challenges/bind-owner'),
    ).toBe(true);
    expect(
      samePlace(
        '/run/desktop/mnt/host/c/Users/Ada/AppData/Local/wharf/challenges/bind-owner',
        'C:\\Users\\Ada\\AppData\\Local\\wharf\\challenges\\bind-owner',
      ),
    ).toBe(true);
    expect(samePlace('/home/ada/elsewhere', '/home/ada/.cache/wharf/challenges/bind-owner')).toBe(false);
  });
});
