import type { Lang } from '../../deck/lang.ts';
import type { Recording } from './types.ts';

const when = (iso: string, lang: Lang) =>
  new Date(iso).toLocaleString(lang === 'zh' ? 'zh-CN' : 'en-GB', { dateStyle: 'medium', timeStyle: 'short' });
const SETTINGS = {
  'emulated-vm': { en: ', in an emulated VM: slow', zh: '，在软件模拟的虚拟机里：偏慢' },
} as const;
/** "Docker Engine 28.5.2 (cgroup v2, in an emulated VM: slow)": the engine, without its packaging suffix. */
const engineName = (r: Recording, lang: 'en' | 'zh' = 'en') =>
  `${r.engine.product} ${r.engine.version.replace(/[+~].*$/, '')} (cgroup v${r.engine.cgroupVersion}${r.setting ? SETTINGS[r.setting][lang] : ''})`;
/** "Docker Engine 20.10, cgroup v1": enough to tell two recordings of a lab apart. */
const engineShort = (r: Recording) =>
  `${r.engine.product} ${r.engine.version.split('.').slice(0, 2).join('.')}, cgroup v${r.engine.cgroupVersion}`;

/** Every string the lab pane shows, in both languages. */
export const paneText = {
  en: {
    run: 'Run ▶',
    stop: 'Stop ■',
    allFacts: (count: number) => `All facts (${count})`,
    ready: 'Press Run (or R) to run this lab live on the engine.',
    engineShort,
    otherRecordings: 'Also recorded on: ',
    readyWithRecording: (r: Recording) =>
      `Recorded ${when(r.recordedAt, 'en')} on ${engineName(r)}. Press Run (or R) to run it live.`,
    running: (engine: string) => `Live on ${engine}`,
    stopping: 'Stopping and cleaning up…',
    finished: (seconds: string) => `Finished in ${seconds} s — live run`,
    failed: (message: string) => `Failed: ${message}`,
    fallback: (why: string, r?: Recording) =>
      `${why} ${r ? `Showing the recording from ${when(r.recordedAt, 'en')} on ${engineName(r)}.` : 'No recording of this lab yet.'}`,
    noRunner: 'Live runs need “npm start”.',
    locked: 'Live runs need the link “npm start” printed in its terminal.',
    runnerDown: 'The lab runner does not answer.',
    engineDown: (error: string) => `${error}`,
    stepOf: (step: number, total: number) => `Step ${step} of ${total}`,
    stepHint: 'next step: →',
    linesHidden: (count: number) => `│ … ${count} more line${count === 1 ? '' : 's'} …`,
    continued: ' (continued)',
    cleanedUp: (count: number) => `cleaned up: ${count} engine object${count === 1 ? '' : 's'} removed`,
    leftBehind: 'left behind',
    done: (seconds: string) => `✔ done in ${seconds} s`,
  },
  zh: {
    run: '运行 ▶',
    stop: '停止 ■',
    allFacts: (count: number) => `全部观察结果（${count}）`,
    ready: '点“运行”（或按 R）在真实引擎上现场跑这个实验。',
    engineShort,
    otherRecordings: '另有录制：',
    readyWithRecording: (r: Recording) =>
      `录制于 ${when(r.recordedAt, 'zh')}，引擎 ${engineName(r, 'zh')}。点“运行”（或按 R）现场再跑一次。`,
    running: (engine: string) => `现场运行：${engine}`,
    stopping: '正在停止并清理…',
    finished: (seconds: string) => `现场运行完成，用时 ${seconds} 秒`,
    failed: (message: string) => `运行失败：${message}`,
    fallback: (why: string, r?: Recording) =>
      `${why}${r ? `下面是 ${when(r.recordedAt, 'zh')} 在 ${engineName(r, 'zh')} 上的录制结果。` : '这个实验还没有录制结果。'}`,
    noRunner: '现场运行需要 npm start。',
    locked: '现场运行需要打开 npm start 在终端里打印的链接。',
    runnerDown: '实验运行器没有响应。',
    engineDown: (error: string) =>
      /No container engine/.test(error) ? '没有找到可用的容器引擎。' : `容器引擎不可用：${error}`,
    stepOf: (step: number, total: number) => `第 ${step} 步，共 ${total} 步`,
    stepHint: '下一步：→',
    linesHidden: (count: number) => `│ … 省略 ${count} 行 …`,
    continued: '（续）',
    cleanedUp: (count: number) => `已清理：删除了 ${count} 个引擎对象`,
    leftBehind: '遗留',
    done: (seconds: string) => `✔ 完成，用时 ${seconds} 秒`,
  },
} satisfies Record<Lang, unknown>;

export type PaneText = (typeof paneText)['en'];
