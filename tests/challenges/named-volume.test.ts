import { attendeeCli as cli, describeChallenge } from './support.ts';

describeChallenge('named-volume', {
  wrong: [
    {
      name: 'an anonymous volume',
      lines: [`${cli} run --rm --name wharf-ch-vol-writer -v /data wharf/base sh -c "echo kept > /data/note.txt"`],
      hint: /by naming it in the mount: -v wharf-ch-data:\/data/,
    },
    {
      name: 'the container never removed',
      lines: [
        `${cli} run --name wharf-ch-vol-writer -v wharf-ch-data:/data wharf/base sh -c "echo kept > /data/note.txt"`,
      ],
      hint: /remove it \(\w+ rm wharf-ch-vol-writer\)/,
    },
    {
      name: 'nothing written into the volume',
      lines: [
        `${cli} run --name wharf-ch-vol-writer -v wharf-ch-data:/data wharf/base sh -c "echo kept > /note.txt"`,
        `${cli} rm wharf-ch-vol-writer`,
      ],
      hint: /the volume has no note.txt/,
    },
  ],
});
