# Sourced by elsewhere.sh and userns.sh: a second dockerd on this machine, reached over a unix socket
# (no port opened anywhere), with data, exec root and pid file of its own. The caller sets NAME and
# defines launch, which starts dockerd in the background with $DOCKERD_ARGS and logs to $LOG; then
# `second_dockerd start|stop` prints the DOCKER_HOST to use, or waits for the daemon to go.

SOCK="/run/$NAME.sock"
PIDFILE="/run/$NAME.pid"
LOG="${TMPDIR:-/tmp}/$NAME-dockerd.log"
DOCKERD_ARGS="--data-root /var/lib/$NAME --exec-root /run/$NAME --pidfile $PIDFILE -H unix://$SOCK"
DEADLINE_S=60

answers() { curl -fsS --max-time 2 --unix-socket "$SOCK" http://engine/_ping >/dev/null 2>&1; }

second_dockerd() {
  case "${1:-}" in
  start)
    if answers; then echo "unix://$SOCK"; return 0; fi
    rm -f "$SOCK"
    launch
    for ((i = 0; i < DEADLINE_S; i++)); do
      answers && { echo "unix://$SOCK"; return 0; }
      sleep 1
    done
    echo "$NAME: dockerd did not answer on $SOCK within ${DEADLINE_S} s; its log ends with:" >&2
    tail -n 30 "$LOG" >&2 || true
    return 1
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
    return 2
    ;;
  esac
}
