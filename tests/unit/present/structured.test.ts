// Facts that are records read as sentences, not as `key value · key value` dumps, in both languages.
import { describe, expect, it } from 'vitest';
import { presentations } from '../../../labs/present/index.ts';
import { factLabel, factValue, translator } from '../../../labs/present/translate.ts';

describe('namespace facts', () => {
  const own = { container: 4026532330, host: 4026531836, secondContainer: 4026532256, sharedWithHost: false };
  const shared = { container: 4026531837, host: 4026531837, secondContainer: 4026531837, sharedWithHost: true };

  it('say whose namespace it is before the inode numbers', () => {
    expect(factValue(presentations.namespaces, 'en', 'pidNamespace', own)).toBe(
      'its own: container 4026532330, host 4026531836, second container 4026532256',
    );
    expect(factValue(presentations.namespaces, 'zh', 'netNamespace', own)).toBe(
      '自己的：容器 4026532330，宿主机 4026531836，第二个容器 4026532256',
    );
    expect(factValue(presentations.namespaces, 'en', 'userNamespace', shared)).toBe(
      'shared with the host: 4026531837 everywhere',
    );
    expect(factValue(presentations.namespaces, 'zh', 'timeNamespace', shared)).not.toMatch(/sharedWithHost|container/);
  });
});

describe('layer file views', () => {
  const view = { '/opt/common.txt': null, '/tmp/new.txt': 'written by the lab', passwdLines: 3 };

  it('name each file and say what it holds, or that it is gone', () => {
    expect(factValue(presentations.layers, 'en', 'firstContainerView', view)).toBe(
      '/opt/common.txt absent · /tmp/new.txt “written by the lab” · /etc/passwd 3 lines',
    );
    expect(factValue(presentations.layers, 'zh', 'secondContainerView', view)).toBe(
      '/opt/common.txt 不存在 · /tmp/new.txt “written by the lab” · /etc/passwd 3 行',
    );
  });
});

describe('fact labels', () => {
  it('drop their unit where the value carries its own', () => {
    const cgroups = presentations.cgroups!;
    expect(factValue(cgroups, 'en', 'cpuMeasuredOverMs', 2092)).toMatch(/ s$/);
    expect(factLabel(cgroups, 'en', 'cpuMeasuredOverMs', 'Measured over (ms)')).toBe('Measured over');
    expect(factLabel(cgroups, 'zh', 'cpuMeasuredOverMs', 'Measured over (ms)')).toBe('测量时长');
    // no unit of its own: the label keeps saying what the number counts
    expect(presentations['build-ship-run']!.units?.startupP50Ms).toBeUndefined();
    expect(factLabel(presentations['build-ship-run'], 'en', 'startupP50Ms', 'Start-up p50 (ms)')).toBe(
      'Start-up p50 (ms)',
    );
  });
});

describe('phrases a lab fills into a sentence', () => {
  it('are translated too, so a zh note carries no English reason', () => {
    const zh = translator(presentations.overhead, 'zh');
    const note = `Not compared: the VM runs under software emulation here (no working KVM). Under software emulation every guest instruction is translated, so a VM figure would measure QEMU's translator, not virtualisation's overhead.`;
    expect(zh(note).replace(/QEMU|KVM/g, '')).not.toMatch(/[A-Za-z]{3,}/);
    const startup = translator(presentations.startup, 'zh');
    expect(
      startup(
        'KVM is present but the VM did not boot with it (The VM did not boot within 5 s (kvm).): software emulation.',
      ),
    ).toBe('有 KVM，但虚拟机用它没能启动（虚拟机没能在 5 秒内启动（kvm））：改用软件模拟。');
  });
});

describe('why no VM ran', () => {
  it('reads in Chinese in the note and in the fact', () => {
    const reason = 'no kernel at /root/.cache/wharf/vm/vmlinuz (fetch one with scripts/fetch-vm-kernel.sh)';
    expect(translator(presentations.kernel, 'zh')(`No VM to compare with here: ${reason}.`)).toBe(
      '这里没有可以比较的虚拟机：/root/.cache/wharf/vm/vmlinuz 没有内核（用 scripts/fetch-vm-kernel.sh 取一个）。',
    );
    expect(factValue(presentations.kernel, 'zh', 'vmSkipped', reason)).toMatch(/^\/root\S+ 没有内核/);
    expect(factValue(presentations.kernel, 'en', 'vmSkipped', reason)).toBe(reason);
  });
});
