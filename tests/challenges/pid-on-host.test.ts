import { attendeeCli as cli, describeChallenge } from './support.ts';

const RUN = `${cli} run -d --name wharf-ch-sleeper wharf/base sleep 3600`;

describeChallenge('pid-on-host', {
  // The solution's last line prints the PID; the attendee types it back.
  answerFrom: (printed) => printed.at(-1) ?? '',
  wrong: [
    {
      name: 'the PID seen inside the container',
      lines: [RUN, `${cli} exec wharf-ch-sleeper pidof sleep`],
      answer: '1',
      hint: /its PID inside its own PID namespace/,
    },
    { name: 'no answer typed back', lines: [RUN], hint: /type back the PID you found/ },
    {
      name: 'a PID of some other process',
      lines: [RUN],
      answer: String(process.pid),
      hint: new RegExp(`PID ${process.pid} is \\S.*, not this container's sleep`),
    },
  ],
});
