import { describe, expect, it } from 'vitest';
import { dockerfileLines, dockerfileListing } from '../../../labs/kit/engine/images.ts';

describe('dockerfileListing', () => {
  it('is the Dockerfile under its repository path, its instructions only', async () => {
    const listing = await dockerfileListing('build-ship-run');
    const [path, ...lines] = listing.split('\n');
    expect(path).toBe('labs/images/build-ship-run/Dockerfile');
    expect(lines).toEqual(await dockerfileLines('build-ship-run'));
    expect(lines[0]).toMatch(/^FROM /);
  });

  it('names another file of the same image', async () => {
    const listing = await dockerfileListing('build-ship-run', 'Dockerfile.edited');
    expect(listing.split('\n')[0]).toBe('labs/images/build-ship-run/Dockerfile.edited');
  });
});
