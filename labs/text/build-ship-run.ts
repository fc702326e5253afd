import { defineText } from '../kit/core/text.ts';

export const buildShipRun = defineText({
  en: {
    title: 'Build, ship, run',
    shows:
      'The build cache at work, an image saved to a tar and loaded back unchanged, CMD vs ENTRYPOINT, ' +
      'and how long a container takes to start.',
    lines: {
      build: 'Build an image from a Dockerfile',
      building: 'building',
      eachInstruction:
        "The classic builder's way (Podman's Buildah builds like it; Docker only with DOCKER_BUILDKIT=0): each " +
        'instruction is a step. RUN runs in a temporary container; RUN and COPY each leave a layer, ENV, ' +
        'ENTRYPOINT and CMD only change the config. The last LABEL steps are the Wharf labels the lab asked for, so ' +
        'cleanup can find the image.',
      eachInstructionBuildKit:
        'BuildKit built it. Only FROM, COPY and RUN became steps, and COPY and RUN each left a layer; ENV, ' +
        "ENTRYPOINT and CMD went straight into the image's config, as did the Wharf labels the lab asked for (so " +
        'cleanup can find the image). RUN ran in a temporary container of its own.',
      rebuild: 'Build it again, unchanged',
      usingCache:
        'Every step after FROM said "Using cache": same parent, same instruction, same files → the engine reuses ' +
        'the image it made last time. FROM builds nothing, so it has nothing to cache.',
      usingCacheBuildKit:
        'Every step after FROM says CACHED: same parent, same instruction, and for COPY the same file contents, so ' +
        'BuildKit reuses what it made last time. FROM builds nothing, so it has nothing to cache.',
      labelsRebuilt:
        'Every step of the Dockerfile after FROM said "Using cache", but the LABEL step the engine added was ' +
        'rebuilt. Podman writes the labels the lab asked for as one LABEL instruction, in a different order from ' +
        "one build to the next (it keeps them in a Go map, whose order is random), and an instruction's text is " +
        'part of its cache key. Docker writes one LABEL per label, sorted by name, so there they always come from ' +
        'the cache.',
      edit: 'Edit one late instruction and rebuild',
      rebuildingEdited: 'rebuilding from the edited step',
      cacheKey:
        "A step's cache key is its parent image plus its instruction. The edited RUN misses the cache; every step " +
        'after it has a new parent, so it misses too. Steps that change often belong at the end.',
      cacheKeyBuildKit:
        'BuildKit keys each step by what it starts from plus its instruction, and a COPY also by a checksum of the ' +
        'files it copies. The edited RUN misses the cache, and every step after it would miss too, starting from ' +
        'something new. Steps that change often belong at the end.',
      ship: 'Ship it: save the image as a tar',
      imageIsPieces:
        'An image is nothing more than this: a config (JSON), one tar per layer, and a manifest tying them ' +
        'together. A registry stores the same pieces.',
      reload: 'Remove it, then load the tar back',
      sameId:
        'The id is the digest of the image config, which names every layer by its digest: the same bytes give the ' +
        'same id on any machine. Labels live in that config, so the loaded image keeps them (and cleanup finds it).',
      sameIdManifest:
        "On this engine's containerd image store the id is the digest of the image's manifest, which names the " +
        'config and every layer by their digests: the same bytes give the same id on any machine. Labels live in ' +
        'the config, so the loaded image keeps them (and cleanup finds it).',
      runIt: 'Run the loaded image: ENTRYPOINT is the program, CMD its default arguments',
      entrypointOverride:
        'Some notes claim a single ENTRYPOINT cannot be overridden. It can: --entrypoint replaced echo with sh, ' +
        "which read the file named by the image's ENV. A new --entrypoint also drops the image's CMD, so its " +
        'arguments follow the image name.',
      startUp: 'How long does a container take to start? ({runs} runs of `true`)',
      roundTrip:
        'This is the whole `docker run --rm` round trip, API calls included: no kernel to boot, but far from free. ' +
        'The myths chapter compares it with "containers start in milliseconds".',
    },
    facts: {
      totalSteps: 'Steps in the build',
      cachedSteps: 'Steps the rebuild took from the cache',
      labelSteps: "Steps the engine added for the lab's labels (rebuild)",
      labelStepsFirstBuild: 'The same steps in the first build',
      editedInstruction: 'The edited instruction',
      cachedAfterEdit: 'Still from the cache',
      rebuiltAfterEdit: 'Rebuilt',
      imageBytes: 'Size of the image',
      archiveBytes: 'Size of the tar',
      manifestRepoTags: 'RepoTags in manifest.json',
      manifestLayers: 'Layer tars listed in manifest.json',
      imageLayers: 'Layers in the image (RootFS.Layers)',
      originalImageId: 'Image id before saving',
      loadedImageId: 'Image id after loading',
      loadedImageHasRunLabel: 'Loaded image still carries its run label',
      defaultRun: 'Default run of the loaded image (ENTRYPOINT + CMD)',
      cmdOverride: 'Arguments after the image name replace CMD',
      entrypointOverride: '--entrypoint replaces ENTRYPOINT too',
      startupSamplesMs: 'Each docker run --rm: create, start, wait for exit, logs, remove (ms)',
      startupP50Ms: 'Start-up p50 (ms)',
      startupP95Ms: 'Start-up p95 (ms)',
    },
  },
  zh: {
    title: '构建、分发、运行',
    shows: '构建缓存如何起作用，镜像存成 tar 再原样加载回来，CMD 与 ENTRYPOINT 的区别，以及启动一个容器要多久。',
    lines: {
      build: '用 Dockerfile 构建镜像',
      building: '正在构建',
      eachInstruction:
        '这是经典构建器的做法（Podman 的 Buildah 也这样构建；Docker 只在 DOCKER_BUILDKIT=0 时才用它）：' +
        '每条指令是一步。RUN 在一个临时容器里执行；RUN 和 COPY 各留下一层，ENV、ENTRYPOINT 和 CMD 只改配置。' +
        '最后几步 LABEL 是实验要求加上的 Wharf 标签，清理时靠它们找到镜像。',
      eachInstructionBuildKit:
        '这次是 BuildKit 构建的。只有 FROM、COPY 和 RUN 成了步骤，COPY 和 RUN 各留下一层；ENV、ENTRYPOINT 和 CMD ' +
        '直接写进镜像配置，实验要求的 Wharf 标签也一样（清理时靠它们找到镜像）。RUN 在它自己的临时容器里执行。',
      rebuild: '原样再构建一次',
      usingCache:
        'FROM 之后的每一步都显示 "Using cache"：父镜像相同、指令相同、文件相同 → 引擎直接复用上次做好的镜像。' +
        'FROM 什么也不构建，所以没有可缓存的。',
      usingCacheBuildKit:
        'FROM 之后的每一步都显示 CACHED：父层相同、指令相同，COPY 的文件内容也相同，所以 BuildKit 直接复用上次做好的结果。' +
        'FROM 什么也不构建，所以没有可缓存的。',
      labelsRebuilt:
        'FROM 之后，Dockerfile 里的每一步都显示了 "Using cache"，但引擎自己加上的 LABEL 步骤重新构建了。' +
        'Podman 把实验要求的标签写成一条 LABEL 指令，而每次构建时标签的顺序都不同（它把标签存在 Go 的 map 里，' +
        '遍历顺序是随机的），指令的文本又是缓存键的一部分。Docker 每个标签写一条 LABEL，按名字排序，' +
        '所以在那里它们总能命中缓存。',
      edit: '改一条靠后的指令，再构建',
      rebuildingEdited: '正在从改动的那一步开始重新构建',
      cacheKey:
        '一步的缓存键是它的父镜像加上它的指令。改过的 RUN 命中不了缓存；它之后的每一步都有了新的父镜像，' +
        '所以也命中不了。经常变的步骤应该放在最后。',
      cacheKeyBuildKit:
        'BuildKit 给每一步的缓存键是它的起点加上它的指令，COPY 还要加上所复制文件的校验和。改过的 RUN 命中不了缓存；' +
        '它之后如果还有步骤，起点变了，也都命中不了。经常变的步骤应该放在最后。',
      ship: '发货：把镜像存成 tar',
      imageIsPieces:
        '镜像不过如此：一份配置（JSON）、每层一个 tar，再加一份把它们串起来的清单。镜像仓库存的也是这些东西。',
      reload: '删掉它，再把 tar 加载回来',
      sameId:
        '镜像 ID 是镜像配置的摘要，而配置又用摘要点名了每一层：同样的字节在任何机器上得到同样的 ID。' +
        '标签也写在这份配置里，所以加载回来的镜像仍带着它们（清理也能找到它）。',
      sameIdManifest:
        '在这个引擎的 containerd 镜像存储里，镜像 ID 是镜像清单（manifest）的摘要，而清单用摘要点名了配置和每一层：' +
        '同样的字节在任何机器上得到同样的 ID。标签写在配置里，所以加载回来的镜像仍带着它们（清理也能找到它）。',
      runIt: '运行加载回来的镜像：ENTRYPOINT 是程序，CMD 是默认参数',
      entrypointOverride:
        '有的笔记说唯一的 ENTRYPOINT 不能被覆盖。其实可以：--entrypoint 把 echo 换成了 sh，sh 读的是镜像 ENV ' +
        '指定的文件。新的 --entrypoint 还会丢掉镜像的 CMD，所以参数要写在镜像名后面。',
      startUp: '启动一个容器要多久？（运行 `true` {runs} 次）',
      roundTrip:
        '这是一次完整的 `docker run --rm` 往返，含全部 API 调用：不用启动内核，但也远非零成本。' +
        '“误区”一章会拿它和“容器毫秒级启动”对比。',
    },
    facts: {
      totalSteps: '构建的步骤数',
      cachedSteps: '重建时来自缓存的步骤数',
      labelSteps: '引擎为实验的标签加上的步骤（重建时）',
      labelStepsFirstBuild: '第一次构建时的同样步骤',
      editedInstruction: '改动的指令',
      cachedAfterEdit: '仍来自缓存',
      rebuiltAfterEdit: '重新构建',
      imageBytes: '镜像大小',
      archiveBytes: 'tar 的大小',
      manifestRepoTags: 'manifest.json 里的 RepoTags',
      manifestLayers: 'manifest.json 列出的层 tar 数',
      imageLayers: '镜像的层数（RootFS.Layers）',
      originalImageId: '保存前的镜像 ID',
      loadedImageId: '加载后的镜像 ID',
      loadedImageHasRunLabel: '加载后的镜像仍带着运行标签',
      defaultRun: '加载后的镜像默认运行结果（ENTRYPOINT + CMD）',
      cmdOverride: '镜像名后的参数替换 CMD',
      entrypointOverride: '--entrypoint 连 ENTRYPOINT 也替换',
      startupSamplesMs: '每次 docker run --rm：创建、启动、等待退出、取日志、删除（毫秒）',
      startupP50Ms: '启动耗时 p50（毫秒）',
      startupP95Ms: '启动耗时 p95（毫秒）',
    },
  },
});
