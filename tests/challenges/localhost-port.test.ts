import { attendeeCli as cli, describeChallenge } from './support.ts';

const SERVE = 'hostname > /var/www/index.html && httpd -f -p 8080 -h /var/www';

describeChallenge('localhost-port', {
  // The solution's last line is the fetch: the attendee types back what it printed.
  answerFrom: (printed) => printed.at(-1) ?? '',
  wrong: [
    {
      name: 'published on every interface',
      lines: [`${cli} run -d --name wharf-ch-web -p 48080:8080 wharf/base sh -c "${SERVE}"`],
      answer: 'x',
      hint: /put 127.0.0.1 first/,
    },
    {
      name: 'not published',
      lines: [`${cli} run -d --name wharf-ch-web wharf/base sh -c "${SERVE}"`],
      hint: /it is not: add -p 127.0.0.1:48080:8080/,
    },
    {
      name: 'a made-up answer',
      lines: [`${cli} run -d --name wharf-ch-web -p 127.0.0.1:48080:8080 wharf/base sh -c "${SERVE}"`],
      answer: 'hello',
      hint: /that is not what the page says/,
    },
  ],
});
