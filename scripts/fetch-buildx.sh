#!/usr/bin/env bash
# Installs Docker's buildx CLI plugin from Debian trixie's docker-buildx package, for a machine
# whose own Debian has none (bookworm): current docker CLIs build with BuildKit through it, and the
# shown-equals-run test types the labs' `docker build` lines into that CLI. Uses an apt state of its
# own: the machine's /etc/apt is never read or changed. Needs root (the plugin goes system-wide, so
# a client with HOME set elsewhere still finds it).
set -euo pipefail

DEST="${WHARF_BUILDX_DIR:-/usr/local/lib/docker/cli-plugins}"
mirror="${WHARF_DEBIAN_MIRROR:-http://deb.debian.org/debian}"
work="$(mktemp -d "${TMPDIR:-/tmp}/wharf-buildx.XXXXXX")"
trap 'rm -rf "$work"' EXIT

mkdir -p "$work/lists/partial" "$work/cache/archives/partial"
echo "deb [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] $mirror trixie main" >"$work/sources.list"
apt_private=(
  -o Dir::Etc::sourcelist="$work/sources.list" -o Dir::Etc::sourceparts=- -o Dir::State::Lists="$work/lists"
  -o Dir::Cache="$work/cache" -o Acquire::Check-Valid-Until=false -o APT::Get::List-Cleanup=false
  -o APT::Sandbox::User=root
)
apt-get "${apt_private[@]}" update -qq
(cd "$work" && apt-get "${apt_private[@]}" download -qq docker-buildx)
dpkg-deb -x "$work"/docker-buildx_*.deb "$work/extracted"
plugin="$(find "$work/extracted" -type f -path '*/cli-plugins/docker-buildx' | head -n 1)"
[ -n "$plugin" ] || { echo "docker-buildx package holds no docker-buildx plugin" >&2; exit 1; }
install -D -m 0755 "$plugin" "$DEST/docker-buildx"
echo "buildx $("$DEST/docker-buildx" version 2>/dev/null | awk '{print $2}') → $DEST/docker-buildx"
