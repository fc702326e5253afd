import { definePresentation } from './types.ts';
import { ms, read } from './units.ts';
import { vmReasonsZh } from './vm-reasons.ts';

const millis = (v: unknown) => (typeof v === 'number' ? ms(v) : undefined);
const times = (v: unknown) => (typeof v === 'number' ? `${v}×` : undefined);

export const overhead = definePresentation({
  headlines(facts, lang) {
    const t = (en: string, zh: string) => (lang === 'zh' ? zh : en);
    const cpu = read.number(facts.cpuInsideOverOutside);
    const io = read.number(facts.writeLayerOverVolume);
    const nat = read.number(facts.httpPublishedOverHost);
    const ip = read.number(facts.httpContainerIpOverHost);
    const comparable = read.boolean(facts.vmComparable);
    return [
      cpu !== undefined
        ? {
            facts: ['cpuInsideOverOutside'],
            value: `${cpu}×`,
            caption: t('CPU loop: inside / outside a container', 'CPU 循环：容器内 / 容器外'),
          }
        : undefined,
      io !== undefined
        ? {
            facts: ['writeLayerOverVolume'],
            value: `${io}×`,
            caption: t('file writes: writable layer / volume', '写文件：可写层 / 数据卷'),
          }
        : undefined,
      nat !== undefined
        ? {
            facts: ['httpPublishedOverHost', 'httpContainerIpOverHost'],
            value: `${nat}×`,
            caption: t(
              `HTTP via a published port / host network (container IP: ${ip ?? '?'}×)`,
              `HTTP 经发布端口 / 主机网络（容器 IP：${ip ?? '?'} 倍）`,
            ),
          }
        : undefined,
      comparable === false
        ? {
            facts: ['vmComparable'],
            value: t('no VM figure', '没有虚拟机数字'),
            caption: t('software emulation is not comparable', '软件模拟不可比'),
          }
        : undefined,
    ].filter((card) => card !== undefined);
  },
  units: {
    cpuInsideMs: millis,
    cpuOutsideMs: millis,
    writeLayerMs: millis,
    writeVolumeMs: millis,
    cpuInsideOverOutside: times,
    writeLayerOverVolume: times,
    httpPublishedOverHost: times,
    httpContainerIpOverHost: times,
    vmCpuOverOutside: times,
  },
  zh: {
    text: {
      ...vmReasonsZh,
      'CPU: the same loop inside and outside a container': 'CPU：同一个循环，在容器内和容器外',
      'File writes: the writable layer against a volume': '写文件：可写层对比数据卷',
      'HTTP: published port, host network, container IP': 'HTTP：发布端口、主机网络、容器 IP',
      'And inside a VM?': '那在虚拟机里呢？',
      "A shell loop of 100 000 additions, timed by the kernel's clock from inside the script, {n} times each, alternating. Outside runs the same busybox binary as a plain process on the engine host.":
        '一个做 10 万次加法的 shell 循环，由脚本内部用内核时钟计时，两边各跑 {n} 次，交替进行。容器外是在引擎宿主机上以普通进程运行同一个 busybox 二进制。',
      'Not measured outside: {why}.': '没有在容器外测量：{why}。',
      'The same instructions on the same kernel and CPU: a namespace and a cgroup add nothing to a busy loop.':
        '同样的指令，同一个内核和 CPU：命名空间和 cgroup 不会给忙循环增加任何开销。',
      "The writable layer is an overlay filesystem; a volume is a plain directory of the host bind-mounted in. New files cost about the same; overlay's price is the first write to a file from the image (copy-up).":
        '可写层是 overlay 文件系统；数据卷是宿主机上一个普通目录，绑定挂载进来。新文件的开销差不多；overlay 的代价在于第一次写镜像里已有的文件（copy-up）。',
      "busybox httpd serves a small page three ways. A client on the host network (a helper container, so it also works where the engine runs in a VM) fetches it {n} times on each path with wget, one request after the other; the container's IP is reachable only from the engine's host.":
        'busybox httpd 以三种方式提供一个小页面。主机网络上的客户端（一个辅助容器，所以引擎跑在虚拟机里也能用）用 wget 在每条路径上依次请求 {n} 次；容器的 IP 只有从引擎宿主机才能访问。',
      "Each request includes starting wget, the same on every path. A port published on 127.0.0.1 goes through docker-proxy (or NAT rules where the userland proxy is off); the host network and the container's IP do not.":
        '每次请求都包括启动 wget，每条路径都一样。发布在 127.0.0.1 上的端口要经过 docker-proxy（关闭用户态代理时则经过 NAT 规则）；主机网络和容器 IP 不经过。',
      "Not compared: {why}. Under software emulation every guest instruction is translated, so a VM figure would measure QEMU's translator, not virtualisation's overhead.":
        '没有比较：{why}。软件模拟下客户机的每条指令都要翻译，虚拟机的数字测到的是 QEMU 的翻译器，而不是虚拟化的开销。',
      // what fills {why} above, when the lab finds no VM figure worth comparing
      'the VM runs under software emulation here (no working KVM)': '这里的虚拟机只能用软件模拟运行（没有可用的 KVM）',
      'no outside figure to compare with': '没有容器外的数字可以对比',
      'CPU loop': 'CPU 循环',
      'writing 32 MiB {n} times': '写 32 MiB，共 {n} 次',
      '{n} requests': '{n} 个请求',
      'booting a VM with KVM to run the same loop': '正在用 KVM 启动虚拟机来跑同一个循环',
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
      vmComparable: '虚拟机的数字可比（硬件虚拟化）',
      vmCpuOverOutside: 'CPU：虚拟机内 / 容器外（倍）',
    },
  },
});
