#!/usr/bin/env bash
# tests: the include rules of ARCHITECTURE.md's layering table hold for the tree (cmake/layering.cmake),
# and the check really fails on a violation (a scratch tree with one bad include of each kind).
#
# usage: check_layering.sh SOURCE_DIR
set -uo pipefail
src=${1:?usage: check_layering.sh SOURCE_DIR}
failed=0
if out=$(cmake -DLANTAI_SOURCE_DIR="$src" -P "$src/cmake/layering.cmake" 2>&1); then
  echo "ok: the tree follows the table"
else
  echo "FAIL: the tree breaks the table:"; echo "$out"; failed=1
fi

scratch=$(mktemp -d); trap 'rm -rf "$scratch"' EXIT
expect_violation() { # NAME FILE CONTENT
  rm -rf "$scratch/t" && mkdir -p "$scratch/t/$(dirname "$2")"
  cp "$src/ARCHITECTURE.md" "$scratch/t/"
  printf '%s\n' "$3" >"$scratch/t/$2"
  if out=$(cmake -DLANTAI_SOURCE_DIR="$scratch/t" -P "$src/cmake/layering.cmake" 2>&1); then
    echo "FAIL: $1 was not reported"; failed=1
  elif grep -q "$2" <<<"$out"; then
    echo "ok: $1 is reported"
  else
    echo "FAIL: $1 reported without naming $2:"; echo "$out"; failed=1
  fi
}
expect_violation "core including the kiosk" core/base/bad.cpp '#include "kiosk/ui/widgets.h"'
expect_violation "core including SDL" core/pack/bad.cpp '#include <SDL.h>'
expect_violation "a lower core domain including a higher one" core/base/bad2.h '#include "core/quiz/engine.h"'
expect_violation "a folder missing from the table" core/nowhere/bad.cpp '#include <vector>'
exit $failed
