// Chapter 09 (and 12): a bind mount shows the host the very file a container wrote, owner and all.

import { access } from 'node:fs/promises';
import { join } from 'node:path';
import { defineChallenge, line, missing, type Setting } from './challenge.ts';
import { engineWhere } from './kit.ts';

const NAME = 'wharf-ch-writer';
const UID = 10001;
const FILE = 'hello.txt';
const SLIDE = { chapter: '09-volumes', id: 'lab-volumes' };
/** Podman on SELinux hosts (Fedora, RHEL) needs the folder relabelled for the container: `:z`. */
const mountFlag = ({ cli, workDir }: Setting) => `-v "${workDir}:/out${cli === 'podman' ? ':z' : ''}"`;

/**
 * Whether the engine's path for a bind mount names this folder. Engines in a VM may report it under
 * their own prefix (Docker Desktop on Windows: /run/desktop/mnt/host/c/Users/...), so the tail counts.
 */
export function samePlace(engineSource: string, folder: string): boolean {
  const norm = (path: string) =>
    path
      .replace(/\\/g, '/')
      .replace(/^[a-z]:/i, (drive) => `/${drive[0]!.toLowerCase()}`)
      .replace(/\/+$/, '');
  const source = norm(engineSource);
  const wanted = norm(folder);
  return source === wanted || source.toLowerCase().endsWith(wanted.toLowerCase());
}

export const challenge = defineChallenge({
  id: 'bind-owner',
  title: { en: 'A file owned by uid 10001 on the host', zh: '宿主机上属于 uid 10001 的文件' },
  slide: SLIDE,
  names: { containers: [NAME] },
  folder: 'writable',
  task: ({ workDir }) => ({
    en: `Run a container named ${NAME} from wharf/base, as user ${UID}, that creates ${FILE} in the folder
  ${workDir}
on your machine, through a bind mount. The file must show up there, owned by uid ${UID}.`,
    zh: `用 wharf/base 以用户 ${UID} 运行一个名为 ${NAME} 的容器，通过 bind mount 在你机器上的文件夹
  ${workDir}
里创建 ${FILE}。这个文件要出现在那里，属主是 uid ${UID}。`,
  }),
  hints: [
    {
      en: 'A bind mount maps a folder of the host into the container: -v <host folder>:<path inside>.',
      zh: 'bind mount 把宿主机的文件夹映射进容器：-v <宿主机文件夹>:<容器内路径>。',
    },
    {
      en: 'The user a container runs as is a flag of `run`: --user 10001. It needs no entry in /etc/passwd.',
      zh: '容器以哪个用户运行是 `run` 的一个参数：--user 10001，不需要 /etc/passwd 里有这个用户。',
    },
    {
      en: 'docker run --name wharf-ch-writer --user 10001 -v "<the folder>:/out" wharf/base touch /out/hello.txt',
      zh: 'docker run --name wharf-ch-writer --user 10001 -v "<那个文件夹>:/out" wharf/base touch /out/hello.txt',
    },
  ],
  solution: (setting) => [
    `${setting.cli} run --name ${NAME} --user ${UID} ${mountFlag(setting)} wharf/base touch /out/${FILE}`,
  ],
  async check(engine) {
    const { cli, workDir } = engine.setting;
    const info = await engine.container(NAME);
    if (!info)
      return [missing('container', NAME, `${cli} run --name ${NAME} … wharf/base touch /out/${FILE}`, 'bind-owner')];
    const user = (info.Config.User || 'root').split(':')[0];
    const mount = (info.Mounts ?? []).find((m) => m.Type === 'bind' && samePlace(m.Source, workDir));
    const bound = Boolean(mount);
    const lines = [
      line(
        user === String(UID),
        `${NAME} ran as ${/^\d+$/.test(user ?? '') ? `uid ${user}` : user}`,
        `run it as user ${UID}: --user ${UID}`,
        SLIDE,
      ),
      line(
        bound,
        bound ? `${workDir} is bind-mounted into it` : 'no bind mount of the challenge folder',
        `mount the folder: ${mountFlag(engine.setting)}`,
        SLIDE,
      ),
    ];
    const onHost = await access(join(workDir, FILE)).then(
      () => true,
      () => false,
    );
    if (!onHost) {
      // A plain remote engine (tcp://, ssh://) mounts a folder of ITS machine by that name: whatever
      // the container wrote is there, never here. Docker Desktop and other VMs share this folder.
      const where = engineWhere(engine.info);
      const why = where.here
        ? `not there: write it into the mounted folder (/out/${FILE})`
        : `not on this machine: your engine runs on ${where.engineHost}, and a bind mount there names a folder of ` +
          'that machine. Use an engine on this machine (or one that shares your folders, like Docker Desktop), ' +
          'or do this challenge on that machine';
      return [...lines, line(false, `${FILE} in ${workDir}`, why, SLIDE)];
    }
    // The owner as the engine's host sees it (the same as this machine's on native Linux; inside the VM for Docker Desktop).
    // The engine's own name for the folder when it reported one (Docker Desktop on Windows rewrites it).
    const seen = await engine.helper(`stat -c %u /out/${FILE}`, {
      Mounts: [{ Type: 'bind', Source: mount?.Source ?? workDir, Target: '/out', ReadOnly: true }],
    });
    const owner = seen.stdout.trim();
    return [
      ...lines,
      line(
        owner === String(UID),
        `${FILE} is on the host, owned by uid ${owner}`,
        `it must belong to uid ${UID}: write it as that user`,
        SLIDE,
      ),
    ];
  },
});
