/** Shell quoting for the command lines Wharf shows: what a person can paste into sh, bash or zsh. */

const PLAIN = /^[A-Za-z0-9_@%+=:,./-]+$/;

/** One word as sh reads it back: bare when safe, else in single quotes ('\'' for a quote inside). */
export function quoteWord(word: string): string {
  if (word !== '' && PLAIN.test(word)) return word;
  return `'${word.replaceAll("'", `'\\''`)}'`;
}

export const shellLine = (argv: readonly string[]): string => argv.map(quoteWord).join(' ');
