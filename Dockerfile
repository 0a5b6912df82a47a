# syntax=docker/dockerfile:1
# talksbot: a static binary on a distroless base, running as a non-root user.
#
#   docker build --build-arg VERSION=v1.2.3 -t talksbot .
#   docker run --rm -p 8080:8080 -v talksbot-data:/data -v "$PWD/docs:/docs:ro" \
#     --env-file talksbot.env talksbot
#
# There is no HEALTHCHECK: the distroless image has no shell and no curl to
# run one with. Point the orchestrator's probes at GET /healthz (liveness)
# and GET /readyz (readiness) on port 8080 instead.

FROM golang:1.26 AS build
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
ARG VERSION=""
# The same static build .ci/run checks: no cgo (the SQLite driver is pure
# Go), no local paths in the binary, the version stamped in.
RUN CGO_ENABLED=0 go build -trimpath -ldflags "-s -w -X main.version=${VERSION}" \
      -o /out/talksbot ./cmd/talksbot \
 && mkdir -p /out/data /out/docs

FROM gcr.io/distroless/static-debian12:nonroot
COPY --from=build /out/talksbot /usr/local/bin/talksbot
# The nonroot user (65532) owns /data so the state database can be created
# in a fresh volume; /docs is only read.
COPY --from=build --chown=65532:65532 /out/data /data
COPY --from=build --chown=65532:65532 /out/docs /docs
USER nonroot:nonroot
ENV TALKSBOT_DATA=/data \
    TALKSBOT_DOCS=/docs \
    TALKSBOT_HTTP_ADDR=0.0.0.0:8080 \
    TALKSBOT_LOG_FORMAT=json
VOLUME ["/data", "/docs"]
EXPOSE 8080
ENTRYPOINT ["/usr/local/bin/talksbot"]
CMD ["serve"]
