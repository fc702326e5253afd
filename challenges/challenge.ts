import type Docker from 'dockerode';
import type { CgroupVersion, Completed, EngineInfo } from './kit.ts';

export type Lang = 'en' | 'zh';
export type Cli = 'docker' | 'podman';
export type Text = Record<Lang, string>;

/** Where in the deck the idea behind a challenge is told: a chapter file and a slide id. */
export interface SlideRef {
  chapter: string;
  id: string;
}

/** One line of a check's verdict: what was looked at, whether it is right, and how to fix it. */
export interface CheckLine {
  ok: boolean;
  what: string;
  hint?: string;
  slide?: SlideRef;
}

/** What the task text and the solution are written for: the attendee's CLI and their work folder. */
export interface Setting {
  cli: Cli;
  /** A folder on this machine the challenge may ask the attendee to use (bind mounts, build contexts). */
  workDir: string;
}

/** Engine objects a challenge tells the attendee to create: the only ones `--reset` removes. */
export interface Names {
  containers?: string[];
  volumes?: string[];
  images?: string[];
}

/** What a check may use: it reads the engine's state and never changes what the attendee made. */
export interface CheckEngine {
  docker: Docker;
  info: EngineInfo;
  cgroupVersion: CgroupVersion;
  setting: Setting;
  signal: AbortSignal;
  /** `inspect` of a container by name; undefined when there is none. */
  container(name: string): Promise<Docker.ContainerInspectInfo | undefined>;
  volume(name: string): Promise<Docker.VolumeInspectInfo | undefined>;
  image(name: string): Promise<Docker.ImageInspectInfo | undefined>;
  /** `docker exec` in the attendee's container, no TTY, under a deadline. */
  exec(name: string, cmd: string[]): Promise<Completed>;
  /** `docker top`: the container's processes, as the engine lists them from the host. */
  processes(name: string): Promise<string[][]>;
  /** A short-lived, labelled helper container on the base image (removed when done). */
  helper(script: string, hostConfig?: Docker.HostConfig): Promise<Completed>;
}

export interface Challenge {
  /** Stable id: `npm run challenge -- <id>`, `npm run check -- <id>`. */
  id: string;
  title: Text;
  /** The lab and slide this challenge follows. */
  slide: SlideRef;
  names: Names;
  task(setting: Setting): Text;
  /** Shown one at a time by `--hint`, in order. */
  hints: Text[];
  /** The command lines of one correct solution, for the attendee's CLI (what `--solution` prints). */
  solution(setting: Setting): string[];
  /** When the task asks the attendee to find something, how to type it back. */
  answer?: Text;
  /**
   * A folder on this machine the task hands over (Setting.workDir), made by `npm run challenge -- <id>`:
   * 'writable' is empty and writable by any uid (a bind mount written by a non-root container user);
   * 'files' starts as a copy of challenges/files/<id>/ (a build context the attendee edits).
   */
  folder?: 'writable' | 'files';
  check(engine: CheckEngine, answer?: string): Promise<CheckLine[]>;
}

export function defineChallenge(challenge: Challenge): Challenge {
  return challenge;
}

export const line = (ok: boolean, what: string, hint?: string, slide?: SlideRef): CheckLine =>
  ok ? { ok, what } : { ok, what, hint, slide };

/** The line for a container the task names but the engine does not have. */
export function missing(kind: 'container' | 'volume' | 'image', name: string, create: string, id: string): CheckLine {
  return {
    ok: false,
    what: `${kind} ${name}`,
    hint: `not found: create it with ${create} (the task: npm run challenge -- ${id})`,
  };
}
