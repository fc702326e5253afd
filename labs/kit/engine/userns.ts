import type { EngineInfo } from './connect.ts';

/**
 * dockerd's userns-remap refuses to let a container in a remapped user namespace join the host's PID,
 * network or UTS namespace ("cannot share the host PID namespace when user namespaces are enabled"):
 * such a container must keep the host's user namespace too (`--userns=host`).
 */
export const needsHostUserns = (
  info: Pick<EngineInfo, 'usernsRemap'>,
  joins: { pid?: string; network?: string; uts?: string },
) => info.usernsRemap && (joins.pid === 'host' || joins.network === 'host' || joins.uts === 'host');
