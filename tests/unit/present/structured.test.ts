// Facts that are records read as sentences, not as `key value · key value` dumps, in both languages.
import { describe, expect, it } from 'vitest';
import { presentations, texts } from '../../../labs/present/index.ts';
import { factLabel, factValue } from '../../../labs/present/translate.ts';

describe('namespace facts', () => {
  const own = { container: 4026532330, host: 4026531836, secondContainer: 4026532256, sharedWithHost: false };
  const shared = { container: 4026531837, host: 4026531837, secondContainer: 4026531837, sharedWithHost: true };

  it('say whose namespace it is before the inode numbers', () => {
    expect(factValue(presentations.namespaces, texts.namespaces, 'en', 'pidNamespace', own)).toBe(
      'its own: container 4026532330, host 4026531836, second container 4026532256',
    );
    expect(factValue(presentations.namespaces, texts.namespaces, 'zh', 'netNamespace', own)).toBe(
      '自己的：容器 4026532330，宿主机 4026531836，第二个容器 4026532256',
    );
    expect(factValue(presentations.namespaces, texts.namespaces, 'en', 'userNamespace', shared)).toBe(
      'shared with the host: 4026531837 everywhere',
    );
    expect(factValue(presentations.namespaces, texts.namespaces, 'zh', 'timeNamespace', shared)).not.toMatch(
      /sharedWithHost|container/,
    );
  });
});

describe('layer file views', () => {
  const view = { '/opt/common.txt': null, '/tmp/new.txt': 'written by the lab', passwdLines: 3 };

  it('name each file and say what it holds, or that it is gone', () => {
    expect(factValue(presentations.layers, texts.layers, 'en', 'firstContainerView', view)).toBe(
      '/opt/common.txt absent · /tmp/new.txt “written by the lab” · /etc/passwd 3 lines',
    );
    expect(factValue(presentations.layers, texts.layers, 'zh', 'secondContainerView', view)).toBe(
      '/opt/common.txt 不存在 · /tmp/new.txt “written by the lab” · /etc/passwd 3 行',
    );
  });
});

describe('fact labels', () => {
  it('drop their unit where the value carries its own', () => {
    const cgroups = presentations.cgroups!;
    expect(factValue(cgroups, texts.cgroups, 'en', 'cpuMeasuredOverMs', 2092)).toMatch(/ s$/);
    expect(factLabel(cgroups, texts.cgroups, 'en', 'cpuMeasuredOverMs')).toBe('Measured over');
    expect(factLabel(cgroups, texts.cgroups, 'zh', 'cpuMeasuredOverMs')).toBe('测量时长');
    // no unit of its own: the label keeps saying what the number counts
    expect(presentations['build-ship-run']!.units?.startupP50Ms).toBeUndefined();
    expect(factLabel(presentations['build-ship-run'], texts['build-ship-run'], 'en', 'startupP50Ms')).toBe(
      'Start-up p50 (ms)',
    );
  });
});

describe('why no VM ran', () => {
  it('is a sentence by key, read in the language on screen, its values filled in', () => {
    const reason = { key: 'kit.vmNoKernel', values: { path: '/root/.cache/wharf/vm/vmlinuz' } };
    expect(factValue(presentations.kernel, texts.kernel, 'zh', 'vmSkipped', reason)).toBe(
      '/root/.cache/wharf/vm/vmlinuz 没有内核（用 scripts/fetch-vm-kernel.sh 取一个）',
    );
    expect(factValue(presentations.kernel, texts.kernel, 'en', 'vmSkipped', reason)).toBe(
      'no kernel at /root/.cache/wharf/vm/vmlinuz (fetch one with scripts/fetch-vm-kernel.sh)',
    );
  });
});
