#!/usr/bin/env bash
# Real photographs for the sun-label measurement (test/metadata-service/labels/sun/, bench/sun-labels.ts), from
# Debian's wallpaper packages: Lomiri's (a sunset, a backlit golden-hour meadow, daylight mountains, a warm room)
# and Plasma's (an evening glow over a lake, Finnish midsummer blue-hour photos with their EXIF times). Downloaded
# with apt (the archive is reachable from CI), unpacked without installing, cached between runs. Prints the folder.
set -euo pipefail
CACHE="${SUN_TEST_PHOTOS_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/photo-frame/sun-test-photos}"
PACKAGES=(lomiri-wallpapers-16.04 plasma-workspace-wallpapers)
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
  test -f "$CACHE/root/usr/share/backgrounds/sunset_by_Aitzol_Berasategi.jpg"
  test -f "$CACHE/root/usr/share/wallpapers/EveningGlow/contents/images/800x600.jpg"
  rm -rf "$CACHE/debs"
  touch "$CACHE/.complete"
fi
echo "$CACHE/root"
