import { describe, expect, it } from 'vitest';
import { buildArgv, createOptions, execArgv, runArgv, runLine } from '../../../labs/kit/spec/container.ts';

describe('one spec, two readings', () => {
  it('shows every flag that reaches the create request, and --network none when no network is asked for', () => {
    const spec = { image: 'wharf/base:latest', name: 'web', cmd: ['sleep', '60'], memory: 48 * 2 ** 20, cpus: 0.5 };
    expect(runArgv(spec, 'detached').join(' ')).toBe(
      'docker run -d --name web --network none --memory 48m --cpus 0.5 wharf/base:latest sleep 60',
    );
    expect(createOptions(spec)).toEqual({
      name: 'web',
      Image: 'wharf/base:latest',
      Cmd: ['sleep', '60'],
      // No --pids-limit: 0, as the docker CLI sends it (Podman reads an absent field as its default).
      HostConfig: { NetworkMode: 'none', Memory: 50331648, NanoCpus: 500000000, PidsLimit: 0 },
    });
  });

  it('maps publish, mounts, volumes, tmpfs and capabilities the way the docker CLI does', () => {
    const options = createOptions({
      image: 'i',
      publish: [{ hostIp: '127.0.0.1', containerPort: 8080 }],
      mounts: [{ source: '/var/lib/x', target: '/engine', readOnly: true }],
      volumes: ['data:/data'],
      tmpfs: { '/scratch': 'rw,size=1m' },
      capAdd: ['sys_ptrace'],
      capDrop: ['ALL'],
      entrypoint: 'sh',
    });
    expect(options.ExposedPorts).toEqual({ '8080/tcp': {} });
    expect(options.Entrypoint).toEqual(['sh']);
    expect(options.HostConfig).toMatchObject({
      PortBindings: { '8080/tcp': [{ HostIp: '127.0.0.1', HostPort: '' }] },
      Mounts: [{ Type: 'bind', Source: '/var/lib/x', Target: '/engine', ReadOnly: true }],
      Binds: ['data:/data'],
      Tmpfs: { '/scratch': 'rw,size=1m' },
      CapAdd: ['CAP_SYS_PTRACE'],
      CapDrop: ['ALL'],
    });
  });

  it('writes a line a shell reads back as the same words', () => {
    const line = runLine({ image: 'i', cmd: ['sh', '-c', "echo 'hi' && exit 1"] }, 'remove');
    expect(line).toBe(`docker run --rm --network none i sh -c 'echo '\\''hi'\\'' && exit 1'`);
    // A shown: override replaces only the command part; the flags are still the ones that run.
    const helper = { image: 'i', cmd: ['sh', '-c', 'long script'], pid: 'host' as const };
    expect(runLine(helper, 'remove', ['ps'])).toBe('docker run --rm --network none --pid=host i ps');
    // On an engine that remaps users, the helper keeps the host's user namespace, and says so.
    const remapped = { ...helper, userns: 'host' as const };
    expect(runLine(remapped, 'remove', ['ps'])).toBe('docker run --rm --network none --pid=host --userns=host i ps');
    expect(createOptions(remapped).HostConfig).toMatchObject({ PidMode: 'host', UsernsMode: 'host' });
  });

  it('names the Dockerfile by its path from the repository, as the CLI reads -f', () => {
    expect(buildArgv('t', 'labs/images/x', 'Dockerfile.edited').join(' ')).toBe(
      'docker build -t t -f labs/images/x/Dockerfile.edited labs/images/x',
    );
    expect(execArgv('box', ['id'], '1000')).toEqual(['docker', 'exec', '--user', '1000', 'box', 'id']);
  });
});
