// What a lab says, kept apart from what it does: the lab emits keys and values, each language has a
// table of sentences for those keys. Recordings keep the keys, so one recording reads in any language.
// Nothing here may need Node: the deck bundles it.

export type Lang = 'en' | 'zh';

/** A value filled into a sentence: a number, a name, or a phrase of its own (itself a key). */
export type SaidValue = string | number | Said;
export type Values = Record<string, SaidValue>;

/** A sentence by key, with the values its `{name}` placeholders stand for (also a valid fact value). */
export type Said = {
  key: string;
  values?: Values;
};

/** A lab's words in one language. */
export interface LabWords<K extends string = string, FK extends string = string> {
  title: string;
  /** One line: what the audience will see. */
  shows: string;
  /** Step titles, notes and wait labels by key; `{name}` stands for a value the lab fills in. */
  lines: Record<K, string>;
  /** Each fact's label, by fact key. */
  facts: Record<FK, string>;
}

/** A lab's words in every language the deck speaks: Chinese must have every key English has. */
export interface LabText<K extends string = string, FK extends string = string> {
  en: LabWords<K, FK>;
  zh: LabWords<NoInfer<K>, NoInfer<FK>>;
}

export const defineText = <K extends string, FK extends string>(text: LabText<K, FK>): LabText<K, FK> => text;

/** Keys of sentences the kit itself says in any lab (the base image, where the engine runs). */
export const KIT_PREFIX = 'kit.';

const kitLines = {
  en: {
    'kit.builtBase': 'Built {image} from the vendored busybox (no registry needed).',
    'kit.engineElsewhere': 'The engine runs elsewhere ({product} on "{host}", via {via}).',
    'kit.engineHere': "The engine runs on this machine (a local unix socket, and it reports this host's name, {host}).",
    'kit.startingInTurn': 'starting {count} containers one after the other',
    'kit.vmWrongArch': 'the VM boots an x86-64 kernel and this machine is {arch}',
    'kit.vmNoQemu': 'qemu-system-x86_64 is not installed (Debian/Ubuntu: apt-get install qemu-system-x86)',
    'kit.vmNoKernel': 'no kernel at {path} (fetch one with scripts/fetch-vm-kernel.sh)',
    'kit.vmBootAt': "lab startup's VM boot at {at} (QEMU microvm, {details})",
    'kit.vmBootedNow': 'booted now (QEMU microvm, {details})',
    'kit.vmNotesFigure': "the notes' figure: 700 MB per VM (not measured)",
    'kit.vmTimedOut': 'The VM did not {stage} within {seconds} s ({accel})',
    'kit.vmStageBoot': 'boot',
    'kit.vmStageReport': 'finish its report',
    'kit.buildKitNoContext':
      "This engine's BuildKit cannot read a build context sent through its API (Docker before 28 with the " +
      'containerd image store, moby#47717): the classic builder builds instead, as DOCKER_BUILDKIT=0 asks.',
  },
  zh: {
    'kit.builtBase': '已用仓库自带的 busybox 构建 {image}（不需要镜像仓库）。',
    'kit.engineElsewhere': '引擎运行在别处（{product}，主机名 "{host}"，经由 {via}）。',
    'kit.engineHere': '引擎就运行在本机（本地 unix 套接字，且它报告的主机名就是本机的 {host}）。',
    'kit.startingInTurn': '正在一个接一个地启动 {count} 个容器',
    'kit.vmWrongArch': '虚拟机启动的是 x86-64 内核，而这台机器是 {arch}',
    'kit.vmNoQemu': '没有安装 qemu-system-x86_64（Debian/Ubuntu：apt-get install qemu-system-x86）',
    'kit.vmNoKernel': '{path} 没有内核（用 scripts/fetch-vm-kernel.sh 取一个）',
    'kit.vmBootAt': 'startup 实验在 {at} 启动的虚拟机（QEMU microvm，{details}）',
    'kit.vmBootedNow': '刚刚启动的虚拟机（QEMU microvm，{details}）',
    'kit.vmNotesFigure': '笔记里的数字：每台虚拟机 700 MB（未实测）',
    'kit.vmTimedOut': '虚拟机没能在 {seconds} 秒内{stage}（{accel}）',
    'kit.vmStageBoot': '启动',
    'kit.vmStageReport': '完成报告',
    'kit.buildKitNoContext':
      '这个引擎的 BuildKit 读不了经由 API 发送的构建上下文（Docker 28 之前的版本配合 containerd 镜像存储，' +
      'moby#47717）：改用经典构建器，就像设置了 DOCKER_BUILDKIT=0 那样。',
  },
} satisfies Record<Lang, Record<string, string>>;

export type KitKey = keyof (typeof kitLines)['en'];

export const kitText: Record<Lang, Record<string, string>> = kitLines;

/** `{name}` placeholders in a sentence, sorted: the same set in every language. */
export const placeholders = (sentence: string): string[] =>
  [...sentence.matchAll(/\{(\w+)\}/g)].map((match) => match[1] as string).sort();

/**
 * A sentence in a language: the lab's (or the kit's) table entry with its values filled in. A key
 * with no entry (a recording older than its lab's text) reads as the key itself, never as nothing.
 */
export function sentence(text: LabText | undefined, lang: Lang, said: Said): string {
  const table = said.key.startsWith(KIT_PREFIX) ? kitText[lang] : text?.[lang].lines;
  const template = (table as Record<string, string> | undefined)?.[said.key] ?? said.key;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = said.values?.[name];
    if (value === undefined) return whole;
    return typeof value === 'object' ? sentence(text, lang, value) : String(value);
  });
}
