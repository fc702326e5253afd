#!/usr/bin/env bash
# Fetches a stock Debian cloud kernel (amd64) for `npm run bench -- vm`, which boots it under QEMU
# with a busybox initramfs to compare a VM's boot with a container's start. The kernel is a download,
# so it goes to a cache directory, never into the repository. Needs a Debian/Ubuntu machine with apt.
set -euo pipefail

DEST="${WHARF_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/wharf}/vm"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT

package=$(apt-cache depends linux-image-cloud-amd64 | awk '/Depends: linux-image-/ {print $2; exit}')
if [ -z "$package" ]; then
  echo "apt does not know linux-image-cloud-amd64: run 'apt-get update' first" >&2
  exit 1
fi
cd "$WORK"
apt-get download -qq "$package"
dpkg-deb -x ./*.deb extracted
mkdir -p "$DEST"
install -m 0644 extracted/boot/vmlinuz-* "$DEST/vmlinuz"
echo "$package" > "$DEST/vmlinuz.source"
echo "kernel from $package → $DEST/vmlinuz"
