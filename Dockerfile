# The image that the Kubernetes manifests (scripts/k8s/) run. It starts from scratch: its root file system
# is the release tarball under /opt/lede and the shared libraries its binary loads (scripts/image-rootfs.sh),
# so it needs no base image and no network to build, and holds nothing else (no shell).
#
#   bash scripts/release.sh dist
#   bash scripts/image-rootfs.sh dist/lede-0.1.0-linux-x86_64.tar.gz dist/rootfs.tar.gz
#   podman build -t lede:0.1.0 .      # or: docker build, or buildah bud
#   podman run --rm -v "$PWD:/data" lede:0.1.0 run Pipelines/news.yaml
FROM scratch
ADD dist/rootfs.tar.gz /
ENV PATH=/opt/lede/bin
WORKDIR /data
ENTRYPOINT ["/opt/lede/bin/lede"]
