import type { EngineSummary } from '../core/events.ts';
import type { EngineInfo } from './connect.ts';

/** The engine as labs, recordings and the runner report it: one shape, made in one place. */
export function summariseEngine(info: EngineInfo): EngineSummary {
  return {
    product: info.product,
    version: info.version,
    arch: info.arch,
    host: info.endpoint.host,
    cgroupVersion: info.cgroupVersion,
    cpus: info.cpus,
    passedOver: info.passedOver,
  };
}

/** One line for a person: "Docker Engine 20.10.24 at unix:///… (cgroup v1, overlay2[, userns-remap])". */
export const engineLine = (info: EngineInfo) =>
  `${info.product} ${info.version} at ${info.endpoint.host} ` +
  `(cgroup v${info.cgroupVersion}, ${info.storageDriver}${info.usernsRemap ? ', userns-remap' : ''})`;
