import { describe, expect, it } from 'vitest';
import { CAPABILITIES, decodeCapabilities, parseCapabilitySets } from '../../labs/kit/parse/capabilities.ts';

// Docker's default set, as its documentation lists it (and `capsh --decode=00000000a80425fb` prints).
const DOCKER_DEFAULT = [
  'CAP_CHOWN',
  'CAP_DAC_OVERRIDE',
  'CAP_FOWNER',
  'CAP_FSETID',
  'CAP_KILL',
  'CAP_SETGID',
  'CAP_SETUID',
  'CAP_SETPCAP',
  'CAP_NET_BIND_SERVICE',
  'CAP_NET_RAW',
  'CAP_SYS_CHROOT',
  'CAP_MKNOD',
  'CAP_AUDIT_WRITE',
  'CAP_SETFCAP',
];

describe('CAPABILITIES', () => {
  it('follows <linux/capability.h> numbering at its landmarks', () => {
    expect(CAPABILITIES).toHaveLength(41);
    expect(CAPABILITIES[0]).toBe('CAP_CHOWN');
    expect(CAPABILITIES[21]).toBe('CAP_SYS_ADMIN');
    expect(CAPABILITIES[31]).toBe('CAP_SETFCAP');
    expect(CAPABILITIES[40]).toBe('CAP_CHECKPOINT_RESTORE');
    expect(new Set(CAPABILITIES).size).toBe(CAPABILITIES.length);
  });
});

describe('decodeCapabilities', () => {
  it("decodes Docker's default set to exactly its 14 capabilities", () => {
    expect(decodeCapabilities('00000000a80425fb')).toEqual(DOCKER_DEFAULT);
  });

  it('decodes the full set of a 5.9+ kernel to all 41', () => {
    expect(decodeCapabilities('000001ffffffffff')).toEqual(CAPABILITIES);
  });

  it('decodes an empty set to nothing', () => {
    expect(decodeCapabilities('0000000000000000')).toEqual([]);
  });

  it('decodes single bits across the 32-bit boundary', () => {
    expect(decodeCapabilities('0000000000200000')).toEqual(['CAP_SYS_ADMIN']);
    expect(decodeCapabilities('0000000100000000')).toEqual(['CAP_MAC_OVERRIDE']);
  });

  it('names bits a newer kernel may add by number instead of dropping them', () => {
    expect(decodeCapabilities('0000020000000001')).toEqual(['CAP_CHOWN', 'CAP_41']);
  });

  it('rejects what is not a hex mask', () => {
    expect(() => decodeCapabilities('CapEff: zz')).toThrow(/not a capability mask/);
    expect(() => decodeCapabilities('')).toThrow(/not a capability mask/);
  });
});

describe('parseCapabilitySets', () => {
  const status = [
    'Name:\tgrep',
    'Umask:\t0022',
    'State:\tR (running)',
    'CapInh:\t0000000000000000',
    'CapPrm:\t00000000a80425fb',
    'CapEff:\t00000000a80425fb',
    'CapBnd:\t00000000a80425fb',
    'CapAmb:\t0000000000000000',
    'NoNewPrivs:\t0',
    'Seccomp:\t2',
  ].join('\n');

  it('reads every Cap* line of /proc/<pid>/status', () => {
    expect(parseCapabilitySets(status)).toEqual({
      CapInh: '0000000000000000',
      CapPrm: '00000000a80425fb',
      CapEff: '00000000a80425fb',
      CapBnd: '00000000a80425fb',
      CapAmb: '0000000000000000',
    });
  });

  it('works on `grep Cap` output alone', () => {
    expect(parseCapabilitySets('CapEff:\t0000000000000000\nCapBnd:\t0000000000000000\n').CapEff).toBe(
      '0000000000000000',
    );
  });

  it('throws when the effective or bounding set is missing', () => {
    expect(() => parseCapabilitySets('Name:\tsh\nCapInh:\t0000000000000000\n')).toThrow(/CapEff/);
  });
});
