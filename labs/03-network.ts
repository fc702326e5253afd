// Lab "network": a container's network is a namespace with its own interfaces, wired to the host
// by the engine (a bridge, NAT, a published port) — or not wired at all.
import * as kit from './kit/index.ts';
import { type Box, type ContextFor, defineLab, fact, runIfMain } from './kit/index.ts';
import { network as text } from './text/network.ts';

const facts = {
  bridgeInterfaces: fact<string[]>(),
  containerIp: fact<string | null>(),
  gateway: fact<string | null>(),
  networkName: fact<string>(),
  engineIp: fact<string | null>(),
  engineGateway: fact<string | null>(),
  noneInterfaces: fact<string[]>(),
  noneRoutes: fact<number>(),
  loopbackOnly: fact<boolean>(),
  portBinding: fact<{ hostIp: string | null; hostPort: string | null }>(),
  publishedPort: fact<number>(),
  status: fact<number>(),
  body: fact<string>(),
  bodyHasRunId: fact<boolean>(),
  fetchedFrom: fact<'this machine' | 'the engine host'>(),
  path: fact<string>(),
};
type Ctx = ContextFor<typeof facts, typeof text>;
type Facts = kit.FactsOf<typeof facts>;

const PORT = '8080/tcp';
const LOOK = kit.sections({ links: 'ip -o link', addresses: 'ip -o -4 addr', routes: 'ip route' });
const shownLook = ['sh', '-c', 'ip -o link; ip -o -4 addr; ip route'];

async function startWeb(ctx: Ctx) {
  ctx.step('startWeb');
  // The page carries the run's label, so what comes back can only have come from this container.
  const page = `<h1>Hello from Wharf run ${ctx.runLabel}</h1>`;
  const serve = `echo '${page}' > /var/www/index.html && exec httpd -f -p 8080 -h /var/www`;
  const publish = [{ hostIp: '127.0.0.1', containerPort: 8080 }];
  const web = await ctx.start({ name: 'web', network: 'bridge', publish, cmd: ['sh', '-c', serve] });
  ctx.note('publishLoopback');

  ctx.step('interfaces');
  const bridged = await ctx.execSections(web, LOOK, { shown: shownLook });
  ctx.output(`${kit.ipv4AddressLines(bridged.addresses).join('\n')}\n${bridged.routes}`);
  const eth0 = kit.parseIpv4Addresses(bridged.addresses).find((a) => a.ifname === 'eth0');
  ctx.facts({
    bridgeInterfaces: kit.parseIpLink(bridged.links),
    containerIp: eth0 ? `${eth0.address}/${eth0.prefixLength}` : null,
    gateway: kit.parseDefaultGateway(bridged.routes) ?? null,
  });
  ctx.note('vethPair');
  return web;
}

async function isolated(ctx: Ctx) {
  ctx.step('isolated');
  const none = LOOK.parse((await ctx.run({ name: 'isolated', cmd: LOOK.cmd, shown: shownLook })).stdout);
  const noneInterfaces = kit.parseIpLink(none.links);
  ctx.output(`${kit.ipv4AddressLines(none.addresses).join('\n')}\n${none.routes || '(no routes)'}`);
  const noneRoutes = none.routes.split('\n').filter(Boolean).length;
  ctx.facts({ noneInterfaces, noneRoutes, loopbackOnly: noneInterfaces.length === 1 && noneInterfaces[0] === 'lo' });
  ctx.note('nothingPluggedIn');
}

/**
 * A published port opens on the engine's host. From this machine that is 127.0.0.1 when the engine
 * runs here, or in a VM that forwards published ports (Docker Desktop, Colima, a Podman machine).
 * A plain remote engine (tcp://, ssh://) publishes on its own host only: then a helper on that host
 * (--network host) fetches the page, and the lab says so.
 */
async function fetchPage(ctx: Ctx, web: Box, hostPort: number) {
  const url = `http://127.0.0.1:${hostPort}/`;
  const where = kit.engineWhere(ctx.engine);
  if (!where.here) {
    // Elsewhere, this machine gets only a short try: first make sure httpd itself answers.
    const shown = ['wget', '-qO-', 'http://127.0.0.1:8080/'];
    await ctx.exec(web, ['sh', '-c', kit.waitForHttp('http://127.0.0.1:8080/')], { shown });
  }
  ctx.shown(`curl ${url}`);
  ctx.wait('waitingForHttpd');
  const fetching = kit.fetchWhenUp(url, { signal: ctx.signal, deadlineMs: where.here ? 10_000 : 3_000 });
  const fromHere = await (where.here ? fetching : fetching.catch(kit.unlessStopped(ctx.signal, () => undefined)));
  let page = { status: fromHere?.status ?? 0, body: fromHere?.body ?? '' };
  let from: Facts['fetchedFrom'] = 'this machine';
  if (!page.body.includes(ctx.runLabel)) {
    ctx.note(where.why);
    ctx.note('nothingAnswersHere', { url });
    const cmd = ['sh', '-c', kit.waitForHttp(url)];
    const got = await ctx.run({ name: 'fetch', network: 'host', cmd, shown: ['wget', '-qO-', url] });
    ctx.output(got.stdout.trim());
    page = { status: kit.httpStatus(got.stderr) ?? 0, body: got.stdout };
    from = 'the engine host';
  }
  ctx.facts({ status: page.status, body: page.body.trim(), bodyHasRunId: page.body.includes(ctx.runLabel) });
  ctx.fact('fetchedFrom', from);
}

export const lab = defineLab({
  id: 'network',
  text,
  facts,
  async run(ctx) {
    const web = await startWeb(ctx);
    ctx.step('askEngine');
    const { NetworkSettings, HostConfig } = await ctx.inspect(web, '{{json .NetworkSettings}}');
    const [networkName = '', endpoint] = Object.entries(NetworkSettings.Networks)[0] ?? [];
    ctx.facts({ networkName, engineIp: endpoint?.IPAddress ?? null, engineGateway: endpoint?.Gateway ?? null });
    await isolated(ctx);

    ctx.step('fetchPage');
    const binding = (HostConfig.PortBindings as Record<string, { HostIp: string; HostPort: string }[]>)[PORT]?.[0];
    const published = await ctx.port(web, PORT);
    const hostPort = Number(published?.HostPort);
    ctx.output(`${PORT} -> ${published?.HostIp}:${published?.HostPort}`);
    ctx.facts({
      portBinding: { hostIp: binding?.HostIp ?? null, hostPort: binding?.HostPort ?? null },
      publishedPort: hostPort,
    });
    await fetchPage(ctx, web, hostPort);
    ctx.fact('path', `127.0.0.1:${hostPort} → ${endpoint?.IPAddress ?? '?'}:8080`);
    ctx.note('engineForwards');
    ctx.note('addressInVm');
  },
});

await runIfMain(import.meta.url, lab);
