import type { EngineSummary, Facts } from '../../labs/kit/core/events.ts';
import type { Lang } from '../deck/lang.ts';
import type { Entry } from './bars.ts';
import type { ChartInput, Source } from './types.ts';

/**
 * "Docker Engine 20.10.24, AMD EPYC 7B13 ×2": the engine and the CPUs a run had (the model where the
 * run knew it, else the architecture and the count; older recordings have the architecture only).
 */
export function machineOf(engine: Pick<EngineSummary, 'product' | 'version' | 'arch' | 'cpus'>): string {
  // Distributions append their packaging (+dfsg1, -1ubuntu1): the upstream version says enough.
  const name = `${engine.product} ${engine.version.replace(/[+~].*$/, '')}`;
  const count = engine.cpus?.count ? ` ×${engine.cpus.count}` : '';
  return `${name}, ${shortCpu(engine.cpus?.model) ?? engine.arch}${count}`;
}

/** "AMD EPYC 7B13 64-Core Processor" → "AMD EPYC 7B13": marketing words add nothing on a chart. */
function shortCpu(model: string | undefined): string | undefined {
  return model
    ?.replace(/\((R|TM)\)/gi, '')
    .replace(/\s*\d+-Core Processor$|\s*CPU\s*@.*$|\s*Processor$/i, '')
    .replace(/\s+/g, ' ')
    .trim();
}

const words = {
  en: {
    notes: 'the notes say',
    recorded: (machine: string) => `recorded on ${machine}`,
    live: (machine: string) => `your machine: ${machine}`,
    liveHint: 'your machine: run the lab on the next slide',
  },
  zh: {
    notes: '笔记的说法',
    recorded: (machine: string) => `录制于 ${machine}`,
    live: (machine: string) => `你的机器：${machine}`,
    liveHint: '你的机器：在下一页运行实验',
  },
} satisfies Record<Lang, unknown>;

/** The legend: the notes, the recording, and this machine (or how to get its figures). */
export function legendFor(input: ChartInput, lang: Lang, notes = true): Partial<Record<Source, string>> {
  const w = words[lang];
  return {
    ...(notes ? { notes: w.notes } : {}),
    ...(input.recorded ? { recorded: w.recorded(input.recorded.machine) } : {}),
    ...(input.live ? { live: w.live(input.live.machine) } : input.liveCapable ? { live: w.liveHint } : {}),
  };
}

/** One entry per run the chart has (recorded, then live), from that run's facts; none where `pick` finds nothing. */
export function measured(input: ChartInput, pick: (facts: Facts) => Omit<Entry, 'source'> | undefined): Entry[] {
  const entries: Entry[] = [];
  for (const source of ['recorded', 'live'] as const) {
    const run = input[source];
    const entry = run && pick(run.facts);
    if (entry) entries.push({ source, ...entry });
  }
  return entries;
}

export const t = (lang: Lang) => (en: string, zh: string) => (lang === 'zh' ? zh : en);
