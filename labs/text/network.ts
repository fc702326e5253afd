import { defineText } from '../kit/core/text.ts';

export const network = defineText({
  en: {
    title: 'A network of its own',
    shows:
      'The interfaces a container gets on the default bridge and with --network none, ' +
      'and a published port from 127.0.0.1 to the container.',
    lines: {
      startWeb: 'Start a web server on the default network',
      publishLoopback:
        "-p 127.0.0.1::8080 publishes port 8080 on the host's loopback only, on a port the engine picks.",
      interfaces: 'Its interfaces: loopback and one end of a virtual cable',
      vethPair:
        'eth0 is one end of a veth pair; the other end is plugged into a bridge on the engine host, which routes and ' +
        'NATs for it.',
      askEngine: 'Ask the engine where it plugged it in',
      isolated: 'A container with --network none',
      nothingPluggedIn: 'Still a network namespace of its own, just with nothing plugged in: no way in or out.',
      fetchPage: 'Fetch the page through the published port',
      waitingForHttpd: 'waiting for httpd to answer',
      nothingAnswersHere:
        "Nothing of ours answers at {url} on this machine. A published port opens on the engine's host, so a " +
        'helper there (--network host) fetches the page instead.',
      engineForwards:
        'The engine forwards the host port to the container address (iptables DNAT, or its userland proxy for ' +
        'connections from the host itself).',
      addressInVm:
        "On Docker Desktop, Colima or a Podman machine the container address lives inside the engine's VM: only " +
        'the published port is reachable from your machine, which is why we never fetch the container IP directly.',
    },
    facts: {
      bridgeInterfaces: 'Interfaces on the default network',
      containerIp: 'Its address (eth0)',
      gateway: 'Its default gateway (the bridge on the host)',
      networkName: 'Engine network',
      engineIp: 'Address the engine assigned',
      engineGateway: 'Gateway the engine reports',
      noneInterfaces: 'Interfaces with --network none',
      noneRoutes: 'Routes with --network none',
      loopbackOnly: 'Loopback only',
      portBinding: 'Port binding we asked for (empty port: engine picks)',
      publishedPort: 'Host port the engine picked',
      status: 'HTTP status',
      body: 'Page served',
      bodyHasRunId: "The page carries this run's id",
      fetchedFrom: 'Where the page was fetched from',
      path: 'Path of the request: host port → container address',
    },
  },
  zh: {
    title: '自己的网络',
    shows: '容器在默认网桥上、以及用 --network none 时各有哪些网卡，再加一个从 127.0.0.1 通到容器的发布端口。',
    lines: {
      startWeb: '在默认网络上启动一个 Web 服务器',
      publishLoopback: '-p 127.0.0.1::8080 只在宿主机的回环地址上发布 8080 端口，宿主机端口由引擎挑选。',
      interfaces: '它的网卡：回环接口，加上一根虚拟网线的一端',
      vethPair: 'eth0 是一对 veth 的一端；另一端插在引擎宿主机的网桥上，由宿主机替它路由并做 NAT。',
      askEngine: '问引擎把它接在了哪里',
      isolated: '一个 --network none 的容器',
      nothingPluggedIn: '它仍有自己的网络命名空间，只是什么都没插上：进不来，也出不去。',
      fetchPage: '通过发布的端口取回页面',
      waitingForHttpd: '正在等 httpd 应答',
      nothingAnswersHere:
        '本机的 {url} 上没有我们的服务应答。发布的端口开在引擎所在的主机上，所以改由那台主机上的一个辅助容器' +
        '（--network host）去取页面。',
      engineForwards: '引擎把宿主机端口转发到容器地址（iptables DNAT；来自宿主机自身的连接则走它的用户态代理）。',
      addressInVm:
        '在 Docker Desktop、Colima 或 Podman machine 上，容器地址在引擎的虚拟机里：你的机器只能访问发布出来的端口，' +
        '所以我们从不直接访问容器 IP。',
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
      fetchedFrom: '页面是从哪里取回的',
      path: '请求的路径：宿主机端口 → 容器地址',
    },
  },
});
