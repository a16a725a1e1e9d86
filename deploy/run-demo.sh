#!/usr/bin/env bash
# deploy: one command for a fresh Debian 12 machine — install packages, build Lantai and the demo
# pack, validate it and print its summary. (The kiosk issue turns this into launching the kiosk.)
set -euo pipefail
cd "$(dirname "$0")/.."
build=${LANTAI_BUILD_DIR:-build}

deploy/install-deps.sh
cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build "$build" --parallel
"$build/tools/cli/lantai" validate "$build/packs/demo"
"$build/tools/cli/lantai" info "$build/packs/demo"
echo
echo "Demo pack built at $build/packs/demo (derived files in $build/packs/demo/derived)."
