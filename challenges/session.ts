import type { Challenge, Lang, Setting } from './challenge.ts';
import { detectCli } from './cli-name.ts';
import { connectEngine, type Engine } from './kit.ts';
import { workDirOf } from './places.ts';

export function settingFor(challenge: Challenge, engine: Engine | undefined): Setting {
  return { cli: detectCli(engine?.info.product), workDir: workDirOf(challenge.id) };
}

/** --lang, else WHARF_LANG, else the locale (zh_* → zh), else English. */
export function chooseLang(flag: unknown, env: NodeJS.ProcessEnv = process.env): Lang {
  const wanted = String(flag ?? env.WHARF_LANG ?? env.LC_ALL ?? env.LANG ?? 'en').toLowerCase();
  return wanted.startsWith('zh') ? 'zh' : 'en';
}

/** Engine discovery for the task text: no engine is not fatal there, only for checks. */
export async function tryEngine(): Promise<{ engine?: Engine; error?: unknown }> {
  try {
    return { engine: await connectEngine() };
  } catch (error) {
    return { error };
  }
}

/** Hints and solutions are written with `docker`; a Podman user reads them with `podman`. */
export function forCli(text: string, cli: Setting['cli']): string {
  return cli === 'docker'
    ? text
    : text.replace(/\bdocker (?=run|exec|inspect|rm|build|start|stats|history|top|port|volume|kill)/g, `${cli} `);
}
