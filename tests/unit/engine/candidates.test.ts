import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { engineCandidates, type DiscoveryEnvironment } from '../../../labs/kit/engine/candidates.ts';
import { dockerOptions } from '../../../labs/kit/engine/endpoint.ts';

function fixture(env: NodeJS.ProcessEnv = {}, platform: NodeJS.Platform = 'linux'): DiscoveryEnvironment {
  const home = mkdtempSync(join(tmpdir(), 'wharf-home-'));
  return { env, platform, home, root: '/fixture-root' };
}

function writeContext(configDir: string, name: string, host: string, current = true): void {
  const digest = createHash('sha256').update(name).digest('hex');
  mkdirSync(join(configDir, 'contexts', 'meta', digest), { recursive: true });
  writeFileSync(join(configDir, 'contexts', 'meta', digest, 'meta.json'), JSON.stringify({ Name: name, Endpoints: { docker: { Host: host } } }));
  if (current) writeFileSync(join(configDir, 'config.json'), JSON.stringify({ currentContext: name }));
}

describe('engineCandidates', () => {
  it('lists the well-known sockets in design order when nothing is configured', () => {
    const environment = fixture({ XDG_RUNTIME_DIR: '/run/user/1000' });
    const hosts = engineCandidates(environment).map((c) => c.host);
    expect(hosts).toEqual([
      'unix:///fixture-root/var/run/docker.sock',
      `unix://${environment.home}/.docker/run/docker.sock`,
      `unix://${environment.home}/.docker/desktop/docker.sock`,
      `unix://${environment.home}/.colima/default/docker.sock`,
      `unix://${environment.home}/.orbstack/run/docker.sock`,
      'unix:///run/user/1000/docker.sock',
      'unix:///run/user/1000/podman/podman.sock',
      'unix:///fixture-root/run/podman/podman.sock',
    ]);
  });

  it('puts DOCKER_HOST first, then the current docker context', () => {
    const environment = fixture({ DOCKER_HOST: 'tcp://127.0.0.1:2375' });
    writeContext(join(environment.home, '.docker'), 'colima', 'unix:///Users/me/.colima/default/docker.sock');
    const [first, second] = engineCandidates(environment);
    expect(first).toMatchObject({ source: 'DOCKER_HOST', host: 'tcp://127.0.0.1:2375' });
    expect(second).toMatchObject({ source: 'docker context "colima"', socketPath: '/Users/me/.colima/default/docker.sock' });
  });

  it('prefers DOCKER_CONTEXT over config.json and honours DOCKER_CONFIG', () => {
    const configDir = mkdtempSync(join(tmpdir(), 'wharf-docker-config-'));
    writeContext(configDir, 'desktop-linux', 'unix:///from/config.sock');
    writeContext(configDir, 'remote', 'tcp://10.0.0.5:2376', false);
    const environment = fixture({ DOCKER_CONFIG: configDir, DOCKER_CONTEXT: 'remote' });
    expect(engineCandidates(environment)[0]).toMatchObject({ source: 'docker context "remote"', host: 'tcp://10.0.0.5:2376' });
  });

  it('ignores the "default" context and a context without metadata', () => {
    const environment = fixture({ DOCKER_CONTEXT: 'default' });
    expect(engineCandidates(environment)[0]?.source).toBe('well-known socket');
    const missing = fixture({ DOCKER_CONTEXT: 'gone' });
    expect(engineCandidates(missing)[0]?.source).toBe('well-known socket');
  });

  it('does not list the same address twice', () => {
    const environment = fixture({ DOCKER_HOST: 'unix:///fixture-root/var/run/docker.sock' });
    const hosts = engineCandidates(environment).map((c) => c.host);
    expect(new Set(hosts).size).toBe(hosts.length);
    expect(engineCandidates(environment)[0]?.source).toBe('DOCKER_HOST');
  });

  it('uses the named pipe on Windows', () => {
    const [pipe] = engineCandidates(fixture({}, 'win32'));
    expect(pipe?.host).toBe('npipe:////./pipe/docker_engine');
    expect(pipe?.socketPath).toBe('\\\\.\\pipe\\docker_engine');
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
    expect(dockerOptions({ source: 'x', host: 'tcp://127.0.0.1:2375' })).toMatchObject({ protocol: 'http', port: '2375' });
    expect(dockerOptions({ source: 'x', host: 'ssh://me@build-box:2222' })).toMatchObject({ protocol: 'ssh', host: 'build-box', username: 'me', port: '2222' });
  });

  it('refuses an address it cannot use', () => {
    expect(() => dockerOptions({ source: 'x', host: 'fd://' })).toThrow(/unsupported engine address/);
  });
});
