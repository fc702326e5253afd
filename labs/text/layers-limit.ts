import { defineText } from '../kit/core/text.ts';

export const layersLimit = defineText({
  en: {
    title: 'How many layers?',
    shows: 'Stacks of tiny layers until the engine refuses, then a generated Dockerfile built past the limit.',
    lines: {
      search: 'Stack tiny layers until the engine refuses',
      howSearched:
        'Each stack is the base image plus N layers of one small file each, written as a docker save archive and ' +
        'loaded, then a container is started from it: some layer stores take a stack of any height and refuse ' +
        'only when a container is started. The search climbs through round heights and each side of where engines ' +
        'are known to stop (125 on Docker with overlay2, 498 with its containerd image store) until the first ' +
        'refusal, then halves the gap.',
      refusedAtRun:
        'This engine loaded the image of {refused} layers without a word; the refusal came when a container was ' +
        "started from it. A container's filesystem is one overlay mount with a lower directory per image layer, " +
        'and that mount is where the limit is enforced (Podman: containers/storage, "max depth exceeded"; ' +
        "Docker's containerd image store: the kernel's overlay). {limit} layers still run.",
      build: 'A Dockerfile past the limit',
      buildSteps: '{n} steps, one layer each',
      sameLimit:
        "The build stops at the same {n} layers as the stacks above: the limit is the engine's layer store's, not " +
        "the Dockerfile's nor the builder's. The notes say 127.",
      builtOnePast:
        'The build made an image of {reached} layers, one more than any container here can start from ({limit}): ' +
        'each step writes its layer from a container on the image before it, so the last image it made was never ' +
        'mounted. The notes say 127.',
      otherLimit:
        'The build stopped at {reached} layers, the stacks above at {limit}: each build step also runs in a ' +
        'container. The notes say 127.',
      builtPastRunRefused:
        'The build made every step, {reached} layers, past the {limit} a container can have: a BuildKit COPY step ' +
        'starts no container, so nothing stood on the whole stack while it was built. The limit shows when a ' +
        'container is started from the image: refused, as above. The notes say 127.',
      builtPastRuns:
        'The build made every step, {reached} layers, and a container started from it, although the stacks above ' +
        'stopped at {limit}. The notes say 127.',
      buildKitTooDeep:
        'Not built here: the Dockerfile would start FROM the stack of {from} layers, and BuildKit reads a FROM image ' +
        'one layer at a time, asking the layer store about every layer beneath each one (moby/buildkit#2184): the ' +
        'time grows with the square of the height, and from about 500 layers it took more than half an hour in an ' +
        'emulated VM. The lab asks BuildKit to build FROM at most {max} layers. The limit on this engine is the one ' +
        'the stacks found above: {limit} layers.',
    },
    facts: {
      baseLayers: 'Layers of the base image',
      loadsTried: 'Stacks loaded to find the limit',
      loadLimitLayers: 'Most layers an image could have (loaded, and a container ran)',
      loadRefusedLayers: 'Fewest layers refused',
      loadMessage: 'What the engine said',
      refusedWhen: 'When the engine refused: at load or when a container started',
      buildFromLayers: 'Layers of the image the Dockerfile starts FROM',
      buildLayersReached: 'Layers of the last image the build made',
      buildRefusedAtStep: 'Build step the engine refused (null: none)',
      buildMessage: 'What the build said',
      builtRunMessage: 'What the engine said when a container was started from the built image',
      buildSkipped: 'Build not tried (BuildKit, FROM deeper than the lab asks it to go)',
    },
  },
  zh: {
    title: '最多能有多少层？',
    shows: '不断叠加小层，直到引擎拒绝；再真正构建一个超出上限的生成 Dockerfile。',
    lines: {
      search: '一层层叠加小层，直到引擎拒绝',
      howSearched:
        '每一叠都是基础镜像加上 N 层、每层一个小文件，写成 docker save 归档再加载，然后用它启动一个容器：' +
        '有些层存储不管叠多高都照单全收，到启动容器时才拒绝。搜索沿着一些整数高度、以及已知引擎停下的位置两侧' +
        '（Docker 用 overlay2 时是 125，用 containerd 镜像存储时是 498）往上爬，直到第一次被拒绝，再把区间对半缩小。',
      refusedAtRun:
        '这个引擎顺利加载了 {refused} 层的镜像，没有报错；拒绝发生在用它启动容器的时候。容器的文件系统是一个 overlay 挂载，' +
        '镜像的每一层对应一个下层目录，上限正是在这个挂载上执行的（Podman：containers/storage，“max depth exceeded”；' +
        'Docker 的 containerd 镜像存储：内核的 overlay）。{limit} 层仍然可以运行。',
      build: '一个超过上限的 Dockerfile',
      buildSteps: '{n} 个步骤，每步一层',
      sameLimit:
        '构建停在和上面那些叠相同的 {n} 层：这个上限属于引擎的层存储，而不是 Dockerfile 或构建器。笔记里说的是 127。',
      builtOnePast:
        '构建做出了一个 {reached} 层的镜像，比这里任何容器能启动的上限（{limit}）多一层：每个步骤都是在基于上一个镜像的容器里' +
        '写出自己的那一层，所以构建做出的最后一个镜像从未被挂载过。笔记里说的是 127。',
      otherLimit: '构建停在 {reached} 层，上面那些叠停在 {limit} 层：每个构建步骤还要在容器里运行。笔记里说的是 127。',
      builtPastRunRefused:
        '构建完成了每一步，共 {reached} 层，超过了容器能有的 {limit} 层：BuildKit 的 COPY 步骤不启动容器，' +
        '所以构建时没有谁站在整叠层上。上限在用这个镜像启动容器时才出现：被拒绝，如上。笔记里说的是 127。',
      builtPastRuns:
        '构建完成了每一步，共 {reached} 层，而且用它启动了容器，尽管上面那些叠停在 {limit} 层。笔记里说的是 127。',
      buildKitTooDeep:
        '这里没有构建：Dockerfile 需要以那叠 {from} 层的镜像为 FROM，而 BuildKit 读取 FROM 镜像时一层一层地来，' +
        '每一层都要向层存储询问它下面的所有层（moby/buildkit#2184）：耗时随层数的平方增长，' +
        '从约 500 层的镜像开始构建，在模拟的虚拟机里超过了半小时。本实验最多让 BuildKit 从 {max} 层的镜像开始构建。这个引擎的上限就是上面那些叠' +
        '找到的：{limit} 层。',
    },
    facts: {
      baseLayers: '基础镜像的层数',
      loadsTried: '为找到上限加载的镜像叠数',
      loadLimitLayers: '一个镜像最多能有的层数（能加载，也能启动容器）',
      loadRefusedLayers: '被拒绝的最少层数',
      loadMessage: '引擎的回答',
      refusedWhen: '引擎在何时拒绝：加载时，还是启动容器时',
      buildFromLayers: 'Dockerfile 的 FROM 镜像的层数',
      buildLayersReached: '构建产出的最后一个镜像的层数',
      buildRefusedAtStep: '引擎拒绝的构建步骤（null：没有）',
      buildMessage: '构建的报错',
      builtRunMessage: '用构建出的镜像启动容器时引擎说的话',
      buildSkipped: '没有尝试构建（BuildKit，FROM 的层数超出了本实验让它构建的深度）',
    },
  },
});
