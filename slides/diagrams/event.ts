import builtSymbol from 'virtual:wharf-qr';
import type { Lang } from '../deck/lang.ts';
import event from '../event.json';
import { qrSvg } from './qr.ts';
import type { QrSymbol } from './qr-symbol.ts';
import { esc } from './svg.ts';
import type { Diagram, RenderOptions } from './types.ts';

// The title and closing slides' event block: who speaks, where and when, and a QR code of the
// repository. Everything comes from slides/event.json, the one file a presenter edits.

export interface EventConfig {
  event: Record<Lang, string>;
  /** ISO date, shown as written. */
  date: string;
  place: Record<Lang, string>;
  speaker: { name: Record<Lang, string>; role: Record<Lang, string>; contact: string };
  repository: string;
}

export const eventConfig: EventConfig = event;

const labels = {
  en: { qr: 'QR code of the repository address', labs: 'every lab:', repo: 'Slides, labs and recordings' },
  zh: { qr: '仓库地址的二维码', labs: '列出所有实验：', repo: '幻灯片、实验和录制结果' },
} satisfies Record<Lang, Record<string, string>>;

/** The repository address without its scheme: shorter on screen, still typeable. */
export function displayUrl(url: string): string {
  return url.replace(/^https?:\/\//, '').replace(/\/$/, '');
}

function render(
  { lang, uid, step }: RenderOptions,
  config: EventConfig = eventConfig,
  symbol: QrSymbol = builtSymbol,
): string {
  if (symbol.text !== config.repository) throw new Error('The QR symbol was encoded from another address.');
  const l = labels[lang];
  const who =
    `<p class="event-speaker">${esc(config.speaker.name[lang])}</p>` +
    `<p class="event-role">${esc(config.speaker.role[lang])}</p>`;
  const where = `<p class="event-where">${esc(config.event[lang])} · ${esc(config.place[lang])} · ${esc(config.date)}</p>`;
  const repo = `<p class="event-repo"><code>${esc(displayUrl(config.repository))}</code></p>`;
  if (step === 'closing') {
    return (
      `<div class="event event-closing">` +
      qrSvg(symbol, { size: 300, title: l.qr, uid }) +
      `<div class="event-text"><p class="event-lead">${esc(l.repo)}</p>${repo}` +
      `<p class="event-labs">${esc(l.labs)} <code>npm run lab -- --list</code></p>` +
      `${who}<p class="event-contact">${esc(config.speaker.contact)}</p></div></div>`
    );
  }
  return (
    `<div class="event event-title">` +
    `<div class="event-text">${who}${where}${repo}</div>` +
    qrSvg(symbol, { size: 168, title: l.qr, uid }) +
    `</div>`
  );
}

export const eventBlock: Diagram = { name: 'event', render: (options) => render(options) };
export const renderEvent = render;
