#!/usr/bin/env bash
# The root file system of Lede's container image, made from the release tarball: /opt/lede (the tarball's
# folder) and exactly the shared libraries its binary loads, copied from this machine (Debian 12). The
# Dockerfile starts from scratch and adds it, so the image needs no base image and no network to build.
#
#   bash scripts/image-rootfs.sh dist/lede-VERSION-linux-ARCH.tar.gz dist/rootfs.tar.gz
set -euo pipefail
tarball=${1:?usage: image-rootfs.sh TARBALL OUT}
out=${2:?usage: image-rootfs.sh TARBALL OUT}
root=$(mktemp -d)
trap 'rm -rf "$root"' EXIT
mkdir -p "$root/opt" "$root/tmp" "$root/data" "$root/etc"
chmod 1777 "$root/tmp"
tar -xzf "$tarball" -C "$root/opt"
mv "$root"/opt/lede-* "$root/opt/lede"
# The loader and every library ldd resolves, at the same paths.
for lib in $(ldd "$root/opt/lede/bin/lede" | awk '$2 == "=>" && $3 ~ /^\// {print $3} $1 ~ /^\// {print $1}'); do
  mkdir -p "$root$(dirname "$lib")"
  cp -L "$lib" "$root$lib"
done
echo "root:x:0:0:root:/data:/opt/lede/bin/lede" > "$root/etc/passwd"
tar --sort=name --mtime=@0 --owner=0 --group=0 --numeric-owner -C "$root" -cf - . | gzip -n -9 > "$out"
echo "$out"
