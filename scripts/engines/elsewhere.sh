#!/usr/bin/env bash
# scripts/engines/elsewhere.sh start|stop: a second dockerd on this machine that behaves like an
# engine running elsewhere (a plain remote engine, an ssh context): its own network namespace (its
# published ports never reach this machine's 127.0.0.1), its own hostname, and its own /tmp, /root
# and /home (this machine's folders are not there to bind-mount). Reached over a unix socket, so no
# port is opened anywhere. Needs root and util-linux's unshare; prints the DOCKER_HOST to use.
set -euo pipefail

NAME=wharf-elsewhere
SOCK="/run/$NAME.sock"
PIDFILE="/run/$NAME.pid"
LOG="${TMPDIR:-/tmp}/$NAME-dockerd.log"
DEADLINE_S=60

answers() { curl -fsS --max-time 2 --unix-socket "$SOCK" http://engine/_ping >/dev/null 2>&1; }

case "${1:-}" in
start)
  if answers; then echo "unix://$SOCK"; exit 0; fi
  rm -f "$SOCK"
  # --fork keeps unshare's child (dockerd's parent shell) in the new namespaces; `exec` makes
  # dockerd that child, so its pid file names the daemon.
  nohup unshare --net --uts --mount --fork bash -c "
    hostname $NAME
    mount --make-rprivate /
    for dir in /tmp /root /home; do mount -t tmpfs tmpfs \$dir; done
    ip link set lo up
    exec dockerd --data-root /var/lib/$NAME --exec-root /run/$NAME --pidfile $PIDFILE -H unix://$SOCK
  " >"$LOG" 2>&1 &
  for ((i = 0; i < DEADLINE_S; i++)); do
    answers && { echo "unix://$SOCK"; exit 0; }
    sleep 1
  done
  echo "elsewhere: dockerd did not answer on $SOCK within ${DEADLINE_S} s; its log ends with:" >&2
  tail -n 30 "$LOG" >&2 || true
  exit 1
  ;;
stop)
  [ -s "$PIDFILE" ] && kill "$(cat "$PIDFILE")" 2>/dev/null || true
  ;;
*)
  echo "usage: $0 start|stop" >&2
  exit 2
  ;;
esac
