// Why a lab could not boot or compare a VM on this machine (the kit's findVmTools and boot errors), and
// where a VM figure came from: these fill `{why}` in notes and the VM facts of startup, kernel, density, overhead.

import type { FactValue } from '../kit/core/events.ts';
import { translator } from './translate.ts';
import type { LabPresentation, Lang } from './types.ts';

export const vmReasonsZh: Record<string, string> = {
  'the VM boots an x86-64 kernel and this machine is {arch}': '虚拟机启动的是 x86-64 内核，而这台机器是 {arch}',
  'qemu-system-x86_64 is not installed (Debian/Ubuntu: apt-get install qemu-system-x86)':
    '没有安装 qemu-system-x86_64（Debian/Ubuntu：apt-get install qemu-system-x86）',
  "lab startup's VM boot at {at} (QEMU microvm, {details})":
    'startup 实验在 {at} 启动的虚拟机（QEMU microvm，{details}）',
  "the notes' figure: 700 MB per VM (not measured)": '笔记里的数字：每台虚拟机 700 MB（未实测）',
  'no kernel at {path} (fetch one with scripts/fetch-vm-kernel.sh)':
    '{path} 没有内核（用 scripts/fetch-vm-kernel.sh 取一个）',
};

const reasons: LabPresentation = { headlines: () => [], zh: { text: vmReasonsZh, facts: {} } };

/** A reason as a fact value, in the language on screen. */
export const vmReason = (value: FactValue, lang: Lang): string | undefined =>
  typeof value === 'string' ? translator(reasons, lang)(value) : undefined;
