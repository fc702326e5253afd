import type Docker from 'dockerode';
import { loadImage, removeImage, saveImage } from '../engine/image-archive.ts';
import { imageHistory, inspectImage } from '../engine/image-calls.ts';
import { type Layer, layersOf } from '../parse/layers.ts';
import { shellLine } from '../spec/shell.ts';
import type { ShownProbe } from './context.ts';
import type { Box } from './lab.ts';

/** An image and its layers, each with the instruction that made it and its size (inspect + history). */
type ImageLayers = { image: Docker.ImageInspectInfo; layers: Layer[] };

const INSPECT_BATCH = 8;

/**
 * One row of `docker images`. On Docker's containerd image store (API 1.47+, asked with
 * `manifests=1`) each platform's manifest says what it holds twice: its packed blobs and their
 * unpacked snapshots; `Size` adds both. Other engines leave `Manifests` out.
 */
export interface ListedImage {
  Id: string;
  Size: number;
  Manifests?: { Size: { Content: number; Total: number } }[];
}

/** A published port as the engine reports it. */
export interface PortBinding {
  HostIp: string;
  HostPort: string;
}

/**
 * Verbs that ask the engine about what a lab made, and that move images and volumes: like the
 * container verbs, each shows the docker line for the very request it sends, so what is on screen
 * is what ran.
 */
export interface QueryVerbs {
  /**
   * `docker inspect --format F a b …` (`--size` when asked: the writable layer's bytes too). `shown`
   * replaces the names on screen (fifty names as one `name-{}` pattern): a visible simplification.
   */
  inspectAll<const T extends readonly Box[]>(
    boxes: T,
    format: string,
    options?: { size?: boolean; shown?: string[] },
  ): Promise<{ -readonly [I in keyof T]: Docker.ContainerInspectInfo }>;
  /** `docker inspect --format F <box>` (the format shown is what the lab reads from the result). */
  inspect(box: Box, format: string): Promise<Docker.ContainerInspectInfo>;
  /** `docker diff`: the container's changes to its image. */
  diff(box: Box): Promise<{ Path: string; Kind: 0 | 1 | 2 }[]>;
  /** `docker port <box> <port>`: where the engine published a container port (`8080/tcp`). */
  port(box: Box, port: string): Promise<PortBinding | undefined>;
  /** `docker stats --no-stream <box>`: one sample of its resource use, taken at once. */
  stats(box: Box): Promise<Docker.ContainerStats>;
  /** `docker ps -s --filter name=<box>`: its writable layer and its whole root filesystem, in bytes. */
  diskUsage(box: Box): Promise<{ SizeRw?: number; SizeRootFs?: number }>;
  /** `docker image inspect` of the images' layer digests and `docker history` of each: layers with their steps. */
  imageLayers<const T extends readonly string[]>(refs: T): Promise<{ -readonly [I in keyof T]: ImageLayers }>;
  /** `docker volume create <name>`, named and labelled for this run: returns the name. */
  createVolume(what: string): Promise<string>;
  /** `docker volume inspect --format '{{.Mountpoint}}' <name>`: where the engine keeps its files. */
  volumeMountpoint(name: string): Promise<string>;
  /** `docker image inspect --format F <ref>`. */
  inspectImage(ref: string, format: string): Promise<Docker.ImageInspectInfo>;
  /** `docker images <ref>`: the image as the list shows it, its size counted the list's way. */
  listImage(ref: string): Promise<ListedImage>;
  /** `docker save -o <file> <ref>`: the archive, kept in memory (`file` is only the name shown). */
  saveImage(ref: string, file: string): Promise<Buffer>;
  /** `docker rmi <ref>`: what the engine untagged and deleted. */
  removeImage(ref: string): Promise<string>;
  /** `docker load -i <file>`: the engine's "Loaded image" lines; a refused archive throws its message. */
  loadImage(archive: Buffer, file: string): Promise<string[]>;
  /** `docker tag <image> <repo>` (`:latest`). */
  tagImage(image: string, repo: string): Promise<void>;
}

interface Deps {
  docker: Docker;
  signal: AbortSignal;
  labels: Record<string, string>;
  name(what: string): string;
  show(text: string): void;
  probe?: ShownProbe;
}

