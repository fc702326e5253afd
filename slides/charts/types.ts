import type { Facts } from '../../labs/kit/core/events.ts';
import type { Lang } from '../deck/lang.ts';

/** Where a figure on a myth chart comes from. */
export type Source = 'notes' | 'recorded' | 'live';

/** A lab's facts from one run, and what ran it, as the chart's legend names it. */
export interface Run {
  facts: Facts;
  /** e.g. "Docker Engine 20.10.24, amd64". */
  machine: string;
}

export interface ChartInput {
  /** The lab's recording (recordings/<lab>.json): always there in the static deck and the PDF. */
  recorded?: Run;
  /** A live run on the presenter's machine (`npm start`), once there is one. */
  live?: Run;
  /** The deck can run labs live (`npm start`, opened from its link): the legend says how to fill in "your machine". */
  liveCapable?: boolean;
}

/** A chart on a myth slide: the notes' figure beside the one the lab measured, from its facts. */
export interface MythChart {
  name: string;
  /** The lab whose facts it draws. */
  lab: string;
  render(input: ChartInput, lang: Lang, uid: string): string;
}
