/** Linux capabilities: the table from <linux/capability.h> and decoders for /proc/<pid>/status. */

/** Capability names by number, as the kernel header defines them (0 … 40, Linux 5.9+). */
export const CAPABILITIES: readonly string[] = [
  'CAP_CHOWN',
  'CAP_DAC_OVERRIDE',
  'CAP_DAC_READ_SEARCH',
  'CAP_FOWNER',
  'CAP_FSETID',
  'CAP_KILL',
  'CAP_SETGID',
  'CAP_SETUID',
  'CAP_SETPCAP',
  'CAP_LINUX_IMMUTABLE',
  'CAP_NET_BIND_SERVICE',
  'CAP_NET_BROADCAST',
  'CAP_NET_ADMIN',
  'CAP_NET_RAW',
  'CAP_IPC_LOCK',
  'CAP_IPC_OWNER',
  'CAP_SYS_MODULE',
  'CAP_SYS_RAWIO',
  'CAP_SYS_CHROOT',
  'CAP_SYS_PTRACE',
  'CAP_SYS_PACCT',
  'CAP_SYS_ADMIN',
  'CAP_SYS_BOOT',
  'CAP_SYS_NICE',
  'CAP_SYS_RESOURCE',
  'CAP_SYS_TIME',
  'CAP_SYS_TTY_CONFIG',
  'CAP_MKNOD',
  'CAP_LEASE',
  'CAP_AUDIT_WRITE',
  'CAP_AUDIT_CONTROL',
  'CAP_SETFCAP',
  'CAP_MAC_OVERRIDE',
  'CAP_MAC_ADMIN',
  'CAP_SYSLOG',
  'CAP_WAKE_ALARM',
  'CAP_BLOCK_SUSPEND',
  'CAP_AUDIT_READ',
  'CAP_PERFMON',
  'CAP_BPF',
  'CAP_CHECKPOINT_RESTORE',
];

/**
 * Names of the bits set in a capability mask as /proc prints it (16 hex digits). A bit a newer
 * kernel defines and this table does not know yet is named by its number, never dropped.
 */
export function decodeCapabilities(hexMask: string): string[] {
  const text = hexMask.trim();
  if (!/^[0-9a-f]{1,16}$/i.test(text)) throw new Error(`not a capability mask: "${hexMask}"`);
  const mask = BigInt(`0x${text}`);
  const names: string[] = [];
  for (let bit = 0; bit < 64; bit += 1) {
    if ((mask >> BigInt(bit)) & 1n) names.push(CAPABILITIES[bit] ?? `CAP_${bit}`);
  }
  return names;
}

export interface CapabilitySets {
  /** Effective: what the process may do right now. */
  CapEff: string;
  /** Bounding: the most it could ever gain, even by exec'ing a setuid-root binary. */
  CapBnd: string;
  CapPrm?: string;
  CapInh?: string;
  CapAmb?: string;
}

/** The Cap* lines of /proc/<pid>/status, as hex strings; throws if CapEff or CapBnd is missing. */
export function parseCapabilitySets(status: string): CapabilitySets {
  const sets: Record<string, string> = {};
  for (const match of status.matchAll(/^(Cap[A-Za-z]{3}):\s*([0-9a-f]+)\s*$/gim)) sets[match[1]!] = match[2]!;
  const { CapEff, CapBnd, CapPrm, CapInh, CapAmb } = sets;
  if (!CapEff || !CapBnd) throw new Error('no CapEff/CapBnd lines in this /proc status');
  return { CapEff, CapBnd, CapPrm, CapInh, CapAmb };
}
