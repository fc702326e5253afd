// The challenges' "Your turn" slides, read from disk: one per challenge in each language, in the
// chapter of the lab it follows, after that lab's slide, showing the two commands an attendee types.
import { describe, expect, it } from 'vitest';
import { challenges } from '../../challenges/index.ts';
import { deckSlides, LANGS } from './chapters.ts';

describe.each(LANGS)('%s "Your turn" slides', (lang) => {
  const deck = deckSlides(lang);

  it.each(challenges.map((c) => [c.id, c] as const))(
    '%s: one slide after its lab, with the commands',
    (id, challenge) => {
      const slides = deck.filter((s) => s.id === `your-turn-${id}`);
      expect(slides).toHaveLength(1);
      const [slide] = slides;
      expect(slide!.chapter).toBe(challenge.slide.chapter);
      const lab = deck.find((s) => s.id === challenge.slide.id);
      expect(lab, `slide ${challenge.slide.id} exists`).toBeDefined();
      expect(slide!.index).toBeGreaterThan(lab!.index);
      const commands = slide!.code
        .filter((c) => c.lang === 'bash')
        .map((c) => c.text.trim())
        .join('\n');
      expect(commands).toContain(`npm run challenge -- ${id}`);
      expect(commands).toContain(`npm run check -- ${id}`);
      expect(slide!.lab).toBeUndefined();
    },
  );

  it('has no "Your turn" slide for a challenge that does not exist', () => {
    const ids = new Set(challenges.map((c) => `your-turn-${c.id}`));
    expect(deck.filter((s) => s.id.startsWith('your-turn-') && !ids.has(s.id)).map((s) => s.id)).toEqual([]);
  });
});
