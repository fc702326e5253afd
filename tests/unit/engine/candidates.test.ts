import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Docker from 'dockerode';
import { describe, expect, it } from 'vitest';
import { type DiscoveryEnvironment, engineCandidates } from '../../../labs/kit/engine/candidates.ts';
import { dockerOptions } from '../../../labs/kit/engine/endpoint.ts';

function fixture(env: NodeJS.ProcessEnv = {}, platform: NodeJS.Platform = 'linux'): DiscoveryEnvironment {
  const home = mkdtempSync(join(tmpdir(), 'wharf-home-'));
  return { env, platform, home, root: '/fixture-root' };
}

function writeContext(configDir: string, name: string, host: string, current = true): void {
  const digest = createHash('sha256').update(name).digest('hex');
  mkdirSync(join(configDir, 'contexts', 'meta', digest), { recursive: true });
  writeFileSync(
    join(configDir, 'contexts', 'meta', digest, 'meta.json'),
    JSON.stringify({ Name: name, Endpoints: { docker: { Host: host } } }),
  );
  if (current) writeFileSync(join(configDir, 'config.json'), JSON.stringify({ currentContext: name }));
}

const guessedHosts = (environment: DiscoveryEnvironment) => engineCandidates(environment).guesses.map((c) => c.host);

describe('engineCandidates when nothing is chosen', () => {
  it('guesses the well-known sockets in design order', () => {
    const environment = fixture({ XDG_RUNTIME_DIR: '/run/user/1000' });
    expect(engineCandidates(environment).chosen).toBeUndefined();
    expect(guessedHosts(environment)).toEqual([
      'unix:///fixture-root/var/run/docker.sock',
      `unix://${environment.home}/.docker/run/docker.sock`,
      `unix://${environment.home}/.docker/desktop/docker.sock`,
      `unix://${environment.home}/.colima/default/docker.sock`,
      `unix://${environment.home}/.orbstack/run/docker.sock`,
      `unix://${environment.home}/.rd/docker.sock`,
      'unix:///run/user/1000/docker.sock',
      'unix:///run/user/1000/podman/podman.sock',
      'unix:///fixture-root/run/podman/podman.sock',
    ]);
  });

  it('adds Podman machine sockets on macOS: Podman 5 in $TMPDIR, Podman 4 under its data directory', () => {
    const environment = fixture({ TMPDIR: '/var/folders/xy/T/' }, 'darwin');
    const hosts = guessedHosts(environment);
    expect(hosts).toContain('unix:///var/folders/xy/T/podman/podman-machine-default-api.sock');
    expect(hosts).toContain(
      `unix://${environment.home}/.local/share/containers/podman/machine/podman-machine-default/podman.sock`,
    );
    expect(guessedHosts(fixture({ TMPDIR: '/tmp' }))).not.toContain(
      'unix:///tmp/podman/podman-machine-default-api.sock',
    );
  });

  it('finds every Lima instance, the default one first, and honours LIMA_HOME', () => {
    const environment = fixture();
    for (const name of ['podman', 'default', '_config', 'docker'])
      mkdirSync(join(environment.home, '.lima', name), { recursive: true });
    const lima = guessedHosts(environment).filter((host) => host.includes('.lima'));
    expect(lima).toEqual(
      ['default', 'default', 'docker', 'docker', 'podman', 'podman'].map(
        (name, i) => `unix://${environment.home}/.lima/${name}/sock/${i % 2 ? 'podman' : 'docker'}.sock`,
      ),
    );

    const limaHome = mkdtempSync(join(tmpdir(), 'wharf-lima-'));
    mkdirSync(join(limaHome, 'colima-like'));
    expect(guessedHosts(fixture({ LIMA_HOME: limaHome }))).toContain(`unix://${limaHome}/colima-like/sock/docker.sock`);
  });

  it('treats the "default" context as nothing chosen', () => {
    const environment = fixture({ DOCKER_CONTEXT: 'default' });
    expect(engineCandidates(environment).chosen).toBeUndefined();
    expect(engineCandidates(environment).guesses[0]?.source).toBe('well-known socket');
  });

  it('uses the named pipe on Windows', () => {
    const [pipe] = engineCandidates(fixture({}, 'win32')).guesses;
    expect(pipe?.host).toBe('npipe:////./pipe/docker_engine');
    expect(pipe?.socketPath).toBe('\\\\.\\pipe\\docker_engine');
  });
});

