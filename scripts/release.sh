#!/usr/bin/env bash
# Builds a Linux release of lede: one tarball that runs on a machine with no Swift toolchain.
#
#   bash scripts/release.sh [OUTDIR]          # default OUTDIR: dist/
#
# It writes OUTDIR/lede-VERSION-linux-ARCH.tar.gz and its SHA-256 beside it (.sha256, in sha256sum's format).
# The tarball holds one folder:
#   bin/lede                  the runner, with the Swift runtime and Foundation linked in (--static-swift-stdlib)
#   bin/*.resources           its data (the entity model, gazetteers, word lists), found beside the binary
#   Pipelines/ Samples/       the ready-made pipelines and the sample articles they read
#   README.md docs/
# It still loads the system's C libraries: glibc, libxml2, zlib, libsqlite3 and libcrypto (OpenSSL 3), which
# Debian 12 and Ubuntu 22.04 or later have (apt-get install libxml2 zlib1g libsqlite3-0 libssl3); it needs glibc 2.35 or later.
# The same sources give the same tarball bytes (files sorted, times and owners fixed).
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-dist}
mkdir -p "$out"
out=$(cd "$out" && pwd)
version=$(sed -n 's/.*public static let version = "\(.*\)".*/\1/p' Sources/LedeCLI/Lede.swift)
arch=$(uname -m)
name="lede-$version-linux-$arch"
scratch=.build-release
swift build -c release --product lede --static-swift-stdlib --scratch-path "$scratch" >&2
bin=$(swift build -c release --product lede --static-swift-stdlib --scratch-path "$scratch" --show-bin-path)

stage=$(mktemp -d)
trap 'rm -rf "$stage"' EXIT
root="$stage/$name"
mkdir -p "$root/bin"
cp "$bin/lede" "$root/bin/lede"
strip "$root/bin/lede" 2>/dev/null || true
for bundle in "$bin"/*.resources; do
  [ -e "$bundle" ] && cp -R "$bundle" "$root/bin/"
done
git ls-files -z Pipelines Samples docs README.md | xargs -0 -I{} cp --parents {} "$root/"

tarball="$out/$name.tar.gz"
tar --sort=name --mtime=@0 --owner=0 --group=0 --numeric-owner -C "$stage" -cf - "$name" | gzip -n -9 > "$tarball"
(cd "$out" && sha256sum "$name.tar.gz" > "$name.tar.gz.sha256")
echo "$tarball"
