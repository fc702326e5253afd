// Chapter 12: a read-only root filesystem, with one writable scratch space in memory.
import { defineChallenge, line, missing } from './challenge.ts';

const NAME = 'wharf-ch-readonly';
const SLIDE = { chapter: '12-security', id: 'lab-security' };

export const challenge = defineChallenge({
  id: 'read-only',
  title: { en: 'Read-only, except /scratch', zh: '只读，除了 /scratch' },
  slide: SLIDE,
  names: { containers: [NAME] },
  task: () => ({
    en: `Start a container named ${NAME} from wharf/base, detached, running sleep 3600, whose root
filesystem is read-only, with one writable place: a tmpfs (memory) mounted at /scratch.`,
    zh: `用 wharf/base 在后台启动一个名为 ${NAME} 的容器，运行 sleep 3600，它的根文件系统是只读的，
只有一个可写的地方：挂载在 /scratch 的 tmpfs（内存文件系统）。`,
  }),
  hints: [
    {
      en: "One flag of `run` makes the image's filesystem read-only for the container.",
      zh: '`run` 的一个参数就能让容器看到的镜像文件系统变成只读。',
    },
    {
      en: '--read-only, and --tmpfs <path> mounts a fresh in-memory filesystem at that path.',
      zh: '--read-only，再用 --tmpfs <路径> 在该路径挂一个新的内存文件系统。',
    },
    {
      en: 'docker run -d --name wharf-ch-readonly --read-only --tmpfs /scratch wharf/base sleep 3600',
      zh: 'docker run -d --name wharf-ch-readonly --read-only --tmpfs /scratch wharf/base sleep 3600',
    },
  ],
  solution: ({ cli }) => [`${cli} run -d --name ${NAME} --read-only --tmpfs /scratch wharf/base sleep 3600`],
  async check(engine) {
    const { cli } = engine.setting;
    const info = await engine.container(NAME);
    if (!info) return [missing('container', NAME, `${cli} run -d --name ${NAME} … wharf/base sleep 3600`, 'read-only')];
    if (!info.State.Running)
      return [
        line(
          false,
          `${NAME} is running`,
          `it is ${info.State.Status}: the check writes in it, so run sleep 3600 as its main process`,
          SLIDE,
        ),
      ];
    // Try it for real: a write to / and one to /scratch (the probe file is removed at once), and /scratch's mount.
    const probe = await engine.exec(NAME, [
      'sh',
      '-c',
      'touch /.wharf-check 2>&1; echo "root $?"; rm -f /.wharf-check; touch /scratch/.wharf-check 2>&1; echo "scratch $?"; rm -f /scratch/.wharf-check; grep " /scratch " /proc/mounts',
    ]);
    const out = probe.stdout;
    const rootWritable = /^root 0$/m.test(out);
    const scratchWritable = /^scratch 0$/m.test(out);
    const scratchFs = / \/scratch (\S+) /.exec(out)?.[1];
    return [
      line(
        !rootWritable && Boolean(info.HostConfig.ReadonlyRootfs),
        rootWritable ? 'writing to / works' : 'writing to / fails: the root filesystem is read-only',
        'the root filesystem must be read-only: --read-only',
        SLIDE,
      ),
      line(
        scratchWritable,
        scratchWritable ? 'writing to /scratch works' : 'writing to /scratch fails',
        'give it one writable place: --tmpfs /scratch',
        SLIDE,
      ),
      line(
        scratchFs === 'tmpfs',
        scratchFs ? `/scratch is a ${scratchFs} mount` : '/scratch is not a mount of its own',
        '/scratch must be a tmpfs: --tmpfs /scratch',
        SLIDE,
      ),
    ];
  },
});
