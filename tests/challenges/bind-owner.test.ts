import { workDirOf } from '../../challenges/places.ts';
import { attendeeCli as cli, describeChallenge } from './support.ts';

const dir = workDirOf('bind-owner');

describeChallenge('bind-owner', {
  wrong: [
    {
      name: 'written as root',
      lines: [`${cli} run --name wharf-ch-writer -v "${dir}:/out" wharf/base touch /out/hello.txt`],
      hint: /run it as user 10001: --user 10001/,
    },
    {
      name: 'no bind mount',
      lines: [
        `${cli} run --name wharf-ch-writer --user 10001 wharf/base sh -c "mkdir -p /tmp/out && touch /tmp/out/hello.txt"`,
      ],
      hint: /mount the folder: -v/,
    },
  ],
});
