import { describe, expect, it } from 'vitest';
import { parseDefaultGateway, parseIpLink, parseIpv4Addresses } from '../../labs/kit/parse/ip.ts';

// busybox 1.35 `ip -o` output in a container on Docker's default bridge.
const LINKS = `1: lo: <LOOPBACK,UP,LOWER_UP> mtu 65536 qdisc noqueue qlen 1000\\    link/loopback 00:00:00:00:00:00 brd 00:00:00:00:00:00
36: eth0@if37: <BROADCAST,MULTICAST,UP,LOWER_UP,M-DOWN> mtu 1500 qdisc noqueue \\    link/ether 02:42:ac:11:00:02 brd ff:ff:ff:ff:ff:ff
`;
const ADDRESSES = `1: lo    inet 127.0.0.1/8 scope host lo\\       valid_lft forever preferred_lft forever
36: eth0    inet 172.17.0.2/16 brd 172.17.255.255 scope global eth0\\       valid_lft forever preferred_lft forever
`;
const ROUTES = 'default via 172.17.0.1 dev eth0 \n172.17.0.0/16 dev eth0 scope link  src 172.17.0.2 \n';

describe('busybox ip parsers', () => {
  it('names the interfaces, without the veth peer suffix', () => {
    expect(parseIpLink(LINKS)).toEqual(['lo', 'eth0']);
  });

  it('reads each IPv4 address with its prefix length', () => {
    expect(parseIpv4Addresses(ADDRESSES)).toEqual([
      { ifname: 'lo', address: '127.0.0.1', prefixLength: 8 },
      { ifname: 'eth0', address: '172.17.0.2', prefixLength: 16 },
    ]);
  });

  it('finds the default gateway, or none with --network none', () => {
    expect(parseDefaultGateway(ROUTES)).toBe('172.17.0.1');
    expect(parseDefaultGateway('')).toBeUndefined();
  });
});
