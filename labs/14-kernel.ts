#!/usr/bin/env tsx
// Lab "kernel": a container has no kernel of its own. Its kernel release and the kernel's boot id
// are the engine host's; a VM boots its own kernel, with its own release and boot id.
import * as kit from './kit/index.ts';
import { type ContextFor, defineLab, fact, runIfMain } from './kit/index.ts';

const facts = {
  containerRelease: fact<string>('Kernel release inside a container (uname -r)'),
  containerBootId: fact<string>('Boot id inside the container'),
  hostRelease: fact<string>('Kernel release on the engine host'),
  hostBootId: fact<string>('Boot id on the engine host'),
  containerSharesHostKernel: fact<boolean>('Same release and same boot id: the host kernel itself'),
  vmSkipped: fact<string>('Why no VM was compared'),
  vmSource: fact<string>('Which VM boot'),
  vmRelease: fact<string>('Kernel release inside the VM'),
  vmBootId: fact<string>('Boot id inside the VM'),
  vmHasOwnKernel: fact<boolean>('The VM runs a kernel of its own (another boot id)'),
};
type Ctx = ContextFor<typeof facts>;

const LOOK = ['sh', '-c', 'uname -r; cat /proc/sys/kernel/random/boot_id'];
const read = (text: string) => {
  const [release = '', bootId = ''] = text
    .trim()
    .split('\n')
    .map((line) => line.trim());
  return { release, bootId };
};

async function containerAndHost(ctx: Ctx) {
  ctx.step('Inside a container');
  const inside = read((await ctx.run({ cmd: LOOK, print: true })).stdout);
  ctx.facts({ containerRelease: inside.release, containerBootId: inside.bootId });
  ctx.step('On the engine host');
  ctx.note(`A --pid=host helper is still a container, but /proc/sys/kernel/random/boot_id is the running kernel's:
    changed at every boot, the same for every process of that boot.`);
  const host = read(await ctx.onHost(LOOK[2] as string, { shown: LOOK }));
  ctx.output(`${host.release}\n${host.bootId}`);
  ctx.facts({ hostRelease: host.release, hostBootId: host.bootId });
  ctx.fact(
    'containerSharesHostKernel',
    inside.release === host.release && inside.bootId === host.bootId && inside.bootId !== '',
  );
  ctx.note('One kernel for the host and every container on it: a container is processes, not a machine.');
  return host;
}

async function vm(ctx: Ctx, host: { bootId: string }) {
  ctx.step('Inside a virtual machine');
  const record = await kit.lastVmBootRecord();
  let seen: { release: string; bootId: string };
  if (record) {
    ctx.note(`From the last VM boot of lab startup (${record.at}): the release and boot id its guest printed.`);
    ctx.fact('vmSource', `lab startup's VM boot at ${record.at} (QEMU microvm, ${record.accel})`);
    seen = record;
  } else {
    const tools = await kit.findVmTools();
    if ('missing' in tools) {
      ctx.note(`No VM to compare with here: ${tools.missing}.`);
      ctx.fact('vmSkipped', tools.missing);
      return;
    }
    ctx.note('No VM boot recorded yet on this machine: booting one now (lab startup does the same).');
    ctx.wait('booting a VM');
    const booted = await kit.bootMinimalVm(tools, { signal: ctx.signal });
    ctx.shown(kit.shellLine(booted.argv));
    ctx.fact('vmSource', `booted now (QEMU microvm, ${booted.accel})`);
    seen = booted;
  }
  ctx.output(`${seen.release}\n${seen.bootId}`);
  ctx.facts({ vmRelease: seen.release, vmBootId: seen.bootId });
  ctx.fact('vmHasOwnKernel', seen.bootId !== '' && seen.bootId !== host.bootId);
  ctx.note(`The VM's kernel booted on its own (virtual) hardware: another boot id, and whatever release its image
    ships, whatever the host runs.`);
}

export const lab = defineLab({
  id: 'kernel',
  title: 'One kernel: the host’s',
  shows: 'uname -r and the boot id are the host’s inside a container, and a VM’s own inside a VM.',
  facts,
  async run(ctx) {
    const host = await containerAndHost(ctx);
    await vm(ctx, host);
  },
});

await runIfMain(import.meta.url, lab);
