#!/usr/bin/env bash
# Real photographs and the writers for the acceptance library (npm run eval), from Debian packages: darknet's data,
# dlib's example faces and cars, scikit-image's data photos, MATE's nature wallpapers (photographs), UKUI's artwork (the phone's screenshots), plus exiftool
# (the most faithful EXIF/XMP/IPTC writer) and heif-enc. Downloaded with apt (the archive is reachable from CI),
# unpacked without installing, cached between runs. Prints the folder it filled (a root with usr/...).
set -euo pipefail
CACHE="${ACCEPTANCE_PHOTOS_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/photo-frame/acceptance-photos}"
PACKAGES=(darknet libdlib19.1 python3-skimage mate-backgrounds ukui-wallpapers libimage-exiftool-perl libheif-examples)
if [ ! -f "$CACHE/.complete" ]; then
  mkdir -p "$CACHE/debs" "$CACHE/root"
  (
    cd "$CACHE/debs"
    # apt refuses to download into a folder its sandbox user cannot write; these are throwaway files.
    chmod 777 .
    apt-get download "${PACKAGES[@]}" >/dev/null 2>&1 || {
      apt-get update -qq && apt-get download "${PACKAGES[@]}" >/dev/null
    }
  )
  for deb in "$CACHE"/debs/*.deb; do dpkg-deb -x "$deb" "$CACHE/root"; done
  test -f "$CACHE/root/usr/share/darknet/data/dog.jpg"
  test -f "$CACHE/root/usr/share/doc/libdlib19.1/examples/faces/dogs.jpg"
  test -f "$CACHE/root/usr/lib/python3/dist-packages/skimage/data/chelsea.png"
  test -f "$CACHE/root/usr/share/backgrounds/mate/nature/Dune.jpg"
  test -f "$CACHE/root/usr/share/backgrounds/string.jpg"
  test -x "$CACHE/root/usr/bin/exiftool"
  test -x "$CACHE/root/usr/bin/heif-enc"
  rm -rf "$CACHE/debs"
  touch "$CACHE/.complete"
fi
echo "$CACHE/root"
