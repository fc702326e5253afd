import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { stateFile } from './places.ts';

/** Which hint each challenge showed last: kept per user, outside the repo. */
interface State {
  hintsShown: Record<string, number>;
}

async function load(file: string): Promise<State> {
  try {
    const parsed = JSON.parse(await readFile(file, 'utf8')) as Partial<State>;
    return { hintsShown: { ...parsed.hintsShown } };
  } catch {
    return { hintsShown: {} }; // none yet, or unreadable: start from the first hint
  }
}

async function save(file: string, state: State): Promise<void> {
  await mkdir(dirname(file), { recursive: true });
  await writeFile(file, `${JSON.stringify(state, null, 2)}\n`);
}

/** The next hint's index (0-based), remembered; stays on the last one once all were shown. */
export async function nextHint(
  id: string,
  count: number,
  file = stateFile(),
): Promise<{ index: number; last: boolean }> {
  const state = await load(file);
  const shown = state.hintsShown[id] ?? 0;
  const index = Math.min(shown, count - 1);
  state.hintsShown[id] = index + 1;
  await save(file, state);
  return { index, last: index === count - 1 };
}

export async function forgetHints(id: string, file = stateFile()): Promise<void> {
  const state = await load(file);
  if (!(id in state.hintsShown)) return;
  delete state.hintsShown[id];
  await save(file, state);
}
