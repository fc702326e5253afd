#!/usr/bin/env bash
# scripts/engines/userns.sh start|stop: a second dockerd on this machine with --userns-remap=default,
# as hardened company machines run it: every container gets a user namespace of its own, root inside
# is an unprivileged uid outside (the "dockremap" range in /etc/subuid, which dockerd adds), and a
# container may join a host namespace only with --userns=host. Same filesystem, PIDs and hostname as
# this machine; its own network namespace only, so its bridge and firewall rules stay apart from the
# main engine's. Reached over a unix socket. Needs root; prints the DOCKER_HOST to use.
set -euo pipefail

NAME=wharf-userns
source "$(dirname "$0")/second-dockerd.sh"

launch() {
  nohup unshare --net --fork bash -c "
    ip link set lo up
    exec dockerd --userns-remap=default $DOCKERD_ARGS
  " >"$LOG" 2>&1 &
}

second_dockerd "${1:-}"
