import { describe, expect, it } from 'vitest';
import { DEFAULT_PORT, deckPort, PortSettingError, parsePort } from '../../../runner/config.ts';

describe('WHARF_PORT', () => {
  it('takes plain decimal port numbers', () => {
    expect(parsePort('4174')).toBe(4174);
    expect(parsePort('1')).toBe(1);
    expect(parsePort('65535')).toBe(65535);
    expect(deckPort({})).toBe(DEFAULT_PORT);
    expect(deckPort({ WHARF_PORT: '5000' })).toBe(5000);
  });

  // Each of these is a number to Number(); none is a port a presenter meant.
  it.each([' 4397', '4397 ', '0x112D', '1e2', '', '0', '65536', '99999', '-1', '+80', '4173.0', '４１７３', 'abc'])(
    'refuses %j with a message that quotes it',
    (text) => {
      expect(() => parsePort(text)).toThrow(PortSettingError);
      expect(() => deckPort({ WHARF_PORT: text })).toThrow(JSON.stringify(text));
    },
  );
});
