import { describe, expect, it } from 'vitest';
import type { HistoryEntry } from '../../labs/kit/engine/image-calls.ts';
import { humanBytes, instructionOf, layersOf } from '../../labs/kit/parse/layers.ts';

const entry = (CreatedBy: string, Size: number): HistoryEntry => ({
  Id: '<missing>',
  Created: 0,
  CreatedBy,
  Tags: null,
  Size,
  Comment: '',
});

// `docker history` of a layers-lab image on Docker 20.10, newest first, as the engine returned it.
const history = [
  entry('/bin/sh -c #(nop)  LABEL wharf.run=mwtg9z7y2607bf', 0),
  entry('/bin/sh -c #(nop)  LABEL wharf.lab=layers', 0),
  entry('/bin/sh -c echo "only in layers-a" > /opt/a.txt', 17),
  entry('/bin/sh -c mkdir /opt && echo "shared" > /opt/common.txt', 32),
  entry('/bin/sh -c #(nop)  CMD ["sh"]', 0),
  entry('/bin/sh -c #(nop) WORKDIR /', 0),
  entry('/bin/sh -c #(nop)  ENV PATH=/bin', 0),
  entry('/bin/busybox --install -s /bin', 3216),
  entry('/bin/sh -c #(nop) COPY dir:7228c270a7a620a36 in / ', 1982353),
];
const diffIds = ['c63d9a0993a4', '0952a1377f42', '237db06fe210', 'e5bca619f7d8'].map(
  (id) => `sha256:${id}${'0'.repeat(52)}`,
);

describe('instructionOf', () => {
  it('turns history entries back into Dockerfile instructions', () => {
    expect(instructionOf('/bin/sh -c #(nop) COPY dir:7228c270a7a620a36 in / ')).toBe('COPY dir:7228c270a7a620a36 in /');
    expect(instructionOf('/bin/sh -c #(nop)  ENV PATH=/bin')).toBe('ENV PATH=/bin');
    expect(instructionOf('/bin/sh -c echo hi > /x')).toBe('RUN echo hi > /x');
    expect(instructionOf('/bin/busybox --install -s /bin')).toBe('RUN /bin/busybox --install -s /bin');
  });

  it('drops the build arguments the classic builder records before a RUN', () => {
    expect(instructionOf('|2 A=1 B=2 /bin/sh -c echo $A$B')).toBe('RUN echo $A$B');
  });

  it('reads BuildKit history too', () => {
    expect(instructionOf('RUN /bin/sh -c echo hi # buildkit')).toBe('RUN echo hi');
    expect(instructionOf('COPY greeting.txt /app/ # buildkit')).toBe('COPY greeting.txt /app/');
  });
});

describe('layersOf', () => {
  it('pairs each layer with the instruction that made it and its size', () => {
    expect(layersOf(diffIds, history)).toEqual([
      { digest: 'c63d9a0993a4', bytes: 1982353, step: 'COPY dir:7228c270a7a620a36 in /' },
      { digest: '0952a1377f42', bytes: 3216, step: 'RUN /bin/busybox --install -s /bin' },
      { digest: '237db06fe210', bytes: 32, step: 'RUN mkdir /opt && echo "shared" > /opt/common.txt' },
      { digest: 'e5bca619f7d8', bytes: 17, step: 'RUN echo "only in layers-a" > /opt/a.txt' },
    ]);
  });

  it('leaves sizes unknown rather than guessing when the history does not line up', () => {
    expect(layersOf(diffIds.slice(0, 3), history).map((layer) => layer.bytes)).toEqual([null, null, null]);
  });
});

describe('humanBytes', () => {
  it('prints sizes in decimal units like docker', () => {
    expect(humanBytes(136)).toBe('136 B');
    expect(humanBytes(3216)).toBe('3.22 kB');
    expect(humanBytes(1985754)).toBe('1.99 MB');
  });
});
