// Everything a lab imports. The layers behind it:
//   core/    the lab framework: defineLab, the context and its verbs, events, running, output
//   spec/    a container spec → the docker CLI line shown, and the create request sent
//   engine/  dockerode-level plumbing (discovery, containers, builds, images, cleanup): internal
//   parse/   pure parsers of what containers print (/proc, cgroups, ip, layers, …)
export { runIfMain } from './core/cli.ts';
export { ENGINE_DIR } from './core/context.ts';
export { withinDeadline } from './core/deadline.ts';
export { unlessStopped, WharfError } from './core/errors.ts';
export type { FactValue } from './core/events.ts';
export type { Fleet } from './core/lab.ts';
export {
  type Box,
  type ContextFor,
  defineLab,
  type FactSpec,
  type FactsOf,
  fact,
  type HostSpec,
  type LabContext,
} from './core/lab.ts';
export { RUN_LABEL } from './core/labels.ts';
export { defineText, type Said } from './core/text.ts';
export { busyboxPathFor } from './engine/base-image.ts';
export type { EngineInfo } from './engine/connect.ts';
export { fetchWhenUp } from './engine/http.ts';
export { archiveListing, readImageArchive, saveImage, shortHashes } from './engine/image-archive.ts';
export { inspectImage, removeImages } from './engine/image-calls.ts';
export { type BuiltImage, builderFor, dockerfileLines, dockerfileListing, imagesDir } from './engine/images.ts';
export { stackArchive } from './engine/layer-stack.ts';
export { curlEquivalent, engineMessage, type RawResponse, request } from './engine/raw-http.ts';
export { demux } from './engine/streams.ts';
export { type EngineWhere, engineWhere } from './engine/where.ts';
export { type BuildStep, buildSteps } from './parse/build-steps.ts';
export { decodeCapabilities, parseCapabilitySets } from './parse/capabilities.ts';
export * from './parse/cgroup.ts';
export { median, NOW_US, parseTimings, ratio, timedScript } from './parse/clock.ts';
export { describeFrameHeader } from './parse/frames.ts';
export * from './parse/ip.ts';
export { clip, humanBytes, type Layer, layersOf, shortDigest } from './parse/layers.ts';
export { rootMount } from './parse/mountinfo.ts';
export * from './parse/namespaces.ts';
export * from './parse/overlay.ts';
export { ancestryScript, parseAncestry, parseProcStat, parsePs } from './parse/proc.ts';
export { sections } from './parse/sections.ts';
export { percentile } from './parse/stats.ts';
export { httpStatus, waitForHttp } from './parse/wget.ts';
export { shellLine } from './spec/shell.ts';
export type { Accel, VmBoot } from './vm/boot.ts';
export {
  bootMinimalVm,
  findVmTools,
  hostHasKvm,
  lastVmBootRecord,
  type MinimalVmBoot,
  saveVmBootRecord,
  type VmBootRecord,
  type VmTools,
} from './vm/minimal-vm.ts';
