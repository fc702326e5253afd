#!/usr/bin/env bash
# Builds the engine-matrix VM image from Debian packages (no image registry): a root filesystem made
# by mmdebstrap with its OWN apt state (the machine's /etc/apt is never read or changed), turned into
# an ext4 disk image, plus the kernel and initramfs to boot it with.
#   build-image.sh <output dir> <suite>     suite: sid or trixie
# Writes <output dir>/{root.img,vmlinuz,initrd.img,manifest.txt}. Needs root (mmdebstrap's root
# mode keeps device nodes and file owners), mmdebstrap and mke2fs.
set -euo pipefail

out="$1"
suite="$2"
here="$(cd "$(dirname "$0")" && pwd)"
mirror="${WHARF_DEBIAN_MIRROR:-http://deb.debian.org/debian}"
work="$(mktemp -d "${TMPDIR:-/tmp}/wharf-engine-image.XXXXXX")"
trap 'rm -rf "$work"' EXIT

packages="$(grep -v '^\s*#' "$here/packages.txt" | grep -v '^\s*$' | paste -sd, -)"

# sid's Release can be past its Valid-Until on a mirror snapshot; signatures are still checked
# (bookworm's archive keyring verifies sid and trixie).
mmdebstrap \
  --mode=root --variant=apt --format=directory \
  --keyring=/usr/share/keyrings/debian-archive-keyring.gpg \
  --aptopt='Acquire::Check-Valid-Until "false"' \
  --aptopt='APT::Install-Recommends "false"' \
  --dpkgopt='path-exclude=/usr/share/doc/*' \
  --dpkgopt='path-exclude=/usr/share/man/*' \
  --dpkgopt='path-exclude=/usr/share/locale/*' \
  --include="$packages" \
  --customize-hook="sync-in '$here/guest' /" \
  --customize-hook='chroot "$1" dpkg-query -W -f="\${Package} \${Version}\n" > "$1/etc/wharf/manifest.txt"' \
  "$suite" "$work/root" "$mirror"

root="$work/root"
mkdir -p "$out"
cp "$root"/boot/vmlinuz-* "$out/vmlinuz"
cp "$root"/boot/initrd.img-* "$out/initrd.img"
cp "$root/etc/wharf/manifest.txt" "$out/manifest.txt"
echo "$suite" > "$out/suite"
rm -rf "$root"/var/cache/apt/archives/*.deb "$root"/var/lib/apt/lists/*
# Room for what the labs build and run; the boot uses a throw-away overlay (QEMU snapshot=on),
# so this file never changes after the build.
mke2fs -q -t ext4 -L wharf-engines -d "$root" "$out/root.img.partial" 6G
mv "$out/root.img.partial" "$out/root.img"
