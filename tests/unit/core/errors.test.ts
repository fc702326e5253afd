import { describe, expect, it } from 'vitest';
import { unlessStopped } from '../../../labs/kit/core/errors.ts';

describe('unlessStopped', () => {
  it('turns a failure into what the lab goes on with', async () => {
    const signal = new AbortController().signal;
    const failed = Promise.reject(new Error('no such mount'));
    await expect(failed.catch(unlessStopped(signal, (error) => `told: ${error.message}`))).resolves.toBe(
      'told: no such mount',
    );
    const thrown = Promise.reject('a string');
    await expect(thrown.catch(unlessStopped(signal, (error) => error.message))).resolves.toBe('a string');
  });

  it('still throws once the run is stopped', async () => {
    const controller = new AbortController();
    controller.abort();
    const stopped = Promise.reject(new Error('Stopped'));
    await expect(stopped.catch(unlessStopped(controller.signal, () => 'fallback'))).rejects.toThrow('Stopped');
  });
});
