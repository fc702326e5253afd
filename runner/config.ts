// Where the deck is served: one port setting, parsed strictly, for every script that needs it.

export const DEFAULT_PORT = 4173;

/** Thrown for a WHARF_PORT that is not a plain port number. */
export class PortSettingError extends Error {}

/**
 * Digits only, 1–65535. `Number()` would accept " 4397", "0x112D", "1e2" (port 100) and "" (0), so
 * none of it is used.
 */
export function parsePort(text: string): number {
  if (!/^[0-9]{1,5}$/.test(text))
    throw new PortSettingError(`WHARF_PORT must be a port number from 1 to 65535, not ${JSON.stringify(text)}.`);
  const port = Number.parseInt(text, 10);
  if (port < 1 || port > 65535)
    throw new PortSettingError(`WHARF_PORT must be a port number from 1 to 65535, not ${JSON.stringify(text)}.`);
  return port;
}

/** The deck's port from the environment: WHARF_PORT, or 4173. */
export function deckPort(env: NodeJS.ProcessEnv = process.env): number {
  const setting = env.WHARF_PORT;
  return setting === undefined ? DEFAULT_PORT : parsePort(setting);
}

/**
 * The one origin the deck has. Only 127.0.0.1: the server binds nothing else, and a browser may
 * resolve `localhost` to [::1], where another process could be listening.
 */
export const deckOrigin = (port: number) => `http://127.0.0.1:${port}`;
export const deckHost = (port: number) => `127.0.0.1:${port}`;
