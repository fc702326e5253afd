// Facts that are records read as sentences, not as `key value · key value` dumps, in both languages.
import { describe, expect, it } from 'vitest';
import { presentations } from '../../../labs/present/index.ts';
import { factValue } from '../../../labs/present/translate.ts';

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
