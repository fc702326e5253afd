import { WharfError } from '../core/errors.ts';
import type { ProbeOutcome } from './probe.ts';

type Failed = Extract<ProbeOutcome, { ok: false }>;

const START_AN_ENGINE = [
  'Start a container engine, then run this again:',
  '  Linux    sudo systemctl start docker   (Podman: systemctl --user start podman.socket)',
  '  macOS    open Docker Desktop, or run `colima start` / `podman machine start` / Rancher Desktop',
  '  Windows  open Docker Desktop (WSL 2 backend) and wait until it says "Engine running"',
  'Or point DOCKER_HOST at it, e.g. DOCKER_HOST=unix://$XDG_RUNTIME_DIR/podman/podman.sock',
].join('\n');

const FIX_PERMISSIONS = [
  'Your user may not open the engine socket. On Linux:',
  '  sudo usermod -aG docker "$USER"   then log out and back in (or run `newgrp docker`)',
  'or use a rootless engine (rootless Docker, or Podman: systemctl --user start podman.socket).',
].join('\n');

/** The single error shown when no guessed socket answered: what was tried, and how to fix it. */
export function noEngineError(failed: Failed[]): WharfError {
  const tried = failed.map((o) => `  ${o.endpoint.host}  (${o.endpoint.source}): ${o.reason}`).join('\n');
  const denied = failed.some((o) => o.permissionDenied);
  return new WharfError(
    denied ? 'A container engine is there, but permission to use it was denied.' : 'No container engine answered.',
    `Tried:\n${tried}\n\n${denied ? FIX_PERMISSIONS : START_AN_ENGINE}`,
  );
}

/** The engine the person chose did not answer: say so, and never quietly use another one. */
export function chosenEngineError({ endpoint, reason, permissionDenied }: Failed): WharfError {
  const isContext = endpoint.source.startsWith('docker context');
  const letGo = isContext
    ? 'or switch with `docker context use <name>` (`docker context ls` lists them)'
    : 'or unset DOCKER_HOST to let Wharf look for a local engine';
  return new WharfError(
    `The engine you chose (${endpoint.source}: ${endpoint.host}) did not answer: ${reason}.`,
    [
      'Wharf uses only the engine you chose, as the docker CLI does, and never falls back to another one.',
      permissionDenied ? FIX_PERMISSIONS : `Start that engine (\`docker info\` should answer), ${letGo}.`,
    ].join('\n'),
  );
}
