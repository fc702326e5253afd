#!/usr/bin/env bash
# Refreshes the vendored static busybox binaries in assets/busybox/ from Debian's busybox-static
# package, for every architecture the kit supports. Needs a Debian/Ubuntu machine with apt; it uses a
# private apt state directory so the machine's own apt configuration is left untouched.
set -euo pipefail

ARCHES=(amd64 arm64)
DEST="$(cd "$(dirname "$0")/.." && pwd)/assets/busybox"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT

mkdir -p "$WORK/lists/partial" "$WORK/archives/partial"
apt_opts=(-o "Dir::State::Lists=$WORK/lists" -o "Dir::Cache::Archives=$WORK/archives"
          -o "Dir::Cache::pkgcache=$WORK/pkgcache.bin" -o "Dir::Cache::srcpkgcache=$WORK/srcpkgcache.bin")
for arch in "${ARCHES[@]}"; do apt_opts+=(-o "APT::Architectures::=$arch"); done

apt-get "${apt_opts[@]}" -qq update
cd "$WORK"
for arch in "${ARCHES[@]}"; do
  apt-get "${apt_opts[@]}" -qq download "busybox-static:$arch"
done

version=""
for arch in "${ARCHES[@]}"; do
  deb=$(ls "$WORK"/busybox-static_*_"$arch".deb)
  version=$(dpkg-deb -f "$deb" Version)
  dpkg-deb -x "$deb" "$WORK/x-$arch"
  mkdir -p "$DEST/$arch"
  install -m 0755 "$WORK/x-$arch/bin/busybox" "$DEST/$arch/busybox"
  cp "$WORK/x-$arch/usr/share/doc/busybox-static/copyright" "$DEST/COPYING.debian"
  echo "$arch: $(sha256sum "$DEST/$arch/busybox" | cut -d' ' -f1)"
done

cat > "$DEST/SOURCE.md" <<SRC
# Vendored busybox

Static busybox binaries taken unmodified from Debian's \`busybox-static\` package, version
\`$version\` (Debian bookworm), for: ${ARCHES[*]}.

- Licence: GPL-2.0 (see \`COPYING.debian\`, Debian's copyright file for the package).
- Corresponding source: Debian source package \`busybox\` version \`$version\`
  (\`apt-get source busybox=$version\`, or the Debian archive / snapshot service).
- Refresh with \`scripts/refresh-busybox.sh\` (needs apt; writes this file again).

The kit copies the binary matching the engine's architecture into the \`wharf/base\` image, built
FROM scratch, so no image registry is ever needed.
SRC
echo "busybox-static $version vendored into $DEST"
