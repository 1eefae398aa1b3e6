#!/usr/bin/env bash
# The labelled vision evaluation set (eval/vision/ground-truth.ts, npm run bench:vision): real photographs from
# Debian packages (darknet, dlib, scikit-image, OpenCV's samples, MATE/Lomiri/UKUI/Plasma wallpapers) and the demo
# photos of the npm package @vladmandic/face-api. Downloaded with apt and npm (both reachable from CI), unpacked
# without installing, cached between runs; then the set is cut and composed from them (needs node_modules).
# Prints the set's folder.
set -euo pipefail
cd "$(dirname "$0")/.."
CACHE="${VISION_EVAL_PHOTOS_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/photo-frame/vision-eval-photos}"
PACKAGES=(darknet libdlib19.1 python3-skimage opencv-doc mate-backgrounds lomiri-wallpapers lomiri-wallpapers-16.04
  lomiri-wallpapers-20.04 ukui-wallpapers plasma-workspace-wallpapers)
FACE_API=@vladmandic/face-api@1.7.15
if [ ! -f "$CACHE/.complete" ]; then
  rm -rf "$CACHE"
  mkdir -p "$CACHE/debs" "$CACHE/root"
  (
    cd "$CACHE/debs"
    # apt refuses to download into a folder its sandbox user cannot write; these are throwaway files.
    chmod 777 .
    apt-get download "${PACKAGES[@]}" >/dev/null 2>&1 || {
      apt-get update -qq && apt-get download "${PACKAGES[@]}" >/dev/null
    }
    npm pack "$FACE_API" --silent >/dev/null
  )
  # Only the pictures are kept: opencv-doc alone unpacks to 300 MB of HTML.
  for deb in "$CACHE"/debs/*.deb; do
    dpkg-deb --fsys-tarfile "$deb" | tar -x -C "$CACHE/root" --wildcards \
      '*.jpg' '*.png' '*.xml' 2>/dev/null || true
  done
  mkdir -p "$CACHE/root/npm/@vladmandic/face-api"
  tar -xzf "$CACHE"/debs/vladmandic-face-api-*.tgz -C "$CACHE/root/npm/@vladmandic/face-api" --strip-components=1 \
    package/demo
  test -f "$CACHE/root/usr/share/darknet/data/dog.jpg"
  test -d "$CACHE/root/usr/share/doc/libdlib19.1/examples/johns"
  test -f "$CACHE/root/usr/share/doc/opencv-doc/examples/data/messi5.jpg"
  test -f "$CACHE/root/npm/@vladmandic/face-api/demo/sample1.jpg"
  rm -rf "$CACHE/debs"
  touch "$CACHE/.complete"
fi
npx tsx eval/vision/assemble-eval-set.ts "$CACHE/root"
