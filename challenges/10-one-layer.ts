// Chapter 07/08: the build cache reuses every layer before the first changed step.
import { defineChallenge, line, missing } from './challenge.ts';
import { BASE_IMAGE } from './kit.ts';

const V1 = 'wharf-ch-app:v1';
const V2 = 'wharf-ch-app:v2';
const SLIDE = { chapter: '07-images', id: 'lab-build-ship-run' };

export const challenge = defineChallenge({
  id: 'one-layer',
  title: { en: 'Rebuild so only one layer changes', zh: '重新构建，只变一层' },
  slide: SLIDE,
  names: { images: [V2, V1] },
  folder: 'files',
  task: ({ workDir }) => ({
    en: `The folder ${workDir}
holds a Dockerfile (FROM wharf/base) and message.txt. Build it as ${V1}. Then change the text in
message.txt and build it again as ${V2}, so that the two images differ in exactly one layer.`,
    zh: `文件夹 ${workDir}
里有一个 Dockerfile（FROM wharf/base）和 message.txt。把它构建成 ${V1}。然后修改 message.txt
里的文字，再构建成 ${V2}，让两个镜像恰好只有一层不同。`,
  }),
  hints: [
    {
      en: 'Each RUN and COPY makes a layer. A rebuild reuses cached layers up to the first step whose input changed.',
      zh: '每个 RUN 和 COPY 都产生一层。重新构建时，第一处输入变化之前的层都会从缓存复用。',
    },
    {
      en: 'Only COPY message.txt depends on message.txt, and it is the last step. Do not pass --no-cache.',
      zh: '只有 COPY message.txt 依赖 message.txt，而且它是最后一步。不要加 --no-cache。',
    },
    {
      en: 'docker build -t wharf-ch-app:v1 <folder>; edit message.txt; docker build -t wharf-ch-app:v2 <folder>; compare with docker history.',
      zh: 'docker build -t wharf-ch-app:v1 <文件夹>；修改 message.txt；docker build -t wharf-ch-app:v2 <文件夹>；用 docker history 对比。',
    },
  ],
  solution: ({ cli, workDir }) => [
    `${cli} build -t ${V1} "${workDir}"`,
    `echo "hello again" > "${workDir}/message.txt"`,
    `${cli} build -t ${V2} "${workDir}"`,
  ],
  async check(engine) {
    const { cli, workDir } = engine.setting;
    const [v1, v2, base] = await Promise.all([engine.image(V1), engine.image(V2), engine.image(BASE_IMAGE)]);
    if (!v1) return [missing('image', V1, `${cli} build -t ${V1} "${workDir}"`, 'one-layer')];
    if (!v2)
      return [
        line(true, `image ${V1} exists`),
        missing('image', V2, `${cli} build -t ${V2} "${workDir}" (after changing message.txt)`, 'one-layer'),
      ];
    const layers1 = v1.RootFS?.Layers ?? [];
    const layers2 = v2.RootFS?.Layers ?? [];
    const baseLayers = base?.RootFS?.Layers ?? [];
    const fromBase = (layers: string[]) => baseLayers.length > 0 && baseLayers.every((layer, i) => layers[i] === layer);
    const lines = [
      line(
        fromBase(layers1) && fromBase(layers2),
        `${V1} and ${V2} are built on wharf/base`,
        `build both from the folder's Dockerfile (FROM wharf/base): ${cli} build -t … "${workDir}"`,
        SLIDE,
      ),
    ];
    if (v1.Id === v2.Id)
      return [
        ...lines,
        line(false, `${V1} and ${V2} are the same image`, 'change the text in message.txt, then build v2 again', SLIDE),
      ];
    const length = Math.max(layers1.length, layers2.length);
    const differing = Array.from({ length }, (_, i) => i).filter((i) => layers1[i] !== layers2[i]).length;
    return [
      ...lines,
      line(
        differing === 1,
        `${differing} of ${length} layers differ`,
        differing === 0
          ? 'the layers are the same: change message.txt itself, not only the build options'
          : 'the cache was not used for the steps before COPY (--no-cache, or a change to the Dockerfile): rebuild v2 with the cache after changing only message.txt',
        SLIDE,
      ),
    ];
  },
});
