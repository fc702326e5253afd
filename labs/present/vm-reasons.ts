// Why a lab could not boot or compare a VM on this machine (the kit's findVmTools and boot errors):
// these fill `{why}` in the notes of startup, kernel, density and overhead, and kernel's vmSkipped fact.

import type { FactValue } from '../kit/core/events.ts';
import { translator } from './translate.ts';
import type { LabPresentation, Lang } from './types.ts';

export const vmReasonsZh: Record<string, string> = {
  'the VM boots an x86-64 kernel and this machine is {arch}': '虚拟机启动的是 x86-64 内核，而这台机器是 {arch}',
  'qemu-system-x86_64 is not installed (Debian/Ubuntu: apt-get install qemu-system-x86)':
    '没有安装 qemu-system-x86_64（Debian/Ubuntu：apt-get install qemu-system-x86）',
  'no kernel at {path} (fetch one with scripts/fetch-vm-kernel.sh)':
    '{path} 没有内核（用 scripts/fetch-vm-kernel.sh 取一个）',
};

const reasons: LabPresentation = { headlines: () => [], zh: { text: vmReasonsZh, facts: {} } };

/** A reason as a fact value, in the language on screen. */
export const vmReason = (value: FactValue, lang: Lang): string | undefined =>
  typeof value === 'string' ? translator(reasons, lang)(value) : undefined;
