#!/usr/bin/env bash
# Real test photos for the vision tests, from Debian packages (see ../shared/reference/computer-vision.md):
# darknet's dog/person/horses images and dlib's five-identity face set. Downloaded with apt (the package archive is
# reachable from CI), unpacked without installing, and cached between runs. Prints the folder it filled.
set -euo pipefail
CACHE="${VISION_TEST_PHOTOS_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/photo-frame/vision-test-photos}"
if [ ! -f "$CACHE/.complete" ]; then
  mkdir -p "$CACHE/debs" "$CACHE/root"
  (
    cd "$CACHE/debs"
    # apt refuses to download into a folder its sandbox user cannot write; these are throwaway files.
    chmod 777 .
    apt-get download darknet libdlib19.1 >/dev/null 2>&1 || {
      apt-get update -qq && apt-get download darknet libdlib19.1 >/dev/null
    }
  )
  for deb in "$CACHE"/debs/*.deb; do dpkg-deb -x "$deb" "$CACHE/root"; done
  test -f "$CACHE/root/usr/share/darknet/data/dog.jpg"
  test -d "$CACHE/root/usr/share/doc/libdlib19.1/examples/johns"
  touch "$CACHE/.complete"
fi
echo "$CACHE/root"
