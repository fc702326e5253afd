import { attendeeCli as cli, describeChallenge } from './support.ts';

describeChallenge('read-only', {
  wrong: [
    {
      name: 'read-only without a tmpfs',
      lines: [`${cli} run -d --name wharf-ch-readonly --read-only wharf/base sleep 3600`],
      hint: /give it one writable place: --tmpfs \/scratch/,
    },
    {
      name: 'a tmpfs on a writable root',
      lines: [`${cli} run -d --name wharf-ch-readonly --tmpfs /scratch wharf/base sleep 3600`],
      hint: /must be read-only: --read-only/,
    },
  ],
});
