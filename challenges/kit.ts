// The one place the challenges' check path reaches into the labs' kit (kit-setup.ts is the other, for
// the heavier commands): when labs/kit/ moves, only these two files change. Kept lean on purpose:
// `npm run check` loads this, and every module here costs start-up time.

export { withDeadline } from '../labs/kit/core/deadline.ts';
export { describeError, WharfError } from '../labs/kit/core/errors.ts';
export { LAB_LABEL, newRunLabel, RUN_LABEL } from '../labs/kit/core/labels.ts';
export { ownerLabels } from '../labs/kit/core/owner.ts';
export { BASE_IMAGE } from '../labs/kit/engine/base-image.ts';
export { connectEngine, type Engine, type EngineInfo } from '../labs/kit/engine/connect.ts';
export { type Completed, execIn, runToCompletion } from '../labs/kit/engine/containers.ts';
export { inspectImage } from '../labs/kit/engine/image-calls.ts';
export { needsHostUserns } from '../labs/kit/engine/userns.ts';
export { engineWhere } from '../labs/kit/engine/where.ts';
export { decodeCapabilities, parseCapabilitySets } from '../labs/kit/parse/capabilities.ts';
export { CGROUP_FILES, type CgroupVersion, cpusAllowed, parseCpuMax } from '../labs/kit/parse/cgroup.ts';
export { waitForHttp } from '../labs/kit/parse/wget.ts';
