// Chapter 09: data in a named volume outlives the container that wrote it.
import { defineChallenge, line } from './challenge.ts';

const WRITER = 'wharf-ch-vol-writer';
const VOLUME = 'wharf-ch-data';
const SLIDE = { chapter: '09-volumes', id: 'lab-volumes' };

export const challenge = defineChallenge({
  id: 'named-volume',
  title: { en: 'Data that survives docker rm', zh: '在 docker rm 之后留下来的数据' },
  slide: SLIDE,
  names: { containers: [WRITER], volumes: [VOLUME] },
  task: ({ cli }) => ({
    en: `Run a container named ${WRITER} from wharf/base that writes a line into /data/note.txt, where
/data is a named volume called ${VOLUME}. Then remove the container (${cli} rm ${WRITER}).
The note must still be there, in the volume.`,
    zh: `用 wharf/base 运行一个名为 ${WRITER} 的容器，往 /data/note.txt 写一行字，其中 /data 是名为
${VOLUME} 的命名卷。然后删除这个容器（${cli} rm ${WRITER}）。这行字必须还在卷里。`,
  }),
  hints: [
    {
      en: "A file in the container's own writable layer dies with the container. A volume does not.",
      zh: '写在容器自己可写层里的文件会随容器一起消失；卷不会。',
    },
    {
      en: '-v <name>:<path> with a name (not a path) creates a named volume if it does not exist yet.',
      zh: '-v <名字>:<路径>，冒号前是名字（不是路径）时，会在不存在时创建一个命名卷。',
    },
    {
      en: 'docker run --name wharf-ch-vol-writer -v wharf-ch-data:/data wharf/base sh -c "echo kept > /data/note.txt"',
      zh: 'docker run --name wharf-ch-vol-writer -v wharf-ch-data:/data wharf/base sh -c "echo kept > /data/note.txt"',
    },
  ],
  solution: ({ cli }) => [
    `${cli} run --name ${WRITER} -v ${VOLUME}:/data wharf/base sh -c "echo kept > /data/note.txt"`,
    `${cli} rm ${WRITER}`,
  ],
  async check(engine) {
    const { cli } = engine.setting;
    const [writer, volume] = await Promise.all([engine.container(WRITER), engine.volume(VOLUME)]);
    const lines = [
      line(
        !writer,
        writer ? `${WRITER} still exists` : `${WRITER} is removed`,
        `remove it (${cli} rm ${WRITER}): the point is that the data outlives it`,
        SLIDE,
      ),
      line(
        Boolean(volume),
        volume ? `volume ${VOLUME} exists` : `volume ${VOLUME}`,
        `not found: create it by naming it in the mount: -v ${VOLUME}:/data (a path such as -v /data makes an anonymous one)`,
        SLIDE,
      ),
    ];
    if (!volume) return lines;
    const read = await engine.helper('cat /v/note.txt 2>/dev/null', {
      Mounts: [{ Type: 'volume', Source: VOLUME, Target: '/v', ReadOnly: true }],
    });
    const note = read.stdout.trim();
    return [
      ...lines,
      line(
        note.length > 0,
        note ? `note.txt in the volume says: ${note.split('\n')[0]}` : 'note.txt in the volume',
        'the volume has no note.txt (or it is empty): write it to /data/note.txt from the container',
        SLIDE,
      ),
    ];
  },
});
