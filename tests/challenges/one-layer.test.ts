import { workDirOf } from '../../challenges/places.ts';
import { attendeeCli as cli, describeChallenge } from './support.ts';

const dir = workDirOf('one-layer');

describeChallenge('one-layer', {
  wrong: [
    {
      name: 'v2 built without a change',
      lines: [`${cli} build -t wharf-ch-app:v1 "${dir}"`, `${cli} build -t wharf-ch-app:v2 "${dir}"`],
      hint: /are the same image/,
    },
    {
      name: 'v2 built with --no-cache',
      lines: [
        `${cli} build -t wharf-ch-app:v1 "${dir}"`,
        `echo "hello again" > "${dir}/message.txt"`,
        `${cli} build --no-cache -t wharf-ch-app:v2 "${dir}"`,
      ],
      hint: /the cache was not used for the steps before COPY/,
    },
    {
      name: 'only v1 built',
      lines: [`${cli} build -t wharf-ch-app:v1 "${dir}"`],
      hint: /image wharf-ch-app:v2\n.*not found: create it with/,
    },
  ],
});
