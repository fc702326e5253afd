import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { busyboxPathFor } from '../../labs/kit/engine/base-image.ts';
import { NOW_US, parseTimings, timedScript } from '../../labs/kit/parse/clock.ts';

describe('parseTimings', () => {
  it('reads the wall clock in microseconds while the monotonic one agrees with it', () => {
    expect(parseTimings('exec 312456 31\nloop 4021 0\n')).toEqual({ exec: [312.456], loop: [4.021] });
  });

  it('takes the monotonic clock when the wall clock was stepped during the loop, either way', () => {
    // A step forward of 131 s, and one back that makes the wall clock's figure negative.
    expect(parseTimings('exec 131371298 32\nloop -2995810 1')).toEqual({ exec: [320], loop: [10] });
  });

  it('keeps samples per label, in order, and skips what is not a timing', () => {
    expect(parseTimings('cpu 100000 10\nnoise\ncpu 120000 12')).toEqual({ cpu: [100, 120] });
  });
});

describe('timedScript', () => {
  const arch = process.arch === 'arm64' ? 'arm64' : 'amd64';
  /** `now` on an adjtimex that prints what the kernel says (busybox's format), with or without STA_NANO. */
  const nowWith = (status: number, fraction: number) =>
    spawnSync(
      busyboxPathFor(arch),
      [
        'sh',
        '-c',
        `adjtimex() { printf '    status:       ${status}\\n    time.tv_sec:  1796285233\\n    time.tv_usec: ${fraction}\\n'; }\n${NOW_US}\nnow`,
      ],
      { encoding: 'utf8' },
    ).stdout.split(' ')[0];

  it('reads tv_usec as nanoseconds when the kernel says STA_NANO, as a time daemon may set it', () => {
    expect(nowWith(8256, 287895031)).toBe('1796285233287895');
    expect(nowWith(64, 287895)).toBe('1796285233287895');
    expect(nowWith(64, 5)).toBe('1796285233000005');
  });

  it('times a body with the busybox the labs run, on both clocks', () => {
    const script = `${NOW_US}\n${timedScript('nap', 'sleep 0.2')}`;
    const ran = spawnSync(busyboxPathFor(arch), ['sh', '-c', script], { encoding: 'utf8' });
    expect(ran.stderr).toBe('');
    const [, wallUs = '', hundredths = ''] = /^nap (\d+) (\d+)$/.exec(ran.stdout.trim()) ?? [];
    expect(Number(wallUs) / 1000).toBeGreaterThanOrEqual(200);
    expect(Math.abs(Number(wallUs) / 1000 - Number(hundredths) * 10)).toBeLessThan(50);
    expect(parseTimings(ran.stdout).nap?.[0]).toBe(Number(wallUs) / 1000);
  });
});
