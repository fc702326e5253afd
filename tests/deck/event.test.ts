// The title and closing slides' event block, rendered from a config like slides/event.json.
import { create } from 'qrcode';
import { describe, expect, it } from 'vitest';
import { displayUrl, type EventConfig, eventConfig, renderEvent } from '../../slides/diagrams/event.ts';
import { qrSymbol } from '../../slides/diagrams/qr-symbol.ts';

const config: EventConfig = {
  event: { en: 'KubeDay <Test>', zh: '云原生日' },
  date: '2027-03-04',
  place: { en: 'Lisbon', zh: '里斯本' },
  speaker: {
    name: { en: 'Ada Lovelace', zh: '艾达' },
    role: { en: 'Engineer', zh: '工程师' },
    contact: 'ada@example.org',
  },
  repository: 'https://example.org/ada/wharf',
};
const symbol = qrSymbol(config.repository);

/** Dark modules drawn by the SVG path, as "row,col" (the path is M<col> <row>h1v1h-1z per module). */
function drawn(svg: string): Set<string> {
  const d = /<path[^>]* d="([^"]*)"/.exec(svg)?.[1] ?? '';
  return new Set([...d.matchAll(/M(\d+) (\d+)h1v1h-1z/g)].map((m) => `${Number(m[2]) - 4},${Number(m[1]) - 4}`));
}

describe('event block', () => {
  it.each(['title', 'closing'])('shows the speaker, event, place, date and repository from the config (%s)', (step) => {
    for (const lang of ['en', 'zh'] as const) {
      const html = renderEvent({ lang, uid: 't', step }, config, symbol);
      expect(html).toContain(config.speaker.name[lang]);
      expect(html).toContain(config.speaker.role[lang]);
      expect(html).toContain('example.org/ada/wharf');
      if (step === 'title') {
        expect(html).toContain(config.place[lang]);
        expect(html).toContain('2027-03-04');
      } else {
        expect(html).toContain('ada@example.org');
      }
    }
    // text from the config is escaped, never injected as markup
    expect(renderEvent({ lang: 'en', uid: 't', step: 'title' }, config, symbol)).toContain('KubeDay &lt;Test&gt;');
  });

  it('draws exactly the dark modules of the repository address’s QR symbol', () => {
    const svg = renderEvent({ lang: 'en', uid: 't', step: 'closing' }, config, symbol);
    const { modules } = create(config.repository, { errorCorrectionLevel: 'M' });
    const expected = new Set<string>();
    for (let r = 0; r < modules.size; r++)
      for (let c = 0; c < modules.size; c++) if (modules.get(r, c)) expected.add(`${r},${c}`);
    expect(drawn(svg)).toEqual(expected);
    expect(svg).toContain(`viewBox="0 0 ${modules.size + 8} ${modules.size + 8}"`);
  });

  it('reads slides/event.json: every text has both languages and the repository is a URL', () => {
    for (const field of [eventConfig.event, eventConfig.place, eventConfig.speaker.name, eventConfig.speaker.role]) {
      expect(field.en.length).toBeGreaterThan(0);
      expect(field.zh.length).toBeGreaterThan(0);
    }
    expect(new URL(eventConfig.repository).protocol).toMatch(/^https?:$/);
    expect(displayUrl('https://github.com/a/b/')).toBe('github.com/a/b');
  });
});
