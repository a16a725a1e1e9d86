#!/usr/bin/env bash
# tests: `cmake -DLANTAI_BUILD_TOOLS=OFF` configures the kiosk on a machine without libvips and
# without node/npm — simulated by hiding vips*.pc from pkg-config and node/npm/npx/vips from PATH
# — and the kiosk's build graph and binary use neither.
#
# usage: check_kiosk_only_build.sh SOURCE_DIR LANTAI_KIOSK_BINARY
set -uo pipefail
src=${1:?usage: check_kiosk_only_build.sh SOURCE_DIR LANTAI_KIOSK_BINARY}
kiosk=${2:?kiosk binary}
work=$(mktemp -d /tmp/lantai-kiosk-only.XXXXXX)
trap 'rm -rf "$work"' EXIT
failed=0

# pkg-config without vips
mkdir -p "$work/pc" "$work/bin"
IFS=: read -ra pcdirs <<<"$(pkg-config --variable pc_path pkg-config)"
for d in "${pcdirs[@]}"; do
  [ -d "$d" ] || continue
  for pc in "$d"/*.pc; do
    [ -e "$pc" ] || continue
    case $(basename "$pc") in vips*.pc) continue ;; esac
    [ -e "$work/pc/$(basename "$pc")" ] || ln -s "$pc" "$work/pc/"
  done
done
# PATH without node, npm, npx or the vips tools
IFS=: read -ra pathdirs <<<"$PATH"
for d in "${pathdirs[@]}"; do
  [ -d "$d" ] || continue
  for exe in "$d"/*; do
    name=$(basename "$exe")
    case $name in node | nodejs | npm | npx | vips | vipsthumbnail | vipsheader) continue ;; esac
    [ -e "$work/bin/$name" ] || ln -s "$exe" "$work/bin/$name" 2>/dev/null
  done
done
if PKG_CONFIG_LIBDIR="$work/pc" PATH="$work/bin" pkg-config --exists vips; then
  echo "FAIL: could not hide vips from pkg-config"; exit 1
fi
if PATH="$work/bin" command -v node >/dev/null; then echo "FAIL: could not hide node"; exit 1; fi

if out=$(PKG_CONFIG_LIBDIR="$work/pc" PATH="$work/bin" cmake -S "$src" -B "$work/build" -G Ninja \
  -DLANTAI_BUILD_TOOLS=OFF -DCMAKE_BUILD_TYPE=RelWithDebInfo 2>&1); then
  echo "ok: configures with LANTAI_BUILD_TOOLS=OFF, without libvips and node"
else
  echo "FAIL: the kiosk-only configure failed:"; echo "$out"; failed=1
fi
if [ $failed -eq 0 ]; then
  if ! graph=$(PATH="$work/bin" ninja -C "$work/build" -t commands lantai-kiosk 2>&1); then
    echo "FAIL: no lantai-kiosk target: $graph"; failed=1
  elif grep -qiE 'vips|node' <<<"$graph"; then
    echo "FAIL: the kiosk's build commands mention vips or node:"; grep -iE 'vips|node' <<<"$graph" | head; failed=1
  else
    echo "ok: $(grep -c . <<<"$graph") build commands for lantai-kiosk, none uses vips or node"
  fi
  for t in lantai lantai_pack_builder lantai_web_export lantai_web; do
    if PATH="$work/bin" ninja -C "$work/build" -t query "$t" >/dev/null 2>&1; then
      echo "FAIL: target $t exists in a LANTAI_BUILD_TOOLS=OFF build"; failed=1
    fi
  done
fi
if ldd "$kiosk" | grep -qi vips; then echo "FAIL: $kiosk links libvips"; failed=1
else echo "ok: $(basename "$kiosk") does not link libvips"; fi
exit $failed
