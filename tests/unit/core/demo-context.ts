// A lab context for unit tests of its verbs: a demo lab with the given lines, over the given engine
// client, every event it emits collected in `said`.
import type Docker from 'dockerode';
import { createContext } from '../../../labs/kit/core/context.ts';
import type { LabEventInput } from '../../../labs/kit/core/events.ts';
import { defineText } from '../../../labs/kit/core/text.ts';
import type { Engine, EngineInfo } from '../../../labs/kit/engine/connect.ts';

export function demoContext(lines: Record<string, string>, docker: Docker, info: Partial<EngineInfo> = {}) {
  const words = { title: 'Demo', shows: 'It shows', lines, facts: {} };
  const said: LabEventInput[] = [];
  const engine = { docker, info } as unknown as Engine;
  const ctx = createContext({
    lab: { id: 'demo', text: defineText({ en: words, zh: words }) },
    engine,
    runLabel: 'r1',
    baseImage: 'wharf/base:latest',
    signal: new AbortController().signal,
    emit: (event) => said.push(event),
    facts: {},
  });
  return { ctx, said };
}
