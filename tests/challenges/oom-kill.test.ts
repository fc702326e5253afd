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
