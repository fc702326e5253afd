import { describe, expect, it } from 'vitest';
import { describeFrameHeader } from '../../labs/kit/parse/frames.ts';

describe('describeFrameHeader', () => {
  it('reads the stream and the length from the 8-byte header', () => {
    const frame = Buffer.concat([Buffer.from([1, 0, 0, 0, 0, 0, 0, 6]), Buffer.from('hello\n')]);
    expect(describeFrameHeader(frame)).toBe('frame header 01 00 00 00 00 00 00 06 = stdout, 6 bytes follow');
    expect(describeFrameHeader(Buffer.from([2, 0, 0, 0, 0, 0, 1, 0]))).toMatch(/= stderr, 256 bytes follow$/);
    expect(describeFrameHeader(Buffer.from('hi'))).toBe('no frame');
  });
});
