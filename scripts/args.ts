import { type ParseArgsConfig, parseArgs } from 'node:util';
import { printFatal } from '../labs/kit/core/cli.ts';

/**
 * `node:util` parseArgs for a script, strict: an unknown flag or a stray argument is a clear error
 * with the usage line, exit code 2, never a stack trace.
 */
export function scriptArgs<T extends ParseArgsConfig['options']>(
  usage: string,
  options: T,
  { positionals = false } = {},
): ReturnType<typeof parseArgs<{ options: T; allowPositionals: boolean; strict: true }>> | undefined {
  try {
    return parseArgs({ args: process.argv.slice(2), options, allowPositionals: positionals, strict: true });
  } catch (error) {
    printFatal(new Error(`${(error as Error).message}\n${usage}`));
    process.exitCode = 2;
    return undefined;
  }
}
