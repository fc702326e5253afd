import { type ChartInput, machineOf, mythCharts } from '../../charts/index.ts';
import type { Lang } from '../../deck/lang.ts';
import { liveRunOf, onLiveRun } from './live-facts.ts';
import { recordingFor } from './recordings.ts';
import type { RunnerAccess } from './session.ts';
import type { Facts, Recording } from './types.ts';

const factsOfRecording = (recording: Recording): Facts =>
  Object.fromEntries(
    recording.events.flatMap(({ event }) => (event.type === 'fact' ? [[event.key, event.value] as const] : [])),
  );

/**
 * Draws every `<div class="myth-chart" data-chart="NAME">`: the notes' figure beside the lab's
 * recording (the same recordings the lab panes show), and, where the deck runs labs live, the
 * figures of this machine once its lab has run here.
 */
export async function drawMythCharts(root: Element, lang: Lang, access: RunnerAccess): Promise<void> {
  const placeholders = [...root.querySelectorAll<HTMLElement>('.myth-chart[data-chart]')];
  const draws = placeholders.map(async (el, index) => {
    const chart = mythCharts.get(el.dataset.chart ?? '');
    if (!chart) {
      el.textContent = `[unknown chart: ${el.dataset.chart}]`;
      console.error(`Unknown chart "${el.dataset.chart}"`);
      return;
    }
    el.dataset.chartLab = chart.lab;
    const recording = await recordingFor(chart.lab);
    const input: ChartInput = {
      ...(recording ? { recorded: { facts: factsOfRecording(recording), machine: machineOf(recording.engine) } } : {}),
      liveCapable: access.kind === 'session',
    };
    const draw = () => {
      const live = access.kind === 'session' ? liveRunOf(chart.lab) : undefined;
      const full = live ? { ...input, live: { facts: live.facts, machine: machineOf(live.engine) } } : input;
      el.innerHTML = chart.render(full, lang, `mc${index}`);
      el.dataset.source = live ? 'recording live' : recording ? 'recording' : 'none';
    };
    draw();
    if (access.kind === 'session') onLiveRun((run) => run.lab === chart.lab && draw());
  });
  await Promise.all(draws);
}
