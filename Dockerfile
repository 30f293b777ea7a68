# syntax=docker/dockerfile:1
# newsgraph server: a static Go binary on a distroless runtime.
#   docker build -t newsgraph .
#   docker run -p 8080:8080 newsgraph                     # embedded store in /data
#   docker compose up                                     # with Neo4j, see docker-compose.yml

FROM golang:1.26-bookworm AS build
WORKDIR /src
# Modules first, so that source edits reuse the download layer.
COPY go.mod go.sum ./
RUN --mount=type=cache,target=/go/pkg/mod go mod download
COPY . .
RUN --mount=type=cache,target=/go/pkg/mod --mount=type=cache,target=/root/.cache/go-build \
    CGO_ENABLED=0 go build -trimpath -ldflags="-s -w" -o /out/newsgraph . \
    && mkdir -p /out/data

FROM gcr.io/distroless/static-debian12:nonroot
COPY --from=build /out/newsgraph /usr/local/bin/newsgraph
# The embedded store writes here when --store neo4j is not used.
COPY --from=build --chown=65532:65532 /out/data /data
ENV NEWSGRAPH_DATA=/data \
    NEWSGRAPH_ADDR=:8080
VOLUME ["/data"]
EXPOSE 8080
USER nonroot:nonroot
ENTRYPOINT ["/usr/local/bin/newsgraph"]
CMD ["serve"]
