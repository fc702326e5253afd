import { CACHE_HIT, STEP_LINE } from '../engine/build.ts';
import { clip } from './layers.ts';

/** One instruction of a finished build, and whether the engine reused a cached result for it. */
export interface BuildStep {
  /** "3/8": position and count, as the engine numbers them. */
  number: string;
  instruction: string;
  cached: boolean;
}

/**
 * Reads a build's output lines (BuiltImage.lines) back into its steps. FROM is never "cached": it
 * names the starting image and builds nothing, so a fully cached rebuild has total − 1 cache hits.
 */
export function buildSteps(lines: string[]): BuildStep[] {
  const steps: BuildStep[] = [];
  for (const line of lines) {
    const step = STEP_LINE.exec(line);
    if (step) steps.push({ number: step[1]!, instruction: step[2]!.trim(), cached: false });
    else if (CACHE_HIT.test(line) && steps.length) steps[steps.length - 1]!.cached = true;
  }
  return steps;
}

const INSTRUCTION_WIDTH = 44;

/**
 * One line per step, as each builder numbers them, with whether it came from the cache ("Using
 * cache" from the classic builder, "CACHED" from BuildKit) or `fresh` ("built", "rebuilt").
 */
export function stepTable(steps: BuildStep[], fresh: string, builder: 'buildkit' | 'classic' = 'classic'): string {
  const [label, hit] = builder === 'buildkit' ? ['[{n}]', 'CACHED'] : ['Step {n}', 'Using cache'];
  // As narrow as its instructions allow (long ones clipped): a row must fit a slide's terminal.
  const width = Math.max(...steps.map((step) => clip(step.instruction, INSTRUCTION_WIDTH).length));
  return steps
    .map((step) => {
      const said = step.instruction.startsWith('FROM') ? '' : step.cached ? hit : fresh;
      const row = `${label.replace('{n}', step.number)} ${clip(step.instruction, INSTRUCTION_WIDTH).padEnd(width)}`;
      return `${row}  ${said}`.trimEnd();
    })
    .join('\n');
}
