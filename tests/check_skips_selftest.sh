#!/usr/bin/env bash
# tests: check_skips.sh accepts a listed skip and fails an unlisted one (so the CI gate can fail)
set -u
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
printf 'The following tests did not run:\n\t12 - core/quiz_import/Conformance.GiftFixtures (Skipped)\n' >"$work/allowed.log"
printf 'The following tests did not run:\n\t626 - kiosk/render/GlTextureUpload.Upload (Skipped)\n' >"$work/unlisted.log"
bash "$here/check_skips.sh" "$work/allowed.log" "$here/allowed_skips.txt" || { echo "FAIL: a listed skip was refused"; exit 1; }
if bash "$here/check_skips.sh" "$work/unlisted.log" "$here/allowed_skips.txt"; then echo "FAIL: an unlisted skip passed"; exit 1; fi
echo "ok: listed skips pass, unlisted ones fail"
