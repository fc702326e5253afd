import { attendeeCli as cli, describeChallenge } from './support.ts';

describeChallenge('cpu-half', {
  wrong: [
    {
      name: 'a weight instead of a cap',
      lines: [`${cli} run -d --name wharf-ch-cpu --cpu-shares 512 wharf/base sleep 3600`],
      hint: /--cpu-shares is a weight/,
    },
    {
      name: 'a whole CPU',
      lines: [`${cli} run -d --name wharf-ch-cpu --cpus 1 wharf/base sleep 3600`],
      hint: /its cgroup allows 1 CPU[\s\S]*the task asks for half a CPU/,
    },
  ],
});
