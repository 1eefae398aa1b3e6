# Photo Frame: the embedded stack (`npm start`) as a container image.
#
#   docker build -t photo-frame .            # or: docker compose build
#   docker compose up -d                     # see compose.yaml and .env.example
#
# BASE_IMAGE is any Debian bookworm image with Node.js 20 (≥ 20.19) and npm. The default is the official one;
# scripts/container-check.sh builds a local one from Debian's archive instead, because no image registry is reachable
# from this project's machines.
ARG BASE_IMAGE=node:20-bookworm-slim

# ---- build: production dependencies only (better-sqlite3 compiles here, so the toolchain never reaches runtime) ----
FROM ${BASE_IMAGE} AS build
RUN if ! command -v g++ >/dev/null || ! command -v make >/dev/null || ! command -v python3 >/dev/null; then \
      apt-get update \
      && apt-get install -y --no-install-recommends g++ make python3 \
      && rm -rf /var/lib/apt/lists/*; \
    fi
WORKDIR /app
COPY package.json package-lock.json ./
# The Lambda bundle (npm run build) is not part of this image, so dev dependencies are never installed.
RUN --mount=type=cache,target=/root/.npm \
    npm ci --omit=dev --no-audit --no-fund \
    && npm cache verify >/dev/null

# ---- runtime: Node, the production node_modules and the TypeScript sources tsx runs ----
FROM ${BASE_IMAGE} AS runtime
# tini is PID 1: it forwards SIGTERM/SIGINT to Node and reaps zombies (`docker run --init` semantics, built in).
# ffmpeg/ffprobe (Debian's) make the clips' MP4 renditions and posters; without them a clip answers 503
# VIDEO_TOOLS_MISSING. Installed without recommends, and the apt lists go in the same layer.
RUN apt-get update \
    && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends tini ca-certificates ffmpeg \
    && rm -rf /var/lib/apt/lists/* \
    && ffmpeg -hide_banner -version | head -n 1 \
    && (id -u node >/dev/null 2>&1 || useradd --uid 1000 --user-group --create-home --shell /usr/sbin/nologin node) \
    && mkdir -p /data /photos \
    && chown node:node /data
WORKDIR /app
COPY --from=build /app/node_modules ./node_modules
COPY . .

# In a container the stack listens on every interface of the container: the port mapping (`ports:` in
# compose.yaml) is the boundary, and every /v1 route still needs a credential (README, Trust). PUBLIC_BASE_URL
# must name the address devices use, else their requests are refused with 421 HOST_NOT_ALLOWED.
ENV NODE_ENV=production \
    MALLOC_ARENA_MAX=1 \
    HOST=0.0.0.0 \
    PORT=8080 \
    DATA_DIR=/data
# Photos are mounted read-only at /photos with PHOTOS_DIR=/photos (compose.yaml does both); without PHOTOS_DIR the
# stack generates its demo library into /data.
VOLUME ["/data"]
EXPOSE 8080
USER node

HEALTHCHECK --interval=30s --timeout=10s --start-period=120s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 8080) + '/healthz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]

ENTRYPOINT ["tini", "--"]
# `npm start` without npm in between, so the signal from tini reaches Node itself.
CMD ["node", "node_modules/tsx/dist/cli.mjs", "server/main.ts"]
