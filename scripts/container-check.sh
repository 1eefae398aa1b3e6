#!/usr/bin/env bash
# Builds the container image from a clean clone of this repository's HEAD and checks it the way a self-hoster runs
# it: a temporary PHOTOS_DIR (real JPEGs and a clip made by the image's ffmpeg, read-only) and DATA_DIR mounted,
# /healthz ok once the photos are indexed, /v1 refusing a caller without a credential and answering the owner token
# from DATA_DIR/local-secrets.json, the clip's MP4 rendition answering a Range request (ffmpeg in the image), every
# process non-root, the HEALTHCHECK passing, SIGTERM stopping it cleanly. .ci/run runs it.
#
# No image registry is reachable from this project's machines and no Docker engine runs there, so this uses
# Debian's podman, and the Dockerfile's BASE_IMAGE (node:20-bookworm-slim) is replaced by a local one:
# a bookworm minbase rootfs made by mmdebstrap from Debian's archive, plus this machine's Node 20 (binary, npm,
# headers for node-gyp) and its CA certificates (the build reaches the npm registry through this machine's network).
# The rootfs and both images are cached (~/.cache/photo-frame/container, podman's storage): a first run takes
# about 12 minutes, later runs about a minute plus npm ci when package-lock.json changed.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
CACHE="${XDG_CACHE_HOME:-$HOME/.cache}/photo-frame/container"
IMAGE=localhost/photo-frame:check
NAME="photo-frame-check-$$"
started=$(date +%s)
step() { echo "container-check [$(($(date +%s) - started))s] $*"; }
fail() {
  echo "container-check FAILED: $*" >&2
  podman logs "$NAME" 2>&1 | tail -40 >&2 || true
  exit 1
}

