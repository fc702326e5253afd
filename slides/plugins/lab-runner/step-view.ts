import type { Said } from '../../../labs/kit/core/text.ts';
import type { Words } from '../../../labs/kit/core/words.ts';
import type { Lang } from '../../deck/lang.ts';
import { type Block, type Box, columnsAt, columnsOf, type Layout, layoutStep, MONO_EM } from './fit.ts';
import type { StoryStep } from './story.ts';
import type { PaneText } from './text.ts';
import type { FactValue, LabEvent } from './types.ts';

type Kind = 'title' | 'command' | 'output' | 'note' | 'fact' | 'wait' | 'cleanup' | 'ok' | 'failed';

interface ViewBlock extends Block {
  kind: Kind;
}

/** The words a step shows, in the language on screen; commands and engine output stay as they are. */
export interface StepWords {
  lang: Lang;
  text: PaneText;
  say(said: Said): string;
  factLabel(key: string): string;
  factValue(key: string, value: FactValue, max?: number): string;
  /** What the terminal says about faults (an ended run's leftovers, the engine gone), in the same words. */
  faults: Pick<Words, 'sweptEarlier' | 'notCleanedUp' | 'engineGone'>;
}

const prefixed = (text: string, first: string, rest = ' '.repeat(first.length)) =>
  text
    .replace(/\s+$/, '')
    .split('\n')
    .map((line, i) => `${i === 0 ? first : rest}${line}`);

function blockOf(event: LabEvent, words: StepWords): ViewBlock | undefined {
  switch (event.type) {
    case 'command':
      return {
        kind: 'command',
        lines: prefixed(event.text, '$ ', '  '),
        shrinkable: false,
        indent: 2,
        keepWithNext: true,
      };
    case 'output':
      return {
        kind: 'output',
        lines: event.text
          .replace(/\s+$/, '')
          .split('\n')
          .map((line) => `│ ${line}`),
        shrinkable: true,
        indent: 2,
      };
    case 'note':
      return { kind: 'note', lines: prefixed(words.say(event), '→ '), shrinkable: false, indent: 2 };
    case 'fact':
      return {
        kind: 'fact',
        lines: [`◆ ${words.factLabel(event.key)}: ${words.factValue(event.key, event.value)}`],
        shrinkable: false,
        indent: 2,
      };
    case 'wait':
      return { kind: 'wait', lines: [`… ${words.say(event)}`], shrinkable: false, indent: 2 };
    case 'swept': {
      const lines = [words.faults.sweptEarlier(event.removed, event.pids)];
      for (const leftover of event.leftovers) lines.push(`${words.text.leftBehind}: ${leftover}`);
      return { kind: 'cleanup', lines, shrinkable: true, indent: 2 };
    }
    case 'cleanup': {
      if (event.engineGone) return { kind: 'failed', lines: [words.faults.notCleanedUp], shrinkable: false, indent: 2 };
      const lines = [words.text.cleanedUp(event.removed)];
      for (const leftover of event.leftovers) lines.push(`${words.text.leftBehind}: ${leftover}`);
      return { kind: 'cleanup', lines, shrinkable: true, indent: 2 };
    }
    case 'result': {
      const said = event.error?.engineGone ? words.faults.engineGone(event.error.engineGone) : event.error;
      return event.ok
        ? { kind: 'ok', lines: [words.text.done((event.durationMs / 1000).toFixed(1))], shrinkable: false }
        : {
            kind: 'failed',
            lines: prefixed(`✘ ${said?.message ?? ''}${said?.hint ? `\n${said.hint}` : ''}`, '', '  '),
            shrinkable: true,
            indent: 2,
          };
    }
    default:
      return undefined;
  }
}

export interface StepInput {
  step: StoryStep;
  /** Cleanup and result, shown under the last step once the run is over. */
  ending: LabEvent[];
  /** A live run is waiting on this step: show its latest wait label. */
  live: boolean;
}

/** A step as pages for its box: usually one, two when it is long (see fit.ts). */
export function layOutStep({ step, ending, live }: StepInput, words: StepWords, box: Box): Layout<ViewBlock> {
  const title = step.title ? words.say(step.title) : '';
  const blocks: ViewBlock[] = [];
  if (title) blocks.push({ kind: 'title', lines: [`● ${title}`], shrinkable: false, indent: 2 });
  const events = step.events.filter((event, i) => event.type !== 'wait' || (live && i === step.events.length - 1));
  for (const event of [...events, ...ending]) {
    const block = blockOf(event, words);
    if (block) blocks.push(block);
  }
  const continued: ViewBlock | undefined = title
    ? { kind: 'title', lines: [`● ${title}${words.text.continued}`], shrinkable: false, indent: 2 }
    : undefined;
  return layoutStep(blocks, box, { linesHidden: words.text.linesHidden, continued });
}

/**
 * A line as text and unbreakable runs: the browser would also break after a hyphen or a slash
 * ("wharf-processes-sleeper-" / "mx5w6…", "/etc/pa" / "sswd"), which splits a name someone may
 * type. A run of non-spaces that fits a wrapped row stays whole, so a line breaks only at spaces,
 * as fit.ts counts; a longer one still breaks where it must. CJK text keeps breaking between
 * characters, as Chinese does.
 */
export function lineNodes(line: string, columns: number): Node[] {
  return line.split(/( +)/).map((part) => {
    if (!part || part.startsWith(' ') || columnsOf(part) > columns || columnsOf(part) > part.length)
      return document.createTextNode(part);
    const run = document.createElement('span');
    run.className = 'lab-nb';
    run.textContent = part;
    return run;
  });
}

/** Draws one page of a step into `host`, laid out for `box`. */
export function renderPage(host: HTMLElement, blocks: ViewBlock[], fontSize: number, counter: string, box: Box): void {
  host.replaceChildren();
  host.style.fontSize = `${fontSize}px`;
  // Rows after the first are indented by two columns (lab-runner.css). The exact advance, not the
  // page estimate: a run kept whole must really fit, and one that fits must not be split.
  const columns = columnsAt(box, fontSize, MONO_EM) - 2;
  for (const block of blocks) {
    const element = document.createElement('div');
    element.className = `lab-line lab-${block.kind}`;
    for (const line of block.lines) {
      const row = document.createElement('div');
      row.append(...lineNodes(line, columns));
      element.append(row);
    }
    host.append(element);
  }
  const count = document.createElement('span');
  count.className = 'lab-step-count';
  count.textContent = counter;
  host.append(count);
}
