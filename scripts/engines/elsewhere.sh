#!/usr/bin/env bash
# scripts/engines/elsewhere.sh start|stop: a second dockerd on this machine that behaves like an
# engine running elsewhere (a plain remote engine, an ssh context): its own network namespace (its
# published ports never reach this machine's 127.0.0.1), its own hostname, and its own /tmp, /root
# and /home (this machine's folders are not there to bind-mount). Reached over a unix socket, so no
# port is opened anywhere. Needs root and util-linux's unshare; prints the DOCKER_HOST to use.
set -euo pipefail

NAME=wharf-elsewhere
source "$(dirname "$0")/second-dockerd.sh"

# --fork keeps unshare's child (dockerd's parent shell) in the new namespaces; `exec` makes dockerd
# that child, so its pid file names the daemon.
launch() {
  nohup unshare --net --uts --mount --fork bash -c "
    hostname $NAME
    mount --make-rprivate /
    for dir in /tmp /root /home; do mount -t tmpfs tmpfs \$dir; done
    ip link set lo up
    exec dockerd $DOCKERD_ARGS
  " >"$LOG" 2>&1 &
}

second_dockerd "${1:-}"
