#!/usr/bin/env tsx
// Lab "kernel": a container has no kernel of its own. Its kernel release and the kernel's boot id
// are the engine host's; a VM boots its own kernel, with its own release and boot id.
import type { Said } from './kit/index.ts';
import * as kit from './kit/index.ts';
import { type ContextFor, defineLab, fact, runIfMain } from './kit/index.ts';
import { kernel as text } from './text/kernel.ts';

const facts = {
  containerRelease: fact<string>(),
  containerBootId: fact<string>(),
  hostRelease: fact<string>(),
  hostBootId: fact<string>(),
  containerSharesHostKernel: fact<boolean>(),
  vmSkipped: fact<Said>(),
  vmSource: fact<Said>(),
  vmRelease: fact<string>(),
  vmBootId: fact<string>(),
  vmHasOwnKernel: fact<boolean>(),
};
type Ctx = ContextFor<typeof facts, typeof text>;

const LOOK = ['sh', '-c', 'uname -r; cat /proc/sys/kernel/random/boot_id'];
const read = (text: string) => {
  const [release = '', bootId = ''] = text
    .trim()
    .split('\n')
    .map((line) => line.trim());
  return { release, bootId };
};

async function containerAndHost(ctx: Ctx) {
  ctx.step('insideContainer');
  const inside = read((await ctx.run({ cmd: LOOK, print: true })).stdout);
  ctx.facts({ containerRelease: inside.release, containerBootId: inside.bootId });
  ctx.step('onEngineHost');
  ctx.note('bootIdIsKernels');
  const host = read(await ctx.onHost(LOOK[2] as string, { shown: LOOK }));
  ctx.output(`${host.release}\n${host.bootId}`);
  ctx.facts({ hostRelease: host.release, hostBootId: host.bootId });
  ctx.fact(
    'containerSharesHostKernel',
    inside.release === host.release && inside.bootId === host.bootId && inside.bootId !== '',
  );
  ctx.note('oneKernel');
  return host;
}

async function vm(ctx: Ctx, host: { bootId: string }) {
  ctx.step('insideVm');
  const record = await kit.lastVmBootRecord();
  let seen: { release: string; bootId: string };
  if (record) {
    ctx.note('fromStartup', { at: record.at });
    ctx.fact('vmSource', { key: 'kit.vmBootAt', values: { at: record.at, details: record.accel } });
    seen = record;
  } else {
    const tools = await kit.findVmTools();
    if ('missing' in tools) {
      ctx.note('noVm', { why: tools.missing });
      ctx.fact('vmSkipped', tools.missing);
      return;
    }
    ctx.note('bootingNow');
    ctx.wait('booting');
    const booted = await kit.bootMinimalVm(tools, { signal: ctx.signal });
    ctx.shown(kit.shellLine(booted.argv));
    ctx.fact('vmSource', { key: 'kit.vmBootedNow', values: { details: booted.accel } });
    seen = booted;
  }
  ctx.output(`${seen.release}\n${seen.bootId}`);
  ctx.facts({ vmRelease: seen.release, vmBootId: seen.bootId });
  ctx.fact('vmHasOwnKernel', seen.bootId !== '' && seen.bootId !== host.bootId);
  ctx.note('vmOwnKernel');
}

export const lab = defineLab({
  id: 'kernel',
  text,
  facts,
  async run(ctx) {
    const host = await containerAndHost(ctx);
    await vm(ctx, host);
  },
});

await runIfMain(import.meta.url, lab);