export function queryVerbs({ docker, signal, labels, name, show, probe }: Deps): QueryVerbs {
  /** Shows the line, sends the request, then lets a test replay the line while what it names still exists. */
  const asked = async <T>(argv: string[], request: () => Promise<T>, simplified = false): Promise<T> => {
    const text = shellLine(['docker', ...argv]);
    show(text);
    const answer = await request();
    await probe?.query?.({ text, simplified });
    return answer;
  };
  /** Shows the line and sends the request: for what changes the engine, which a replay would undo or redo. */
  const did = async <T>(argv: string[], request: () => Promise<T>): Promise<T> => {
    show(shellLine(['docker', ...argv]));
    return request();
  };
  return {
    inspect: (box, format) =>
      asked(['inspect', '--format', format, box.name], () => box.container.inspect({ abortSignal: signal })),

    diff: (box) =>
      asked(
        ['diff', box.name],
        async () =>
          ((await box.container.changes({ abortSignal: signal })) ?? []) as { Path: string; Kind: 0 | 1 | 2 }[],
      ),

    async inspectAll(boxes, format, { size = false, shown } = {}) {
      const names = shown ?? boxes.map((box) => box.name);
      const argv = ['inspect', ...(size ? ['--size'] : []), '--format', format, ...names];
      // dockerode's types lack `size`, which the engine takes as a query parameter.
      const options = { size, abortSignal: signal } as Docker.ContainerInspectOptions;
      const inspectEach = async () => {
        // A few at a time: each request in flight puts an abort listener on the run's one signal,
        // which already has its own, and Node warns on screen past ten.
        const infos: Docker.ContainerInspectInfo[] = [];
        for (let i = 0; i < boxes.length; i += INSPECT_BATCH)
          infos.push(
            ...(await Promise.all(boxes.slice(i, i + INSPECT_BATCH).map((b) => b.container.inspect(options)))),
          );
        return infos;
      };
      const infos = await asked(argv, inspectEach, shown !== undefined);
      return infos as { -readonly [I in keyof typeof boxes]: Docker.ContainerInspectInfo };
    },

    async port(box, port) {
      const { NetworkSettings } = await asked(['port', box.name, port.replace(/\/tcp$/, '')], () =>
        box.container.inspect({ abortSignal: signal }),
      );
      return (NetworkSettings.Ports as Record<string, PortBinding[] | null>)[port]?.[0];
    },

    stats: (box) =>
      // one-shot: the engine answers at once instead of sampling for a second (precpu_stats comes back zeroed).
      asked(['stats', '--no-stream', box.name], () =>
        box.container.stats({ stream: false, 'one-shot': true, abortSignal: signal } as { stream: false }),
      ),

    async diskUsage(box) {
      const options = { size: true, abortSignal: signal } as Docker.ContainerInspectOptions;
      const info = await asked(['ps', '--size', '--filter', `name=${box.name}`], () => box.container.inspect(options));
      const { SizeRw, SizeRootFs } = info as Docker.ContainerInspectInfo & { SizeRw?: number; SizeRootFs?: number };
      return { SizeRw, SizeRootFs };
    },

    async imageLayers(refs) {
      const argv = ['image', 'inspect', '--format', '{{json .RootFS.Layers}}', ...refs];
      const images = await asked(argv, () => Promise.all(refs.map((ref) => inspectImage(docker, ref, signal))));
      const layers: ImageLayers[] = [];
      for (const [i, ref] of refs.entries()) {
        const history = await asked(['history', ref], () => imageHistory(docker, ref, signal));
        const image = images[i] as Docker.ImageInspectInfo;
        layers.push({ image, layers: layersOf(image.RootFS.Layers ?? [], history) as Layer[] });
      }
      return layers as { -readonly [I in keyof typeof refs]: ImageLayers };
    },

    async createVolume(what) {
      const volume = name(what);
      await asked(['volume', 'create', volume], () =>
        docker.createVolume({ Name: volume, Labels: labels, abortSignal: signal }),
      );
      return volume;
    },

    inspectImage: (ref, format) =>
      asked(['image', 'inspect', '--format', format, ref], () => inspectImage(docker, ref, signal)),

    async listImage(ref) {
      // `manifests` only adds the per-platform breakdown; older engines ignore it.
      const query = { filters: JSON.stringify({ reference: [ref] }), manifests: true, abortSignal: signal };
      const [listed] = await asked(['images', ref], () => docker.listImages(query) as Promise<ListedImage[]>);
      if (!listed) throw new Error(`docker images ${ref} listed nothing: the image is gone.`);
      return listed;
    },

    saveImage: (ref, file) => did(['save', '-o', file, ref], () => saveImage(docker, ref, signal)),

    removeImage: (ref) => did(['rmi', ref], () => removeImage(docker, ref, signal)),

    loadImage: (archive, file) => did(['load', '-i', file], () => loadImage(docker, archive, signal)),

    tagImage: (image, repo) =>
      did(['tag', image, repo], () =>
        docker
          .getImage(image)
          .tag({ repo, tag: 'latest', abortSignal: signal })
          .then(() => undefined),
      ),

    async volumeMountpoint(volume) {
      const argv = ['volume', 'inspect', '--format', '{{.Mountpoint}}', volume];
      return (await asked(argv, () => docker.getVolume(volume).inspect({ abortSignal: signal }))).Mountpoint;
    },
  };
}
