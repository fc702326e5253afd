// The kit's heavier parts, for `npm run challenge` (task, reset) and an interrupted check's sweep.
export { ensureBaseImage } from '../labs/kit/engine/base-image.ts';
export { removeByLabel } from '../labs/kit/engine/cleanup.ts';
