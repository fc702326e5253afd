import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { detectCli, onPath } from '../../../challenges/cli-name.ts';

const having =
  (...installed: string[]) =>
  (name: string) =>
    installed.includes(name);

describe('detectCli', () => {
  it('says podman when the engine is Podman and its CLI is there', () => {
    expect(detectCli('Podman', {}, having('docker', 'podman'))).toBe('podman');
  });
  it('says docker for Docker engines, and for Podman when only docker is installed (podman-docker)', () => {
    expect(detectCli('Docker Engine', {}, having('docker', 'podman'))).toBe('docker');
    expect(detectCli('Podman', {}, having('docker'))).toBe('docker');
  });
  it('falls back to whichever CLI is installed, and WHARF_CLI overrides all', () => {
    expect(detectCli(undefined, {}, having('podman'))).toBe('podman');
    expect(detectCli(undefined, {}, having())).toBe('docker');
    expect(detectCli('Docker Engine', { WHARF_CLI: 'podman' }, having('docker'))).toBe('podman');
  });
});

describe('onPath', () => {
  it('finds an executable file on PATH and nothing else', () => {
    const dir = mkdtempSync(join(tmpdir(), 'wharf-path-'));
    writeFileSync(join(dir, 'podman'), '#!/bin/sh\n', { mode: 0o755 });
    writeFileSync(join(dir, 'docker'), 'not executable', { mode: 0o644 });
    expect(onPath('podman', { PATH: dir }, 'linux')).toBe(true);
    expect(onPath('docker', { PATH: dir }, 'linux')).toBe(false);
    expect(onPath('podman', { PATH: '' }, 'linux')).toBe(false);
  });
});
