import { describe, expect, it } from 'vitest';
import { oomEventLogged } from '../../challenges/02-oom-kill.ts';
import { BASE_IMAGE } from '../../labs/kit/engine/base-image.ts';
import { sharedEngine } from '../labs/support.ts';
import { attendeeCli as cli, describeChallenge } from './support.ts';

describeChallenge('oom-kill', {
  wrong: [
    {
      name: 'no memory limit',
      lines: [`${cli} run --name wharf-ch-oom wharf/base sh -c "head -c 1m /dev/zero | wc -c"`],
      hint: /no memory limit: add --memory 32m/,
    },
    {
      name: 'the limit but a process that stays under it',
      lines: [`${cli} run --name wharf-ch-oom --memory 32m wharf/base sh -c "head -c 1m /dev/zero | wc -c"`],
      hint: /exited normally \(exit 0\)/,
    },
    {
      name: 'a 64 MiB limit',
      lines: [`${cli} run --name wharf-ch-oom --memory 64m wharf/base tail /dev/zero`],
      hint: /the task asks for 32 MiB/,
    },
  ],
});

// The check's second witness, for when the engine's OOMKilled flag loses a race with the exit: the
// engine's event log. A container the kernel OOM-killed has an `oom` event; one killed by hand, none.
describe('the engine event log as witness of an OOM kill', () => {
  it('has an oom event for a container that outgrew its limit, none for one killed by hand', async () => {
    const { docker } = await sharedEngine();
    const labels = { 'wharf.lab': 'challenge-test' };
    const run = async (cmd: string[], kill: boolean) => {
      const options = {
        Image: BASE_IMAGE,
        Cmd: cmd,
        Labels: labels,
        HostConfig: { Memory: 32 * 2 ** 20, MemorySwap: 32 * 2 ** 20, NetworkMode: 'none' },
      };
      const container = await docker.createContainer(options);
      try {
        await container.start();
        if (kill) await container.kill();
        await container.wait();
        const { Id, State } = await container.inspect();
        return { exitCode: State.ExitCode, logged: await oomEventLogged(docker, Id, State) };
      } finally {
        await container.remove({ force: true });
      }
    };
    expect(await run(['tail', '/dev/zero'], false)).toEqual({ exitCode: 137, logged: true });
    expect(await run(['sleep', '60'], true)).toEqual({ exitCode: 137, logged: false });
  });
});
