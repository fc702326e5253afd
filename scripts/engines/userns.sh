#!/usr/bin/env bash
# scripts/engines/userns.sh start|stop: a second dockerd on this machine with --userns-remap=default,
# as hardened company machines run it: every container gets a user namespace of its own, root inside
# is an unprivileged uid outside (the "dockremap" range in /etc/subuid, which dockerd adds), and a
# container may join a host namespace only with --userns=host. Same filesystem, PIDs and hostname as
# this machine; its own network namespace only, so its bridge and firewall rules stay apart from the
# main engine's. Reached over a unix socket. Needs root; prints the DOCKER_HOST to use.
set -euo pipefail

NAME=wharf-userns
SOCK="/run/$NAME.sock"
PIDFILE="/run/$NAME.pid"
LOG="${TMPDIR:-/tmp}/$NAME-dockerd.log"
DEADLINE_S=60

answers() { curl -fsS --max-time 2 --unix-socket "$SOCK" http://engine/_ping >/dev/null 2>&1; }

case "${1:-}" in
start)
  if answers; then echo "unix://$SOCK"; exit 0; fi
  rm -f "$SOCK"
  nohup unshare --net --fork bash -c "
    ip link set lo up
    exec dockerd --userns-remap=default --data-root /var/lib/$NAME --exec-root /run/$NAME --pidfile $PIDFILE \
      -H unix://$SOCK
  " >"$LOG" 2>&1 &
  for ((i = 0; i < DEADLINE_S; i++)); do
    answers && { echo "unix://$SOCK"; exit 0; }
    sleep 1
  done
  echo "userns: dockerd did not answer on $SOCK within ${DEADLINE_S} s; its log ends with:" >&2
  tail -n 30 "$LOG" >&2 || true
  exit 1
  ;;
stop)
  # Waits for dockerd to go (it stops its containers first), so a start right after finds no pid file.
  if [ -s "$PIDFILE" ] && pid="$(cat "$PIDFILE")" && kill "$pid" 2>/dev/null; then
    for ((i = 0; i < DEADLINE_S; i++)); do
      kill -0 "$pid" 2>/dev/null || break
      sleep 1
    done
  fi
  ;;
*)
  echo "usage: $0 start|stop" >&2
  exit 2
  ;;
esac
