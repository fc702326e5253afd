import { expect, it } from 'vitest';
import { sharedEngine, wharfObjects } from '../labs/support.ts';

it('the lab suite left no wharf.lab object on the engine', async () => {
  const { docker } = await sharedEngine();
  expect(await wharfObjects(docker)).toEqual([]);
});
