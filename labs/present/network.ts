import { definePresentation } from './types.ts';
import { read } from './units.ts';

export const network = definePresentation({
  headlines(facts, lang) {
    const t = (en: string, zh: string) => (lang === 'zh' ? zh : en);
    const ip = read.string(facts.containerIp);
    const gateway = read.string(facts.gateway);
    const none = read.strings(facts.noneInterfaces);
    const status = read.number(facts.status);
    const path = read.string(facts.path);
    return [
      ip
        ? {
            facts: ['containerIp'],
            value: ip,
            caption: t(
              `eth0 on the default bridge${gateway ? `, gateway ${gateway}` : ''}`,
              `默认网桥上的 eth0${gateway ? `，网关 ${gateway}` : ''}`,
            ),
          }
        : undefined,
      none
        ? {
            facts: ['noneInterfaces'],
            value: none.join(' '),
            caption: t('all there is with --network none', '--network none 时仅有的网卡'),
          }
        : undefined,
      status !== undefined && path
        ? {
            facts: ['status', 'path'],
            value: `HTTP ${status}`,
            caption: t(`through the published port: ${path}`, `经由发布的端口：${path}`),
          }
        : undefined,
    ].filter((card) => card !== undefined);
  },
  units: {
    fetchedFrom: (v, lang) =>
      lang === 'zh' ? { 'this machine': '本机', 'the engine host': '引擎所在的主机' }[String(v)] : undefined,
  },
  zh: {
    text: {
      "Nothing of ours answers at {url} on this machine. A published port opens on the engine's host, so a helper there (--network host) fetches the page instead.":
        '本机的 {url} 上没有我们的服务应答。发布的端口开在引擎所在的主机上，所以改由那台主机上的一个辅助容器（--network host）去取页面。',
      'The engine forwards the host port to the container address (iptables DNAT, or its userland proxy for connections from the host itself).':
        '引擎把宿主机端口转发到容器地址（iptables DNAT；来自宿主机自身的连接则走它的用户态代理）。',
      "On Docker Desktop, Colima or a Podman machine the container address lives inside the engine's VM: only the published port is reachable from your machine, which is why we never fetch the container IP directly.":
        '在 Docker Desktop、Colima 或 Podman machine 上，容器地址在引擎的虚拟机里：你的机器只能访问发布出来的端口，所以我们从不直接访问容器 IP。',
      'Start a web server on the default network': '在默认网络上启动一个 Web 服务器',
      'Its interfaces: loopback and one end of a virtual cable': '它的网卡：回环接口，加上一根虚拟网线的一端',
      'Ask the engine where it plugged it in': '问引擎把它接在了哪里',
      'A container with --network none': '一个 --network none 的容器',
      'Fetch the page through the published port': '通过发布的端口取回页面',
      "-p 127.0.0.1::8080 publishes port 8080 on the host's loopback only, on a port the engine picks.":
        '-p 127.0.0.1::8080 只在宿主机的回环地址上发布 8080 端口，宿主机端口由引擎挑选。',
      'eth0 is one end of a veth pair; the other end is plugged into a bridge on the engine host, which routes and NATs for it.':
        'eth0 是一对 veth 的一端；另一端插在引擎宿主机的网桥上，由宿主机替它路由并做 NAT。',
      'Still a network namespace of its own, just with nothing plugged in: no way in or out.':
        '它仍有自己的网络命名空间，只是什么都没插上：进不来，也出不去。',
    },
    facts: {
      bridgeInterfaces: '默认网络上的网卡',
      containerIp: '它的地址（eth0）',
      gateway: '它的默认网关（宿主机上的网桥）',
      networkName: '引擎网络',
      engineIp: '引擎分配的地址',
      engineGateway: '引擎报告的网关',
      noneInterfaces: '--network none 时的网卡',
      noneRoutes: '--network none 时的路由条数',
      loopbackOnly: '只有回环接口',
      portBinding: '我们请求的端口绑定（端口留空：由引擎挑选）',
      publishedPort: '引擎挑选的宿主机端口',
      status: 'HTTP 状态码',
      body: '返回的页面',
      bodyHasRunId: '页面里带着这次运行的 ID',
      path: '请求的路径：宿主机端口 → 容器地址',
      fetchedFrom: '页面是从哪里取回的',
    },
  },
});
