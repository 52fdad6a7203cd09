#!/usr/bin/env bash
# Renders icon.svg into every icon file that the window and the installers use:
#   icon-SIZE.png for 16 to 512 px (Linux desktop entry, window icons),
#   icon.ico with 16 to 256 px (Windows installer and launcher),
#   icon.icns with 16 to 1024 px (macOS app bundle and .dmg).
# Needs rsvg-convert (Debian: librsvg2-bin), ImageMagick's convert and png2icns (icnsutils).
# On macOS without icnsutils, make the .icns with iconutil instead; see jpackage/README.md.
set -euo pipefail
cd "$(dirname "$0")"

for tool in rsvg-convert convert png2icns; do
  command -v "$tool" >/dev/null || { echo "missing tool: $tool" >&2; exit 1; }
done

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

for size in 16 24 32 48 64 128 256 512 1024; do
  rsvg-convert -w "$size" -h "$size" icon.svg -o "$work/icon-$size.png"
done
for size in 16 32 48 64 128 256 512; do
  cp "$work/icon-$size.png" "icon-$size.png"
done

convert "$work"/icon-{16,24,32,48,64,128,256}.png icon.ico
png2icns icon.icns "$work"/icon-{16,32,48,128,256,512,1024}.png >/dev/null

# The window's icons: the window manager picks the size that fits the title bar or switcher.
ui=../src/main/resources/dev/jobmonitor/ui
for size in 16 32 64 128 256; do
  cp "icon-$size.png" "$ui/icon-$size.png"
done
