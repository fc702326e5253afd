/** Parsers for busybox `ip -o ...` output: one line per interface or address, so no state to track. */

/** Interface names from `ip -o link` (`36: eth0@if37: <...>` → `eth0`; the peer after @ dropped). */
export function parseIpLink(output: string): string[] {
  return output
    .split('\n')
    .map((line) => /^\d+:\s+([^:@\s]+)/.exec(line)?.[1])
    .filter((name): name is string => name !== undefined);
}

export interface Ipv4Address {
  ifname: string;
  address: string;
  prefixLength: number;
}

/** IPv4 addresses from `ip -o -4 addr` (`36: eth0    inet 172.17.0.2/16 brd ... scope global eth0`). */
export function parseIpv4Addresses(output: string): Ipv4Address[] {
  return output
    .split('\n')
    .map((line) => /^\d+:\s+(\S+)\s+inet\s+([\d.]+)\/(\d+)/.exec(line))
    .filter((match) => match !== null)
    .map((match) => ({ ifname: match[1]!, address: match[2]!, prefixLength: Number(match[3]) }));
}

/** Each address as `ip` writes it for people: `eth0 172.17.0.2/16`. */
export function ipv4AddressLines(output: string): string[] {
  return parseIpv4Addresses(output).map((a) => `${a.ifname} ${a.address}/${a.prefixLength}`);
}

/** The gateway of the default route in `ip route` output (`default via 172.17.0.1 dev eth0`). */
export function parseDefaultGateway(output: string): string | undefined {
  return /^default via ([\d.]+)/m.exec(output)?.[1];
}
