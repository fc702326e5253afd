import { defineText } from '../kit/core/text.ts';

export const overhead = defineText({
  en: {
    title: 'Overhead: inside vs outside',
    shows:
      'A CPU loop inside vs outside, writable layer vs volume, HTTP via NAT vs host network vs container IP, as ratios.',
    lines: {
      cpu: 'CPU: the same loop inside and outside a container',
      cpuLoopTimed:
        "A shell loop of 100 000 additions, timed by the kernel's clock from inside the script, {n} times each, " +
        'alternating. Outside runs the same busybox binary as a plain process on the engine host.',
      cpuLoop: 'CPU loop',
      notOutside: 'Not measured outside: {why}.',
      otherPlatform: 'this lab runs on {platform}, the engine on Linux elsewhere',
      otherHost: 'this lab does not run on the engine host (another kernel boot id)',
      sameCpu: 'The same instructions on the same kernel and CPU: a namespace and a cgroup add nothing to a busy loop.',
      io: 'File writes: the writable layer against a volume',
      writing: 'writing 32 MiB {n} times',
      layerVsVolume:
        'The writable layer is an overlay filesystem; a volume is a plain directory of the host bind-mounted in. ' +
        "New files cost about the same; overlay's price is the first write to a file from the image (copy-up).",
      http: 'HTTP: published port, host network, container IP',
      threeWays:
        'busybox httpd serves a small page three ways. A client on the host network (a helper container, so it ' +
        'also works where the engine runs in a VM) fetches it {n} times on each path with wget, one request after ' +
        "the other; the container's IP is reachable only from the engine's host.",
      defaultNetworkNamed:
        'The engine put the server on its default network, which it calls {network} inside (the IP {ip} is ' +
        "there): Podman's Docker API lists that network as bridge, but each container's own record names it " +
        '{network}.',
      requests: '{n} requests',
      proxyHop:
        'Each request includes starting wget, the same on every path. A port published on 127.0.0.1 goes through ' +
        "docker-proxy (or NAT rules where the userland proxy is off); the host network and the container's IP do " +
        'not.',
      podmanForwards:
        'Podman has no docker-proxy: as root, netavark forwards a published port with NAT rules alone (for ' +
        '127.0.0.1 it turns on route_localnet); rootless, rootlessport or pasta forwards it in user space.',
      vm: 'And inside a VM?',
      notCompared:
        'Not compared: {why}. Under software emulation every guest instruction is translated, so a VM figure ' +
        "would measure QEMU's translator, not virtualisation's overhead.",
      noKvm: 'the VM runs under software emulation here (no working KVM)',
      noOutsideFigure: 'no outside figure to compare with',
      bootingKvm: 'booting a VM with KVM to run the same loop',
    },
    facts: {
      cpuInsideMs: 'CPU loop inside a container (ms, median)',
      cpuOutsideMs: 'The same loop outside, same busybox (ms, median)',
      cpuInsideOverOutside: 'CPU: inside / outside (×)',
      cpuOutsideSkipped: 'Why the loop did not run outside',
      writeLayerMs: 'Write 32 MiB + fsync to the writable layer (ms, median)',
      writeVolumeMs: 'The same to a volume (ms, median)',
      writeLayerOverVolume: 'I/O: writable layer / volume (×)',
      httpRequests: 'HTTP requests per path',
      httpOk: 'Requests answered, per path',
      httpMsPerRequest: 'Time per request (ms)',
      httpPublishedOverHost: 'HTTP: published port (NAT) / host network (×)',
      httpContainerIpOverHost: "HTTP: container's IP / host network (×)",
      containerIp: 'The server container’s IP',
      containerNetwork: 'The network it is on, as the engine names it',
      vmComparable: 'VM figures comparable (hardware virtualisation)',
      vmCpuOverOutside: 'CPU: inside the VM / outside (×)',
    },
  },
  zh: {
    title: '开销：容器内与容器外',
    shows: 'CPU 循环放在容器内外、写可写层与写数据卷、HTTP 走 NAT、主机网络与容器 IP，各自以倍数对比。',
    lines: {
      cpu: 'CPU：同一个循环，在容器内和容器外',
      cpuLoopTimed:
        '一个做 10 万次加法的 shell 循环，由脚本内部用内核时钟计时，两边各跑 {n} 次，交替进行。' +
        '容器外是在引擎宿主机上以普通进程运行同一个 busybox 二进制。',
      cpuLoop: 'CPU 循环',
      notOutside: '没有在容器外测量：{why}。',
      otherPlatform: '本实验运行在 {platform} 上，而引擎运行在别处的 Linux 上',
      otherHost: '本实验没有运行在引擎宿主机上（内核 boot id 不同）',
      sameCpu: '同样的指令，同一个内核和 CPU：命名空间和 cgroup 不会给忙循环增加任何开销。',
      io: '写文件：可写层对比数据卷',
      writing: '写 32 MiB，共 {n} 次',
      layerVsVolume:
        '可写层是 overlay 文件系统；数据卷是宿主机上一个普通目录，绑定挂载进来。' +
        '新文件的开销差不多；overlay 的代价在于第一次写镜像里已有的文件（copy-up）。',
      http: 'HTTP：发布端口、主机网络、容器 IP',
      threeWays:
        'busybox httpd 以三种方式提供一个小页面。主机网络上的客户端（一个辅助容器，所以引擎跑在虚拟机里也能用）' +
        '用 wget 在每条路径上依次请求 {n} 次；容器的 IP 只有从引擎宿主机才能访问。',
      defaultNetworkNamed:
        '引擎把服务器放在它的默认网络上，而它在内部把这个网络叫作 {network}（IP {ip} 就在其中）：' +
        'Podman 的 Docker API 在网络列表里把它显示为 bridge，但每个容器自己的记录里写的是 {network}。',
      requests: '{n} 个请求',
      proxyHop:
        '每次请求都包括启动 wget，每条路径都一样。发布在 127.0.0.1 上的端口要经过 docker-proxy' +
        '（关闭用户态代理时则经过 NAT 规则）；主机网络和容器 IP 不经过。',
      podmanForwards:
        'Podman 没有 docker-proxy：以 root 运行时，netavark 只用 NAT 规则转发发布的端口' +
        '（对 127.0.0.1 它会打开 route_localnet）；无 root（rootless）时由 rootlessport 或 pasta 在用户态转发。',
      vm: '那在虚拟机里呢？',
      notCompared:
        '没有比较：{why}。软件模拟下客户机的每条指令都要翻译，虚拟机的数字测到的是 QEMU 的翻译器，而不是虚拟化的开销。',
      noKvm: '这里的虚拟机只能用软件模拟运行（没有可用的 KVM）',
      noOutsideFigure: '没有容器外的数字可以对比',
      bootingKvm: '正在用 KVM 启动虚拟机来跑同一个循环',
    },
    facts: {
      cpuInsideMs: '容器内的 CPU 循环（毫秒，中位数）',
      cpuOutsideMs: '容器外同一个循环，同一个 busybox（毫秒，中位数）',
      cpuInsideOverOutside: 'CPU：容器内 / 容器外（倍）',
      cpuOutsideSkipped: '没有在容器外运行循环的原因',
      writeLayerMs: '向可写层写 32 MiB 并 fsync（毫秒，中位数）',
      writeVolumeMs: '同样写到数据卷（毫秒，中位数）',
      writeLayerOverVolume: 'I/O：可写层 / 数据卷（倍）',
      httpRequests: '每条路径的 HTTP 请求数',
      httpOk: '每条路径得到应答的请求数',
      httpMsPerRequest: '每个请求的耗时（毫秒）',
      httpPublishedOverHost: 'HTTP：发布端口（NAT）/ 主机网络（倍）',
      httpContainerIpOverHost: 'HTTP：容器 IP / 主机网络（倍）',
      containerIp: '服务器容器的 IP',
      containerNetwork: '它所在的网络，用引擎自己的叫法',
      vmComparable: '虚拟机的数字可比（硬件虚拟化）',
      vmCpuOverOutside: 'CPU：虚拟机内 / 容器外（倍）',
    },
  },
});
