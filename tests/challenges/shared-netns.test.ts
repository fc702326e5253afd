import { attendeeCli as cli, describeChallenge } from './support.ts';

const SERVER = `${cli} run -d --name wharf-ch-server --network none wharf/base sh -c "hostname > /var/www/index.html && httpd -f -p 127.0.0.1:8080 -h /var/www"`;

describeChallenge('shared-netns', {
  wrong: [
    {
      name: 'the client on its own network',
      lines: [SERVER, `${cli} run --name wharf-ch-client wharf/base wget -qO- http://localhost:8080/`],
      hint: /join the server's with --network container:wharf-ch-server/,
    },
    {
      name: 'the server on the default network',
      lines: [
        `${cli} run -d --name wharf-ch-server wharf/base sh -c "hostname > /var/www/index.html && httpd -f -p 127.0.0.1:8080 -h /var/www"`,
      ],
      hint: /give the server no network at all/,
    },
  ],
});
