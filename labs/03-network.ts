#!/usr/bin/env tsx
// Lab "network": a container's network is a namespace with its own interfaces, wired to the host
// by the engine (a bridge, NAT, a published port) — or not wired at all.
import { isMain, runLabCli } from './kit/cli.ts';
import { execIn, runToCompletion, startContainer } from './kit/containers.ts';
import { fetchWhenUp } from './kit/http.ts';
import { ipv4AddressLines, parseDefaultGateway, parseIpLink, parseIpv4Addresses } from './kit/ip.ts';
import { defineLab } from './kit/lab.ts';
import { parseSections, sectionsScript } from './kit/sections.ts';

const PORT = '8080/tcp';
const NETWORK_VIEW = ['links', 'addresses', 'routes'] as const;
const networkScript = sectionsScript({ links: 'ip -o link', addresses: 'ip -o -4 addr', routes: 'ip route' });

export const lab = defineLab({
  id: 'network',
  title: 'A network of its own',
  shows: 'The interfaces a container gets on the default bridge and with --network none, and a published port from 127.0.0.1 to the container.',

  async run(ctx) {
    const { docker, signal } = ctx;

    ctx.step('Start a web server on the default network');
    const webName = ctx.name('web');
    // The page carries the run id, so what comes back can only have come from this container.
    const page = `<h1>Hello from Wharf run ${ctx.runId}</h1>`;
    const serve = `echo '${page}' > /var/www/index.html && exec httpd -f -p 8080 -h /var/www`;
    ctx.command(`docker run -d --name ${webName} -p 127.0.0.1::8080 ${ctx.baseImage} sh -c "${serve}"`);
    ctx.note('-p 127.0.0.1::8080 publishes port 8080 on the host\'s loopback only, on a port the engine picks.');
    const web = await startContainer(docker, {
      image: ctx.baseImage,
      cmd: ['sh', '-c', serve],
      name: webName,
      labels: ctx.labels,
      config: { ExposedPorts: { [PORT]: {} } },
      hostConfig: { NetworkMode: 'bridge', PortBindings: { [PORT]: [{ HostIp: '127.0.0.1', HostPort: '' }] } },
      signal,
    });

    ctx.step('Its interfaces: loopback and one end of a virtual cable');
    ctx.command(`docker exec ${webName} sh -c 'ip -o link; ip -o -4 addr; ip route'`);
    const bridged = parseSections((await execIn(docker, web, ['sh', '-c', networkScript], { signal })).stdout, NETWORK_VIEW);
    const addresses = parseIpv4Addresses(bridged.addresses);
    ctx.output(`${ipv4AddressLines(bridged.addresses).join('\n')}\n${bridged.routes}`);
    const eth0 = addresses.find((a) => a.ifname === 'eth0');
    ctx.fact('bridgeInterfaces', parseIpLink(bridged.links), 'Interfaces on the default network');
    ctx.fact('containerIp', eth0 ? `${eth0.address}/${eth0.prefixLength}` : null, 'Its address (eth0)');
    ctx.fact('gateway', parseDefaultGateway(bridged.routes) ?? null, 'Its default gateway (the bridge on the host)');
    ctx.note('eth0 is one end of a veth pair; the other end is plugged into a bridge on the engine host, which routes and NATs for it.');

    ctx.step('Ask the engine where it plugged it in');
    ctx.command(`docker inspect --format '{{json .NetworkSettings}}' ${webName}`);
    const { NetworkSettings, HostConfig } = await web.inspect({ abortSignal: signal });
    const [networkName = '', endpoint] = Object.entries(NetworkSettings.Networks)[0] ?? [];
    ctx.fact('networkName', networkName, 'Engine network');
    ctx.fact('engineIp', endpoint?.IPAddress ?? null, 'Address the engine assigned');
    ctx.fact('engineGateway', endpoint?.Gateway ?? null, 'Gateway the engine reports');

    ctx.step('A container with --network none');
    const isolatedName = ctx.name('isolated');
    ctx.command(`docker run --rm --name ${isolatedName} --network none ${ctx.baseImage} sh -c 'ip -o link; ip -o -4 addr; ip route'`);
    const isolated = await runToCompletion(docker, {
      image: ctx.baseImage, cmd: ['sh', '-c', networkScript], name: isolatedName, labels: ctx.labels, hostConfig: { NetworkMode: 'none' }, signal,
    });
    const none = parseSections(isolated.stdout, NETWORK_VIEW);
    const noneInterfaces = parseIpLink(none.links);
    ctx.output(`${ipv4AddressLines(none.addresses).join('\n')}\n${none.routes || '(no routes)'}`);
    ctx.fact('noneInterfaces', noneInterfaces, 'Interfaces with --network none');
    ctx.fact('noneRoutes', none.routes.split('\n').filter(Boolean).length, 'Routes with --network none');
    ctx.fact('loopbackOnly', noneInterfaces.length === 1 && noneInterfaces[0] === 'lo', 'Loopback only');
    ctx.note('Still a network namespace of its own, just with nothing plugged in: no way in or out.');

    ctx.step('Fetch the page through the published port');
    const binding = (HostConfig.PortBindings as Record<string, { HostIp: string; HostPort: string }[]>)[PORT]?.[0];
    const published = NetworkSettings.Ports[PORT]?.[0];
    const hostPort = Number(published?.HostPort);
    ctx.command(`docker port ${webName} 8080`);
    ctx.output(`${PORT} -> ${published?.HostIp}:${published?.HostPort}`);
    ctx.fact('portBinding', { hostIp: binding?.HostIp ?? null, hostPort: binding?.HostPort ?? null }, 'Port binding we asked for (empty port: engine picks)');
    ctx.fact('publishedPort', hostPort, 'Host port the engine picked');
    ctx.command(`curl http://127.0.0.1:${hostPort}/`);
    ctx.wait('waiting for httpd to answer');
    const fetched = await fetchWhenUp(`http://127.0.0.1:${hostPort}/`, { signal });
    ctx.fact('status', fetched.status, 'HTTP status');
    ctx.fact('body', fetched.body.trim(), 'Page served');
    ctx.fact('bodyHasRunId', fetched.body.includes(ctx.runId), `The page carries this run's id (${ctx.runId})`);
    ctx.fact('path', `127.0.0.1:${hostPort} → ${endpoint?.IPAddress ?? '?'}:8080`, 'Path of the request: host port → container address');
    ctx.note('The engine forwards the host port to the container address (iptables DNAT, or its userland proxy for connections from the host itself).');
    ctx.note("On Docker Desktop, Colima or a Podman machine the container address lives inside the engine's VM: only the published port is reachable from your machine, which is why we never fetch the container IP directly.");
  },
});

if (isMain(import.meta.url)) process.exitCode = await runLabCli(lab, { json: process.argv.includes('--json') });
