import type { ServerResponse } from 'node:http';
import { speakerViewScriptHashes } from './speaker-view.ts';

/**
 * Sent with everything the runner serves. The deck loads only its own files and talks only to its
 * own origin; no other site may frame it (the speaker view frames it from its own origin, so
 * 'self'), open it into a shared window group, embed its files, or learn its URL from a Referer.
 * Styles may be inline: reveal.js and the markdown plugin write style attributes. Scripts may not,
 * except the speaker view's own, allowed by hash.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  `script-src 'self' ${speakerViewScriptHashes().join(' ')}`,
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "frame-src 'self'",
  "frame-ancestors 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'content-security-policy': CONTENT_SECURITY_POLICY,
  'x-frame-options': 'SAMEORIGIN',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
};

export function setSecurityHeaders(response: ServerResponse): void {
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) response.setHeader(name, value);
}
