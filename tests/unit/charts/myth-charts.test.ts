// The myth charts as pure functions: facts in, SVG out, in both languages, readable from the back
// of a room (no text under 18 px, nothing wider than the chart), with "your machine" beside the
// recording once there is a live run.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Facts } from '../../../labs/kit/core/events.ts';
import type { Recording } from '../../../runner/protocol.ts';
import { repoRoot } from '../../../scripts/pdf.ts';
import { WIDTH } from '../../../slides/charts/bars.ts';
import { duration, mebibytes, textWidth } from '../../../slides/charts/format.ts';
import { type ChartInput, machineOf, mythCharts } from '../../../slides/charts/index.ts';

const LANGS = ['en', 'zh'] as const;
const CJK = /[\u3400-\u9fff]/;

function recorded(lab: string): { facts: Facts; machine: string } {
  const recording = JSON.parse(readFileSync(join(repoRoot, 'recordings', `${lab}.json`), 'utf8')) as Recording;
  const facts: Facts = {};
  for (const { event } of recording.events) if (event.type === 'fact') facts[event.key] = event.value;
  return { facts, machine: machineOf(recording.engine) };
}

const texts = (svg: string) =>
  [...svg.matchAll(/<text[^>]*font-size="(\d+)"[^>]*text-anchor="(\w+)"[^>]*>(.*?)<\/text>/g)].map((m) => ({
    size: Number(m[1]),
    anchor: m[2]!,
    x: Number(/x="([\d.]+)"/.exec(m[3]!)?.[1] ?? 0),
    lines: [...m[3]!.matchAll(/<tspan[^>]*>(.*?)<\/tspan>/g)].map((t) => t[1]!),
  }));

describe.each([...mythCharts.values()].map((chart) => [chart.name, chart] as const))('chart %s', (_, chart) => {
  const run = recorded(chart.lab);

  it.each(LANGS)('draws the recording in %s, no text under 18 px, none past the right edge', (lang) => {
    const svg = chart.render({ recorded: run }, lang, 'u');
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg).toContain('data-source="recorded"');
    expect(svg).not.toContain('data-source="live"');
    const all = texts(svg);
    expect(all.length).toBeGreaterThan(3);
    for (const t of all) {
      expect(t.size).toBeGreaterThanOrEqual(18);
      if (t.anchor === 'start')
        for (const l of t.lines) expect(t.x + textWidth(l, t.size), l).toBeLessThanOrEqual(WIDTH);
    }
    const words = all.flatMap((t) => t.lines).join(' ');
    expect(CJK.test(words)).toBe(lang === 'zh');
    expect(svg).toContain(run.machine);
  });

  it('adds this machine beside the recording once it ran live, and says how before that', () => {
    const live = { facts: run.facts, machine: 'Podman 5.8.6, arm64' };
    const input: ChartInput = { recorded: run, live, liveCapable: true };
    const both = chart.render(input, 'en', 'u');
    expect(both).toContain('your machine: Podman 5.8.6, arm64');
    expect(both.match(/data-source="live"/g)?.length).toBe(both.match(/data-source="recorded"/g)?.length);
    expect(chart.render({ recorded: run, liveCapable: true }, 'en', 'u')).toContain('run the lab on the next slide');
    expect(chart.render({ recorded: run }, 'en', 'u')).not.toContain('your machine');
  });

  it('leaves out what a run did not observe instead of drawing it', () => {
    const svg = chart.render({ recorded: { facts: {}, machine: run.machine } }, 'en', 'u');
    expect(svg).not.toContain('data-facts=');
  });
});

describe('chart details', () => {
  it('says why there is no VM bar when the startup lab booted none', () => {
    const facts: Facts = {
      processMs: 1.2,
      containerP50Ms: 300,
      containerP95Ms: 400,
      vmSkipped: { key: 'kit.vmNoQemu' },
    };
    const svg = mythCharts.get('startup')!.render({ recorded: { facts, machine: 'x' } }, 'en', 'u');
    expect(svg).toContain('no VM here');
    expect(svg).toContain('data-facts="vmSkipped"');
  });

  it('draws a VM figure the overhead lab could compare, and says so when it could not', () => {
    const chart = mythCharts.get('overhead')!;
    const comparable = chart.render({ recorded: { facts: { vmCpuOverOutside: 1.08 }, machine: 'x' } }, 'en', 'u');
    expect(comparable).toContain('data-facts="vmCpuOverOutside"');
    expect(comparable).toContain('1.08×');
    const emulated = chart.render({ recorded: { facts: { vmComparable: false }, machine: 'x' } }, 'en', 'u');
    expect(emulated).toContain('not compared');
  });

  it('marks a container whose boot id differs from the host as another kernel', () => {
    const facts: Facts = {
      hostRelease: '6.1.0',
      hostBootId: 'aaaaaaaa-1',
      containerRelease: '6.1.0',
      containerBootId: 'bbbbbbbb-2',
    };
    const svg = mythCharts.get('kernel')!.render({ recorded: { facts, machine: 'x' } }, 'en', 'u');
    expect(svg).toContain('chart-differs');
    expect(svg).not.toContain('chart-same');
  });

  it('widens the density scale for a machine that fits more containers than the notes', () => {
    const facts: Facts = { vmOverContainer: 300, vmMemoryBytes: 300 * 2 ** 20, perContainerBytes: 2 ** 20 };
    const svg = mythCharts.get('density')!.render({ recorded: { facts, machine: 'x' } }, 'en', 'u');
    const bar = Number(/data-source="recorded"[^>]*><rect x="[\d.]+" y="[\d.]+" width="([\d.]+)"/.exec(svg)?.[1]);
    const ticks = [...svg.matchAll(/>(\d+)<\/tspan>/g)].map((m) => Number(m[1]));
    expect(Math.max(...ticks)).toBeGreaterThanOrEqual(300);
    expect(bar).toBeGreaterThan(0);
  });

  it('writes figures in human units', () => {
    expect(duration(0.988)).toBe('0.99 ms');
    expect(duration(380)).toBe('380 ms');
    expect(duration(7034)).toBe('7.03 s');
    expect(duration(42_500)).toBe('42.5 s');
    expect(mebibytes(13_750_518)).toBe('13.1 MiB');
    expect(machineOf({ product: 'Docker Engine', version: '20.10.24+dfsg1', arch: 'amd64' })).toBe(
      'Docker Engine 20.10.24, amd64',
    );
    const cpus = { count: 2, model: 'Intel(R) Xeon(R) CPU @ 2.20GHz' };
    expect(machineOf({ product: 'Docker Engine', version: '28.5.2', arch: 'amd64', cpus })).toBe(
      'Docker Engine 28.5.2, Intel Xeon ×2',
    );
    const elsewhere = { product: 'Podman', version: '5.8.6', arch: 'arm64', cpus: { count: 4 } };
    expect(machineOf(elsewhere)).toBe('Podman 5.8.6, arm64 ×4');
  });
});
