#!/usr/bin/env bash
# tests: every C++ source git tracks is formatted by the repository's .clang-format (clang-format 14,
# Debian's). Prints the files that are not and the command that fixes them.
#
# usage: check_format.sh SOURCE_DIR
set -euo pipefail
cd "${1:?usage: check_format.sh SOURCE_DIR}"
command -v clang-format >/dev/null || { echo "FAIL: clang-format not found (Debian package clang-format)"; exit 1; }
mapfile -t files < <(git ls-files '*.cpp' '*.h' 2>/dev/null || find core kiosk tools tests -name '*.cpp' -o -name '*.h')
bad=()
for f in "${files[@]}"; do
  clang-format --dry-run -Werror "$f" >/dev/null 2>&1 || bad+=("$f")
done
if ((${#bad[@]})); then
  echo "FAIL: ${#bad[@]} of ${#files[@]} C++ files are not clang-formatted:"
  printf '  %s\n' "${bad[@]}"
  echo "fix: clang-format -i ${bad[*]}"
  exit 1
fi
echo "ok: ${#files[@]} C++ files clang-formatted ($(clang-format --version))"
