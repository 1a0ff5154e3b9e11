# The image that the Kubernetes manifests (scripts/k8s/) run: Debian 12 and the release tarball of
# scripts/release.sh, with `lede` on the PATH.
#
#   bash scripts/release.sh dist
#   docker build -t lede:0.1.0 .          # or: podman build -t lede:0.1.0 .
#   docker tag lede:0.1.0 REGISTRY/lede:0.1.0 && docker push REGISTRY/lede:0.1.0
FROM debian:12-slim
ARG VERSION=0.1.0
ARG ARCH=x86_64
# The C libraries the binary loads; the Swift runtime and Foundation are linked into it.
RUN apt-get update \
    && apt-get install -y --no-install-recommends libxml2 libsqlite3-0 libssl3 \
    && rm -rf /var/lib/apt/lists/*
# ADD unpacks a local tarball.
ADD dist/lede-${VERSION}-linux-${ARCH}.tar.gz /opt/
RUN ln -s /opt/lede-${VERSION}-linux-${ARCH}/bin/lede /usr/local/bin/lede && lede --version
WORKDIR /data
ENTRYPOINT ["lede"]