describe('engineCandidates when an engine is chosen', () => {
  it('makes DOCKER_HOST the only candidate, even when it is a well-known socket', () => {
    const environment = fixture({ DOCKER_HOST: 'unix:///fixture-root/var/run/docker.sock' });
    expect(engineCandidates(environment)).toEqual({
      chosen: expect.objectContaining({ source: 'DOCKER_HOST', socketPath: '/fixture-root/var/run/docker.sock' }),
      overridden: [],
      guesses: [],
    });
  });

  it('lets DOCKER_HOST win over the current context, and says the context is not used', () => {
    const environment = fixture({ DOCKER_HOST: 'tcp://127.0.0.1:2375' });
    writeContext(join(environment.home, '.docker'), 'colima', 'unix:///Users/me/.colima/default/docker.sock');
    const { chosen, overridden, guesses } = engineCandidates(environment);
    expect(chosen).toMatchObject({ source: 'DOCKER_HOST', host: 'tcp://127.0.0.1:2375' });
    expect(overridden).toEqual([
      'docker context "colima" unix:///Users/me/.colima/default/docker.sock: DOCKER_HOST overrides it',
    ]);
    expect(guesses).toEqual([]);
  });

  it('makes the current context the only candidate', () => {
    const environment = fixture();
    writeContext(join(environment.home, '.docker'), 'colima', 'unix:///Users/me/.colima/default/docker.sock');
    expect(engineCandidates(environment)).toMatchObject({
      chosen: { source: 'docker context "colima"', socketPath: '/Users/me/.colima/default/docker.sock' },
      guesses: [],
    });
  });

  it('prefers DOCKER_CONTEXT over config.json and honours DOCKER_CONFIG', () => {
    const configDir = mkdtempSync(join(tmpdir(), 'wharf-docker-config-'));
    writeContext(configDir, 'desktop-linux', 'unix:///from/config.sock');
    writeContext(configDir, 'remote', 'tcp://10.0.0.5:2376', false);
    const environment = fixture({ DOCKER_CONFIG: configDir, DOCKER_CONTEXT: 'remote' });
    expect(engineCandidates(environment).chosen).toMatchObject({
      source: 'docker context "remote"',
      host: 'tcp://10.0.0.5:2376',
    });
  });

  it('refuses a named context that does not exist instead of guessing, as docker does', () => {
    expect(() => engineCandidates(fixture({ DOCKER_CONTEXT: 'gone' }))).toThrow(
      /DOCKER_CONTEXT names the docker context "gone", which has no engine address/,
    );
    const environment = fixture();
    mkdirSync(join(environment.home, '.docker'));
    writeFileSync(join(environment.home, '.docker', 'config.json'), JSON.stringify({ currentContext: 'deleted' }));
    expect(() => engineCandidates(environment)).toThrow(
      /"currentContext" in .*config.json names the docker context "deleted"/,
    );
  });
});

describe('dockerOptions', () => {
  it('maps tcp with TLS material to https with the certificates', () => {
    const tlsDir = mkdtempSync(join(tmpdir(), 'wharf-tls-'));
    for (const file of ['ca.pem', 'cert.pem', 'key.pem']) writeFileSync(join(tlsDir, file), file);
    const options = dockerOptions({ source: 'DOCKER_HOST', host: 'tcp://192.0.2.1:2376', tlsDir });
    expect(options).toMatchObject({ protocol: 'https', host: '192.0.2.1', port: '2376' });
    expect(String(options.ca)).toBe('ca.pem');
  });

  it('maps plain tcp to http and ssh to dockerode ssh options', () => {
    expect(dockerOptions({ source: 'x', host: 'tcp://127.0.0.1:2375' })).toMatchObject({
      protocol: 'http',
      port: '2375',
    });
    expect(dockerOptions({ source: 'x', host: 'ssh://me@build-box:2222' })).toMatchObject({
      protocol: 'ssh',
      host: 'build-box',
      username: 'me',
      port: '2222',
    });
  });

  it('keeps a chosen socket even when DOCKER_HOST names another engine, which docker-modem would prefer', () => {
    const before = process.env.DOCKER_HOST;
    process.env.DOCKER_HOST = 'tcp://192.0.2.1:2375';
    try {
      const socketPath = '/run/wharf-userns.sock';
      const { modem } = new Docker(dockerOptions({ source: 'x', host: `unix://${socketPath}`, socketPath }));
      expect(modem).toMatchObject({ socketPath, host: undefined, protocol: 'http' });
    } finally {
      if (before === undefined) delete process.env.DOCKER_HOST;
      else process.env.DOCKER_HOST = before;
    }
  });

  it('refuses an address it cannot use', () => {
    expect(() => dockerOptions({ source: 'x', host: 'fd://' })).toThrow(/unsupported engine address/);
  });
});
