#!/usr/bin/env bash
# deploy: installs every Debian package Lantai needs to build, run the demo and run the tests.
# Idempotent: installs only what is missing (one `apt-get update` when something is).
# Works as root; uses sudo otherwise. Usage: deploy/install-deps.sh [--print]
set -euo pipefail

packages=(
  # build
  build-essential cmake ninja-build pkg-config
  nlohmann-json3-dev libcli11-dev libsodium-dev libssl-dev libvips-dev libgtest-dev
  # catalogue spreadsheets (lantai catalogue): XLSX/ODS read with liborcus, XLSX written with libxlsxwriter
  liborcus-dev libxlsxwriter-dev
  # kiosk runtime: SDL2, Dear ImGui 1.86, libmpv, stb, libjpeg-turbo, TOML config
  libsdl2-dev libimgui-dev libmpv-dev libstb-dev libturbojpeg0-dev libtomlplusplus-dev
  libsqlite3-dev libqrencode-dev
  # the editor's file dialogs: the xdg-desktop-portal FileChooser over D-Bus (GIO's GDBus)
  libglib2.0-dev
  # staff mode's power off through logind (sd-bus) and the systemd service's sd_notify
  libsystemd-dev
  # the kiosk's fonts, in fallback order (core/i18n/kiosk_fonts.cpp; `lantai validate` checks
  # glyphs against them): Noto Sans CJK, Symbola (emoji, symbols), HanaMin (CJK Ext. B–F),
  # BabelStone Han (CJK Ext. G–H)
  fonts-noto-cjk fonts-symbola fonts-hanazono fonts-babelstone-han
  # demo pack media generation
  libvips-tools ffmpeg
  # tests: Xvfb + Mesa software GL for end-to-end runs, clang/libFuzzer, schema checks, timing
  xvfb xauth libgl1-mesa-dri mesa-utils clang clang-format libclang-rt-14-dev python3 python3-jsonschema python3-openpyxl time zbar-tools mpv
  imagemagick
  # web viewer tests: headless Chromium driven by playwright-core (fonts-noto-cjk above serves it too)
  chromium
  # packaging (ctest deploy/package, deploy/units): the .deb's checks, systemd-analyze verify; cage
  # runs the booth's locked-down session
  lintian cage systemd
  # signed packs and fleet sync (lantai pack, lantai publish, lantai-sync): libcurl, zlib (gzip copies of manifests); the real peers in
  # tests: minisign (signature interop) and nginx (the deploy example serving a channel, WebDAV heartbeats)
  libcurl4-openssl-dev zlib1g-dev minisign nginx-light
  # class quiz on phones: the kiosk's embedded HTTP + WebSocket server
  libcivetweb-dev
  # narration: `lantai build --narrate` synthesises missing narration offline (Mandarin voice cmn)
  espeak-ng
)

# node + npm build the web viewer (tools/gallery/viewer) and run its tests. Debian's packages on a clean
# machine; a node that is already there is kept (NodeSource's nodejs bundles npm and conflicts
# with Debian's npm package).
node_packages=()
command -v node >/dev/null || node_packages+=(nodejs)
command -v npm >/dev/null || node_packages+=(npm)

if [[ "${1:-}" == "--print" ]]; then
  printf '%s\n' "${packages[@]}" "${node_packages[@]}"
  exit 0
fi

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done
missing+=("${node_packages[@]}")

if ((${#missing[@]} == 0)); then
  echo "install-deps: all ${#packages[@]} packages are installed"
  exit 0
fi

sudo_cmd=()
if [[ $(id -u) -ne 0 ]]; then
  if command -v sudo >/dev/null; then sudo_cmd=(sudo); else
    echo "install-deps: run as root or install sudo; missing: ${missing[*]}" >&2
    exit 1
  fi
fi

echo "install-deps: installing ${#missing[@]} packages: ${missing[*]}"
"${sudo_cmd[@]}" apt-get update -qq
DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
echo "install-deps: done"
