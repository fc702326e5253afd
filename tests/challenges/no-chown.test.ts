import { attendeeCli as cli, describeChallenge } from './support.ts';

describeChallenge('no-chown', {
  wrong: [
    {
      name: 'not root at all',
      lines: [`${cli} run -d --name wharf-ch-nochown --user 1000 wharf/base sleep 3600`],
      hint: /the task is about root/,
    },
    {
      name: 'the wrong capability dropped',
      lines: [`${cli} run -d --name wharf-ch-nochown --cap-drop SETUID wharf/base sleep 3600`],
      hint: /you dropped SETUID, but chown needs a different one/,
    },
    {
      name: 'every capability dropped',
      lines: [`${cli} run -d --name wharf-ch-nochown --cap-drop ALL wharf/base sleep 3600`],
      hint: /drop CHOWN, not ALL/,
    },
  ],
});
