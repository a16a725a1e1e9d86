#!/usr/bin/env bash
# tests: fails when a ctest run skipped a test that tests/allowed_skips.txt does not list with a
# reason — a skip in the full run is a test that did not run, so it must be a known one.
#
# usage: check_skips.sh CTEST_OUTPUT_LOG ALLOWED_SKIPS_FILE
set -uo pipefail
log=${1:?usage: check_skips.sh CTEST_LOG ALLOWED_SKIPS}
allowed=${2:?allowed skips file}
mapfile -t patterns < <(grep -vE '^\s*(#|$)' "$allowed" | sed -E 's/ # .*$//')
mapfile -t skipped < <(sed -nE 's/^\s*[0-9]+ - (.*) \((Skipped|Not Run|Disabled)\)$/\1/p' "$log")
bad=0
for name in "${skipped[@]}"; do
  ok=0
  for p in "${patterns[@]}"; do
    if grep -qE -- "$p" <<<"$name"; then ok=1; reason=$(grep -F -- "$p #" "$allowed" | sed 's/^[^#]*# //'); break; fi
  done
  if ((ok)); then echo "skipped (allowed: $reason): $name"
  else echo "FAIL: skipped and not listed in $(basename "$allowed"): $name"; bad=1; fi
done
echo "${#skipped[@]} skipped test(s), $( ((bad)) && echo "some not allowed" || echo "all allowed")"
exit $bad
