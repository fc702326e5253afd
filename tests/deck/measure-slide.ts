// Runs inside the page (passed to page.evaluate): checks the current slide against its own box.
// Everything is measured with getBoundingClientRect, i.e. in reveal's scaled coordinate space,
// and compared with the `.slides` element, which reveal sizes to exactly one slide (1280x720).

export interface SlideReport {
  id: string;
  notes: string;
  /** Elements whose box leaves the slide box. */
  outside: string[];
  /** Code blocks or tables whose content is clipped. */
  clipped: string[];
  /** Diagram labels that spill out of their box. */
  labels: string[];
  /** Lab slides only: elements reaching into the lower half reserved for the terminal pane. */
  lowerHalf: string[];
}

export function measureCurrentSlide(): SlideReport {
  const deck = window.wharfDeck?.reveal;
  if (!deck) throw new Error('deck not started');
  const slide = deck.getCurrentSlide();
  const box = document.querySelector('.reveal .slides')!.getBoundingClientRect();
  const tolerance = 1;
  const describe = (el: Element) => {
    const cls =
      typeof el.className === 'string' && el.className ? `.${el.className.trim().split(/\s+/).join('.')}` : '';
    const text = (el.textContent ?? '').trim().slice(0, 40);
    return `${el.tagName.toLowerCase()}${cls} "${text}"`;
  };

  const outside: string[] = [];
  const lowerHalf: string[] = [];
  const isLab = slide.hasAttribute('data-lab');
  const middle = box.top + box.height / 2;
  for (const el of [slide, ...slide.querySelectorAll('*')]) {
    if (el.closest('aside.notes, defs, title, script')) continue;
    // The lab pane is measured as a whole here; lab-slides.test.ts looks inside it.
    if (el.parentElement?.closest('[data-lab-pane]')) continue;
    const r = el.getBoundingClientRect();
    if (r.width === 0 && r.height === 0) continue;
    if (
      r.left < box.left - tolerance ||
      r.top < box.top - tolerance ||
      r.right > box.right + tolerance ||
      r.bottom > box.bottom + tolerance
    ) {
      outside.push(
        `${describe(el)} [${Math.round(r.left - box.left)},${Math.round(r.top - box.top)} ${Math.round(r.width)}x${Math.round(r.height)}]`,
      );
    }
    // the runner's live terminal pane (marked data-lab-pane) is the one thing allowed down there
    if (isLab && el !== slide && !el.closest('[data-lab-pane]') && r.bottom > middle + tolerance) {
      lowerHalf.push(describe(el));
    }
  }

  const clipped = [...slide.querySelectorAll('pre code, table, p, li, h1, h2, h3')]
    .filter((el) => el.scrollWidth > el.clientWidth + tolerance || el.scrollHeight > el.clientHeight + tolerance)
    .filter((el) => el.clientWidth > 0)
    .map(describe);

  const labels: string[] = [];
  for (const group of slide.querySelectorAll('svg.dg g.dg-box, svg.dg g.dg-note')) {
    const rect = group.querySelector('rect')!.getBoundingClientRect();
    const text = group.querySelector('text')!.getBoundingClientRect();
    if (
      text.left < rect.left - tolerance ||
      text.right > rect.right + tolerance ||
      text.top < rect.top - tolerance ||
      text.bottom > rect.bottom + tolerance
    ) {
      labels.push(describe(group));
    }
  }
  for (const svg of slide.querySelectorAll('svg.dg')) {
    const frame = svg.getBoundingClientRect();
    for (const text of svg.querySelectorAll('text')) {
      const r = text.getBoundingClientRect();
      if (
        r.left < frame.left - tolerance ||
        r.right > frame.right + tolerance ||
        r.top < frame.top - tolerance ||
        r.bottom > frame.bottom + tolerance
      ) {
        labels.push(`${describe(text)} leaves its diagram`);
      }
    }
  }

  const notes = (deck.getSlideNotes(slide) ?? '').replace(/<[^>]*>/g, '').trim();
  return { id: slide.id, notes, outside, clipped, labels, lowerHalf };
}
