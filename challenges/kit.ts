// The one place the challenges' check path reaches into the labs' kit (kit-setup.ts is the other, for
// the heavier commands): when labs/kit/ moves, only these two files change. Kept lean on purpose:
// `npm run check` loads this, and every module here costs start-up time.
export { BASE_IMAGE } from '../labs/kit/base-image.ts';
export { decodeCapabilities, parseCapabilitySets } from '../labs/kit/capabilities.ts';
export { CGROUP_FILES, cpusAllowed, parseCpuMax, type CgroupVersion } from '../labs/kit/cgroup.ts';
export { execIn, runToCompletion, type Completed } from '../labs/kit/containers.ts';
export { withDeadline } from '../labs/kit/deadline.ts';
export { connectEngine, type Engine, type EngineInfo } from '../labs/kit/engine/connect.ts';
export { inspectImage } from '../labs/kit/engine/image-calls.ts';
export { describeError, WharfError } from '../labs/kit/errors.ts';
export { LAB_LABEL, newRunId, RUN_LABEL } from '../labs/kit/labels.ts';
