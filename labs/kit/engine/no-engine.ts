import { WharfError } from '../core/errors.ts';
import type { ProbeOutcome } from './probe.ts';

const START_AN_ENGINE = [
  'Start a container engine, then run this again:',
  '  Linux    sudo systemctl start docker   (Podman: systemctl --user start podman.socket)',
  '  macOS    open Docker Desktop, or run `colima start` / `podman machine start`',
  '  Windows  open Docker Desktop (WSL 2 backend) and wait until it says "Engine running"',
  'Or point DOCKER_HOST at it, e.g. DOCKER_HOST=unix://$XDG_RUNTIME_DIR/podman/podman.sock',
].join('\n');

const FIX_PERMISSIONS = [
  'Your user may not open the engine socket. On Linux:',
  '  sudo usermod -aG docker "$USER"   then log out and back in (or run `newgrp docker`)',
  'or use a rootless engine (rootless Docker, or Podman: systemctl --user start podman.socket).',
].join('\n');

/** The single error shown when no candidate answered: what was tried, and how to fix it. */
export function noEngineError(outcomes: ProbeOutcome[]): WharfError {
  const failed = outcomes.filter((o): o is Extract<ProbeOutcome, { ok: false }> => !o.ok);
  const tried = failed.map((o) => `  ${o.endpoint.host}  (${o.endpoint.source}): ${o.reason}`).join('\n');
  const denied = failed.some((o) => o.permissionDenied);
  return new WharfError(
    denied ? 'A container engine is there, but permission to use it was denied.' : 'No container engine answered.',
    `Tried:\n${tried}\n\n${denied ? FIX_PERMISSIONS : START_AN_ENGINE}`,
  );
}
