import { WharfError } from './errors.ts';

/**
 * A setting a lab accepts on the command line (`npm run lab -- density --count 20`): whole numbers
 * only, within bounds, so a typo is a clear error and no value can make a lab unbounded.
 */
export interface LabOptionSpec {
  description: string;
  default: number;
  min: number;
  max: number;
}

export type LabOptionSpecs = Record<string, LabOptionSpec>;

/** The values a lab runs with: each declared option, given or defaulted. */
export type LabOptionValues = Record<string, number>;

/** Checks what was given against what the lab declares; unknown names and bad values are errors. */
export function resolveLabOptions(
  lab: { id: string; options?: LabOptionSpecs },
  given: Record<string, string | undefined> = {},
): LabOptionValues {
  const specs = lab.options ?? {};
  const values: LabOptionValues = {};
  for (const name of Object.keys(given)) {
    if (given[name] !== undefined && !specs[name])
      throw new WharfError(`Lab "${lab.id}" has no option --${name}.`, optionsHint(lab));
  }
  for (const [name, spec] of Object.entries(specs)) {
    const text = given[name];
    if (text === undefined) {
      values[name] = spec.default;
      continue;
    }
    const value = /^\d+$/.test(text) ? Number(text) : Number.NaN;
    if (!Number.isSafeInteger(value) || value < spec.min || value > spec.max)
      throw new WharfError(`--${name} must be a whole number from ${spec.min} to ${spec.max}, not "${text}".`);
    values[name] = value;
  }
  return values;
}

function optionsHint(lab: { id: string; options?: LabOptionSpecs }): string {
  const names = Object.entries(lab.options ?? {}).map(([name, spec]) => `--${name} (${spec.description})`);
  return names.length ? `Its options: ${names.join(', ')}.` : 'It takes no options.';
}
