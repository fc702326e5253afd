// Chapter 11: a CPU cap is a quota per period in the container's cgroup, not a weight.
import { defineChallenge, line, missing } from './challenge.ts';
import { CGROUP_FILES, cpusAllowed, parseCpuMax } from './kit.ts';

const NAME = 'wharf-ch-cpu';
const SLIDE = { chapter: '11-cgroups', id: 'lab-cgroups' };

export const challenge = defineChallenge({
  id: 'cpu-half',
  title: { en: 'Half a CPU, at most', zh: '最多半个 CPU' },
  slide: SLIDE,
  names: { containers: [NAME] },
  task: ({ cli }) => ({
    en: `Start a container named ${NAME} from wharf/base, detached, running sleep 3600, that may never use
more than half of one CPU, however idle the machine is. (${cli} stats shows it at work if you give it a
busy loop instead of sleep.)`,
    zh: `用 wharf/base 在后台启动一个名为 ${NAME} 的容器，运行 sleep 3600，无论机器多空闲，它都不能用超过
半个 CPU。（如果把 sleep 换成忙循环，${cli} stats 能看到限制在起作用。）`,
  }),
  hints: [
    {
      en: 'There is a weight (shares: only matters when CPUs are contended) and a cap (a quota per period). You want the cap.',
      zh: 'CPU 有权重（shares：只在争抢时起作用）和上限（每个周期的配额）两种。你要的是上限。',
    },
    {
      en: '--cpus 0.5 sets the quota to half the period; inside, it is cpu.max (v2) or cpu.cfs_quota_us (v1).',
      zh: '--cpus 0.5 把配额设为周期的一半；在容器里它是 cpu.max（v2）或 cpu.cfs_quota_us（v1）。',
    },
    {
      en: 'docker run -d --name wharf-ch-cpu --cpus 0.5 wharf/base sleep 3600',
      zh: 'docker run -d --name wharf-ch-cpu --cpus 0.5 wharf/base sleep 3600',
    },
  ],
  solution: ({ cli }) => [`${cli} run -d --name ${NAME} --cpus 0.5 wharf/base sleep 3600`],
  async check(engine) {
    const { cli } = engine.setting;
    const info = await engine.container(NAME);
    if (!info) return [missing('container', NAME, `${cli} run -d --name ${NAME} … wharf/base sleep 3600`, 'cpu-half')];
    if (!info.State.Running)
      return [
        line(
          false,
          `${NAME} is running`,
          `it is ${info.State.Status}: the check reads its cgroup, so run sleep 3600 as its main process`,
          SLIDE,
        ),
      ];
    // The limit as the kernel enforces it: the container's own cgroup files (v1: quota and period; v2: cpu.max).
    const files = CGROUP_FILES[engine.cgroupVersion].cpuMax;
    const read = await engine.exec(NAME, ['cat', ...files]);
    const cpus = cpusAllowed(parseCpuMax(read.stdout));
    const shares = info.HostConfig.CpuShares ?? 0;
    const hint =
      cpus !== null
        ? 'the task asks for half a CPU: --cpus 0.5'
        : shares
          ? '--cpu-shares is a weight that only counts when CPUs are contended, not a cap: use --cpus 0.5'
          : 'no CPU cap: add --cpus 0.5';
    return [
      line(
        cpus === 0.5,
        cpus === null
          ? `its cgroup sets no CPU cap (${files.join(', ')})`
          : `its cgroup allows ${cpus} CPU (${read.stdout.trim().split(/\s+/).join(' of ')} µs)`,
        hint,
        SLIDE,
      ),
    ];
  },
});