missing=()
for tool in podman runc mmdebstrap curl; do command -v "$tool" >/dev/null 2>&1 || missing+=("$tool"); done
if [ ${#missing[@]} -gt 0 ]; then
  step "installing ${missing[*]} from Debian"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq podman runc mmdebstrap curl >/dev/null
fi

# runc, not Debian's default crun: crun refuses the hybrid cgroup v1/v2 layout of these machines. Podman's default
# rlimits (nofile 1048576) exceed this machine's hard limits and root here lacks CAP_SYS_RESOURCE, so set lower ones.
RUNTIME=(--runtime runc --ulimit nofile=4096:4096 --ulimit nproc=4096:4096)

# 1. The base: Debian bookworm minbase with tini and ca-certificates, from Debian's archive (cached).
ROOTFS="$CACHE/bookworm-minbase.tar"
if [ ! -f "$CACHE/.rootfs-complete" ]; then
  step "building a bookworm rootfs with mmdebstrap (once; cached in $CACHE)"
  mkdir -p "$CACHE"
  mmdebstrap --quiet --variant=minbase --include=ca-certificates,tini bookworm "$ROOTFS" \
    "deb http://deb.debian.org/debian bookworm main" \
    "deb http://deb.debian.org/debian-security bookworm-security main"
  touch "$CACHE/.rootfs-complete"
  podman rmi -f localhost/photo-frame-base:rootfs >/dev/null 2>&1 || true
fi
if ! podman image exists localhost/photo-frame-base:rootfs; then
  podman import --quiet "$ROOTFS" localhost/photo-frame-base:rootfs >/dev/null
fi

# 2. Node 20 on it: this machine's own (Debian's bookworm ships Node 18), tagged by its version.
NODE_BIN="$(command -v node)"
NODE_VERSION="$(node -v)"
BASE="localhost/photo-frame-base:bookworm-node-${NODE_VERSION#v}"
if ! podman image exists "$BASE"; then
  step "making $BASE from this machine's Node $NODE_VERSION"
  ctx="$(mktemp -d)"
  mkdir -p "$ctx/node/bin" "$ctx/node/lib/node_modules" "$ctx/node/include" "$ctx/ca"
  cp "$NODE_BIN" "$ctx/node/bin/node"
  cp -a "$(npm root -g)/npm" "$ctx/node/lib/node_modules/"
  cp -a "$(dirname "$NODE_BIN")/../include/node" "$ctx/node/include/"
  cp /usr/local/share/ca-certificates/*.crt "$ctx/ca/" 2>/dev/null || true
  cat >"$ctx/Containerfile" <<'CONTAINERFILE'
FROM localhost/photo-frame-base:rootfs
COPY node/ /usr/
COPY ca/ /usr/local/share/ca-certificates/
RUN ln -sf ../lib/node_modules/npm/bin/npm-cli.js /usr/bin/npm \
    && ln -sf ../lib/node_modules/npm/bin/npx-cli.js /usr/bin/npx \
    && update-ca-certificates >/dev/null \
    && useradd --uid 1000 --user-group --create-home --shell /usr/sbin/nologin node \
    && node -v && npm -v
# node-gyp builds against the headers copied above instead of downloading them.
ENV npm_config_nodedir=/usr NODE_EXTRA_CA_CERTS=/etc/ssl/certs/ca-certificates.crt
CONTAINERFILE
  podman build --quiet --format docker "${RUNTIME[@]}" -t "$BASE" "$ctx" >/dev/null
  rm -rf "$ctx"
fi

WORK="$(mktemp -d)"
cleanup() {
  podman rm -f "$NAME" >/dev/null 2>&1 || true
  rm -rf "$WORK"
}
trap cleanup EXIT

# 3. The image, from a clean clone of HEAD (what CI and a self-hoster build; uncommitted changes are not in it).
step "cloning HEAD"
git clone --quiet --no-hardlinks "$ROOT" "$WORK/src"
step "building $IMAGE (Dockerfile, BASE_IMAGE=$BASE)"
# --format docker keeps the HEALTHCHECK (OCI images have none); --network host lets npm ci reach the registry.
previous="$(podman image inspect --format '{{.Id}}' "$IMAGE" 2>/dev/null || true)"
podman build --format docker --network host "${RUNTIME[@]}" --build-arg "BASE_IMAGE=$BASE" -t "$IMAGE" \
  "$WORK/src" >"$WORK/build.log" 2>&1 || {
  tail -40 "$WORK/build.log" >&2
  fail "podman build"
}
# Only the previous image goes: the build stage's layers stay, as the cache of the next npm ci.
current="$(podman image inspect --format '{{.Id}}' "$IMAGE")"
if [ -n "$previous" ] && [ "$previous" != "$current" ]; then podman rmi "$previous" >/dev/null 2>&1 || true; fi

# 4. Start it as compose.yaml does: photos read-only at /photos, a data folder at /data, the port on loopback.
mkdir -p "$WORK/photos/2024 trip" "$WORK/data"
PHOTOS_SOURCE="$("$ROOT/scripts/fetch-vision-test-photos.sh")/usr/share/darknet/data"
cp "$PHOTOS_SOURCE/dog.jpg" "$PHOTOS_SOURCE/horses.jpg" "$WORK/photos/2024 trip/"
# A real 3 s clip, made by the image's own ffmpeg (Debian's, installed by the Dockerfile's runtime stage).
podman run --rm "${RUNTIME[@]}" --user 0 --entrypoint ffmpeg -v "$WORK/photos/2024 trip:/out" "$IMAGE" \
  -hide_banner -loglevel error -f lavfi -i testsrc2=duration=3:size=640x360:rate=25 \
  -f lavfi -i sine=frequency=440:duration=3 -c:v libx264 -pix_fmt yuv420p -c:a aac -shortest /out/clip.mp4 \
  >"$WORK/ffmpeg.log" 2>&1 || fail "ffmpeg in the image could not make a clip: $(tail -5 "$WORK/ffmpeg.log")"
step "the image's $(podman run --rm "${RUNTIME[@]}" --entrypoint ffmpeg "$IMAGE" -hide_banner -version | head -n 1)"
chmod -R a+rX "$WORK/photos"
chown 1000:1000 "$WORK/data"
PORT="$(node -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')"
step "starting it on 127.0.0.1:$PORT"
podman run -d --name "$NAME" "${RUNTIME[@]}" -p "127.0.0.1:$PORT:8080" \
  -v "$WORK/photos:/photos:ro" -v "$WORK/data:/data" -e PHOTOS_DIR=/photos "$IMAGE" >/dev/null 2>"$WORK/run.err" ||
  fail "podman run: $(cat "$WORK/run.err")"
BASE_URL="http://127.0.0.1:$PORT"

health=''
for _ in $(seq 1 120); do
  health="$(curl -fsS -m 5 "$BASE_URL/healthz" 2>/dev/null || true)"
  if node -e 'const h=JSON.parse(process.argv[1]);process.exit(h.status==="ok"&&h.ingest&&h.ingest.state==="done"?0:1)' \
    "${health:-null}" 2>/dev/null; then break; fi
  [ "$(podman inspect "$NAME" --format '{{.State.Running}}')" = true ] || fail "the container exited"
  sleep 1
done
node -e 'const h=JSON.parse(process.argv[1]);process.exit(h.status==="ok"&&h.ingest.state==="done"?0:1)' \
  "${health:-null}" 2>/dev/null || fail "/healthz never said ok with the ingest done: $health"
step "/healthz: $health"

# 5. /v1: refused without a credential, answered with the owner token the stack wrote into DATA_DIR.
status="$(curl -s -o /dev/null -w '%{http_code}' -m 10 "$BASE_URL/v1/library/people")"
[ "$status" = 401 ] || fail "GET /v1/library/people without a token answered $status, not 401"
TOKEN="$(node -e 'process.stdout.write(require(process.argv[1]).ownerToken)' "$WORK/data/local-secrets.json")"
search="$(curl -fsS -m 30 -X POST -H "Authorization: Bearer $TOKEN" -H 'content-type: application/json' -d '{}' \
  "$BASE_URL/v1/library/search")" || fail "POST /v1/library/search with the owner token failed"
node -e 'const r=JSON.parse(process.argv[1]);process.exit(r.total===3?0:1)' "$search" ||
  fail "the library should hold the 2 photos and the clip: $search"
step "/v1: 401 without a token; with the owner token the search finds both photos and the clip"

# 5b. The clip plays: a slideshow of videos for an Echo Show 8 carries a signed MP4 URL that ffmpeg in the
# container renders, answered 206 video/mp4 to a Range request (the URL names PUBLIC_BASE_URL; ask the mapped port).
slideshow="$(curl -fsS -m 60 -X POST -H "Authorization: Bearer $TOKEN" -H 'content-type: application/json' \
  -d '{"ownerId":"local","query":{"mediaKinds":["video"]},"viewport":{"width":1280,"height":800,"shape":"RECTANGLE"}}' \
  "$BASE_URL/v1/display/slideshows")" || fail "POST /v1/display/slideshows for the videos failed"
CLIP_PATH="$(node -e 'const s=JSON.parse(process.argv[1]);const c=s.items[0]&&s.items[0].clip;
  if(!c)process.exit(1);const u=new URL(c.url);process.stdout.write(u.pathname+u.search)' "$slideshow")" ||
  fail "the videos' slideshow has no clip item: $slideshow"
clip="$(curl -sS -m 180 -o "$WORK/clip-part.mp4" -H 'Range: bytes=0-1023' -w '%{http_code} %{content_type}' \
  "$BASE_URL$CLIP_PATH")"
[ "$clip" = "206 video/mp4" ] || fail "the clip rendition answered '$clip', not '206 video/mp4'"
step "clip rendition: $clip, $(wc -c <"$WORK/clip-part.mp4") bytes of the range"

# 6. Nobody is root: the image's user, every process in the container, the files written into DATA_DIR.
[ "$(podman exec "$NAME" id -u)" = 1000 ] || fail "podman exec runs as $(podman exec "$NAME" id -un), not node"
users="$(podman top "$NAME" user comm | tail -n +2)"
if echo "$users" | awk '{print $1}' | grep -qvx node; then fail "a process is not user node: $users"; fi
if find "$WORK/data" ! -uid 1000 | grep -q .; then fail "files in DATA_DIR not owned by uid 1000"; fi
step "processes: $(echo "$users" | tr -s ' \n' ' ')(all user node, uid 1000)"

# 7. The image's HEALTHCHECK passes (run by hand: podman schedules it with systemd, which these machines lack).
# Up to its retries (3), as Docker counts them: a probe can time out while vision workers hold both cores.
healthy=''
for _ in 1 2 3; do
  if podman healthcheck run "$NAME" >/dev/null 2>&1; then healthy=yes && break; fi
  sleep 3
done
[ -n "$healthy" ] || fail "the HEALTHCHECK failed 3 times: $(podman inspect "$NAME" --format '{{json .State.Health}}')"
step "HEALTHCHECK healthy"

# 8. SIGTERM (tini forwards it to Node) ends it cleanly within the timeout.
podman stop -t 20 "$NAME" >/dev/null 2>&1
code="$(podman inspect "$NAME" --format '{{.State.ExitCode}}')"
[ "$code" = 0 ] || fail "exit code $code after SIGTERM"
podman logs "$NAME" 2>&1 | grep -q '"signal":"SIGTERM"' || fail "the stack never logged the SIGTERM"
step "stopped by SIGTERM, exit code 0"
echo "container-check: 9 of 9 checks passed, 0 failed ($(($(date +%s) - started))s)"
