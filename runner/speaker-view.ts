import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { runInNewContext } from 'node:vm';

/**
 * reveal.js's speaker view is a popup whose page the notes plugin writes with `document.write`, with
 * its code in inline <script> elements. The popup inherits the deck's content security policy, so
 * those scripts must be allowed by hash; allowing inline scripts in general would let any injected
 * one run too. The hashes are taken from the notes plugin the deck is built with.
 */
export function speakerViewScriptHashes(): string[] {
  const require = createRequire(import.meta.url);
  // The ES module build: the one vite bundles into the deck.
  const source = readFileSync(join(dirname(require.resolve('reveal.js/plugin/notes')), 'notes.mjs'), 'utf8');
  const literal = /document\.write\(("(?:[^"\\]|\\.)*")\)/s.exec(source)?.[1];
  if (!literal)
    throw new Error(
      'reveal.js/plugin/notes no longer writes its speaker view with document.write: update runner/speaker-view.ts',
    );
  const html = runInNewContext(literal) as string;
  return [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map(
    ([, code]) => `'sha256-${createHash('sha256').update(code!).digest('base64')}'`,
  );
}
