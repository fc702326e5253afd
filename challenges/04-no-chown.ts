// Chapter 12: root in a container is only as mighty as its capabilities: without CAP_CHOWN, chown fails.
import { defineChallenge, line, missing } from './challenge.ts';
import { decodeCapabilities, parseCapabilitySets } from './kit.ts';

const NAME = 'wharf-ch-nochown';
const SLIDE = { chapter: '12-security', id: 'lab-security' };
const PROBE = '/tmp/.wharf-check';

export const challenge = defineChallenge({
  id: 'no-chown',
  title: { en: 'Root that cannot chown', zh: '不能 chown 的 root' },
  slide: SLIDE,
  names: { containers: [NAME] },
  task: ({ cli }) => ({
    en: `Start a container named ${NAME} from wharf/base, detached, running sleep 3600 as root, in which
root cannot change a file's owner: ${cli} exec ${NAME} chown 1000 /tmp must fail with
"Operation not permitted". Take away only what is needed.`,
    zh: `用 wharf/base 在后台启动一个名为 ${NAME} 的容器，以 root 身份运行 sleep 3600，
并让其中的 root 无法修改文件属主：${cli} exec ${NAME} chown 1000 /tmp 必须以
"Operation not permitted" 失败。只拿走必要的权限。`,
  }),
  hints: [
    {
      en: 'Root in a container holds a list of capabilities; changing an owner needs one of them.',
      zh: '容器里的 root 持有一组 capabilities；修改属主需要其中一个。',
    },
    {
      en: 'The capability is CAP_CHOWN. `run` can drop capabilities one by one.',
      zh: '这个 capability 是 CAP_CHOWN。`run` 可以逐个去掉 capabilities。',
    },
    {
      en: 'docker run -d --name wharf-ch-nochown --cap-drop CHOWN wharf/base sleep 3600',
      zh: 'docker run -d --name wharf-ch-nochown --cap-drop CHOWN wharf/base sleep 3600',
    },
  ],
  solution: ({ cli }) => [
    `${cli} run -d --name ${NAME} --cap-drop CHOWN wharf/base sleep 3600`,
    `${cli} exec ${NAME} chown 1000 /tmp`,
  ],
  async check(engine) {
    const { cli } = engine.setting;
    const info = await engine.container(NAME);
    if (!info) return [missing('container', NAME, `${cli} run -d --name ${NAME} … wharf/base sleep 3600`, 'no-chown')];
    if (!info.State.Running)
      return [
        line(
          false,
          `${NAME} is running`,
          `it is ${info.State.Status}: the check tries chown in it, so run sleep 3600 as its main process`,
          SLIDE,
        ),
      ];
    // Everything in one exec: its user, its capabilities, and a chown of a file the check makes and removes.
    const probe = await engine.exec(NAME, [
      'sh',
      '-c',
      `id -u; grep -E '^Cap(Eff|Bnd):' /proc/self/status; touch ${PROBE} && chown 1000 ${PROBE} 2>&1; echo "status $?"; rm -f ${PROBE}`,
    ]);
    const [uid = '', capEff = '', capBnd = '', ...rest] = probe.stdout.trim().split('\n');
    const chownStatus = Number(/status (\d+)/.exec(rest.join('\n'))?.[1] ?? -1);
    const chownSaid = rest
      .filter((l) => !l.startsWith('status '))
      .join(' ')
      .trim();
    const caps = decodeCapabilities(parseCapabilitySets(`${capEff}\n${capBnd}`).CapEff);
    const dropped = ((info.HostConfig.CapDrop ?? []) as string[]).map((c) => c.toUpperCase().replace(/^CAP_/, ''));
    const root = uid.trim() === '0';
    return [
      line(
        root,
        `runs as ${root ? 'root (uid 0)' : `uid ${uid.trim()}`}`,
        'the task is about root: run it without --user',
        SLIDE,
      ),
      line(
        !caps.includes('CAP_CHOWN'),
        `CAP_CHOWN ${caps.includes('CAP_CHOWN') ? 'is still among its capabilities' : 'is gone from its capabilities'}`,
        dropped.length
          ? `you dropped ${dropped.join(', ')}, but chown needs a different one`
          : 'drop the capability chown needs with --cap-drop',
        SLIDE,
      ),
      line(
        chownStatus !== 0 && /not permitted/i.test(chownSaid),
        `chown as root ${chownStatus === 0 ? 'succeeded' : `failed: ${chownSaid || `exit ${chownStatus}`}`}`,
        'chown must fail with "Operation not permitted"',
        SLIDE,
      ),
      ...(dropped.includes('ALL')
        ? [line(false, 'you dropped ALL capabilities', 'take away only what is needed: drop CHOWN, not ALL', SLIDE)]
        : []),
    ];
  },
});
