/** The engine's multiplexed log stream, as bytes on the wire. */

/** What the 8-byte header in front of a log frame says: which stream (byte 0), how long (bytes 4–7). */
export function describeFrameHeader(body: Buffer): string {
  if (body.length < 8) return 'no frame';
  const stream = ['stdin', 'stdout', 'stderr'][body[0] ?? 0] ?? `stream ${body[0]}`;
  const hex = [...body.subarray(0, 8)].map((b) => b.toString(16).padStart(2, '0')).join(' ');
  return `frame header ${hex} = ${stream}, ${body.readUInt32BE(4)} bytes follow`;
}
