#!/usr/bin/env bash
# deploy: one command for a fresh Debian 12 machine — install packages, build Lantai and the demo
# pack, then launch the kiosk on it: in a window when a display exists, else under Xvfb,
# walking through the screens and printing where the screenshots are.
set -euo pipefail
cd "$(dirname "$0")/.."
build=${LANTAI_BUILD_DIR:-build}

deploy/install-deps.sh
cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
# Only what the demo needs: the kiosk, the CLI that builds the pack, and the demo pack itself
# (the test binaries and the web viewer are built by deploy/run-tests.sh).
cmake --build "$build" --parallel --target lantai-kiosk lantai demo_pack
"$build/tools/cli/lantai" validate "$build/packs/demo"
"$build/tools/cli/lantai" info "$build/packs/demo"
echo

kiosk=("$build/kiosk/lantai-kiosk" --pack "$build/packs/demo" --dev --state-dir "$build/kiosk-state")
if [[ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]]; then
  echo "Starting the kiosk in a window (Esc quits; --dev mode)."
  exec "${kiosk[@]}" --windowed "${LANTAI_WINDOW:-1920x1080}"
fi
shots="$build/demo-screenshots"
rm -rf "$shots" && mkdir -p "$shots"
echo "No display: running the kiosk under Xvfb (1920x1080) through deploy/demo-screens.script ..."
LIBGL_ALWAYS_SOFTWARE=1 xvfb-run -a -s "-screen 0 1920x1080x24" "${kiosk[@]}" --windowed 1920x1080 \
  --script deploy/demo-screens.script --exit-after-script --screenshot-dir "$shots" --state-out "$shots/state.json"
echo
echo "Screenshots of the kiosk: $(cd "$shots" && pwd)/"
ls "$shots"/*.png
