import { describe, expect, it } from 'vitest';
import {
  compareNamespaces,
  IDENTITY_UID_MAP,
  namespacesScript,
  parseHostReference,
  parseNamespaces,
  uidMapLine,
} from '../../labs/kit/parse/namespaces.ts';

describe('parseNamespaces', () => {
  it('reads each kind to its inode number', () => {
    const output = 'pid pid:[4026532181]\nnet net:[4026532182]\nuser user:[4026531837]\ntime time:[4026531834]\n';
    expect(parseNamespaces(output)).toEqual({ pid: 4026532181, net: 4026532182, user: 4026531837, time: 4026531834 });
  });

  it('leaves out links that could not be read, and kinds it does not know', () => {
    expect(parseNamespaces('pid \nmnt mnt:[4026531832]\npid_for_children pid:[4026531836]\n')).toEqual({
      mnt: 4026531832,
    });
  });
});

describe('namespacesScript', () => {
  it('reads the links of the process it is given', () => {
    expect(namespacesScript('$ref')).toContain('readlink /proc/$ref/ns/$n');
    expect(namespacesScript(1)).toMatch(/for n in pid net mnt uts ipc user cgroup time;/);
  });
});

describe('parseHostReference', () => {
  it('reads the pid and name of the reference process', () => {
    expect(parseHostReference('2 kthreadd\n')).toEqual({ pid: 2, comm: 'kthreadd' });
    expect(parseHostReference('1 systemd')).toEqual({ pid: 1, comm: 'systemd' });
    expect(parseHostReference('')).toBeUndefined();
  });
});

describe('compareNamespaces', () => {
  it('sorts each kind into private or shared with the host, and shared with the neighbour', () => {
    const mine = { pid: 10, net: 11, user: 1, time: 2 };
    const neighbour = { pid: 20, net: 11, user: 1, time: 2 };
    const host = { pid: 1, net: 3, user: 1 };
    const compared = compareNamespaces(mine, neighbour, host);
    expect(compared.privateFromHost).toEqual(['pid', 'net']);
    expect(compared.sharedWithHost).toEqual(['user']);
    expect(compared.sharedBetweenContainers).toEqual(['net', 'user', 'time']);
    // The host's time link was not readable: neither private nor shared, and said so.
    expect(compared.each.find(([kind]) => kind === 'time')?.[1]).toEqual({
      container: 2,
      host: null,
      secondContainer: 2,
      sharedWithHost: null,
    });
    expect(compared.each.map(([kind]) => kind)).toEqual(['pid', 'net', 'user', 'time']);
  });
});

describe('uidMapLine', () => {
  it('reads uid_map as one line, without its column padding', () => {
    expect(uidMapLine('         0          0 4294967295\n')).toBe(IDENTITY_UID_MAP);
    expect(uidMapLine('         0     100000      65536')).toBe('0 100000 65536');
  });
});
