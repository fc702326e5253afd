import { attendeeCli as cli, describeChallenge } from './support.ts';

// No wrong attempt ever runs the loop without a limit: that would be a real fork bomb on the host.
describeChallenge('fork-limit', {
  wrong: [
    {
      name: 'the limit but no loop',
      lines: [`${cli} run -d --name wharf-ch-forks --pids-limit 20 wharf/base sleep 3600`],
      hint: /start the loop/,
    },
    {
      name: 'a limit of 40',
      lines: [
        `${cli} run -d --name wharf-ch-forks --pids-limit 40 wharf/base sleep 3600`,
        `${cli} exec wharf-ch-forks sh -c "while true; do sleep 3600 & done"`,
      ],
      hint: /the task asks for 20/,
    },
    {
      name: 'the loop as the main process, which dies with it',
      lines: [
        `${cli} run -d --name wharf-ch-forks --pids-limit 20 wharf/base sh -c "while true; do sleep 3600 & done"`,
      ],
      hint: /run sleep 3600 as its main process/,
    },
  ],
});
