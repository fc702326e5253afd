import type { Lang } from '../deck/lang.ts';

export interface RenderOptions {
  lang: Lang;
  /** Unique per placeholder on the page; prefixes SVG ids such as arrow markers. */
  uid: string;
  /** `data-step` of the placeholder, for diagrams drawn in stages. */
  step?: string;
}

export interface Diagram {
  name: string;
  render(options: RenderOptions): string;
}
