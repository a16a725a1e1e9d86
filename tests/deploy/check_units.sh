#!/usr/bin/env bash
# tests/deploy: `systemd-analyze verify` on deploy/systemd's units, warnings counted as failures,
# and the programs their ExecStart= lines run are what the package installs
# Usage: check_units.sh SOURCE_DIR [LANTAI_SYNC]
# lantai-sync's units are verified with ExecStart= pointing at LANTAI_SYNC (the build's program:
# verify wants the program to exist); without it they are skipped with a message.
set -euo pipefail
src=$1
sync_program=${2:-}
units=("$src"/deploy/systemd/lantai-kiosk*.service)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp "${units[@]}" "$work/"
fail=0

if ! command -v systemd-analyze >/dev/null; then
  echo "SKIP: systemd-analyze is not installed"
  exit 77
fi
# verify checks each ExecStart= program exists (cage: the Debian package; deploy/install-deps.sh
# installs it); unknown keys and bad values are only warnings, so any output fails the test.
for unit in "$work"/*.service; do
  out=$(cd "$work" && SYSTEMD_LOG_COLOR=0 systemd-analyze verify "./$(basename "$unit")" 2>&1) || {
    echo "FAIL $(basename "$unit"): systemd-analyze verify exited non-zero: $out"; fail=1; continue; }
  if [[ -n $out ]]; then echo "FAIL $(basename "$unit"): $out"; fail=1; else echo "ok   $(basename "$unit") verifies"; fi
done

# What systemd does not check: the kiosk after cage's `--`, and the settings the issue asks for.
for unit in "$work"/*.service; do
  name=$(basename "$unit")
  exec_line=$(grep '^ExecStart=' "$unit")
  [[ $exec_line == "ExecStart=/usr/bin/cage -d -- /usr/bin/lantai-kiosk --config /etc/lantai/kiosk.toml"* ]] \
    || { echo "FAIL $name: ExecStart is not cage -d running /usr/bin/lantai-kiosk: $exec_line"; fail=1; }
  for key in Type=notify NotifyAccess=all WatchdogSec= StartLimitIntervalSec= StartLimitBurst= \
             User=lantai PAMName=lantai-kiosk TTYPath=/dev/tty1 Restart=; do
    grep -q "^$key" "$unit" || { echo "FAIL $name: no $key"; fail=1; }
  done
done
grep -q '^OnFailure=lantai-kiosk-last-good.service$' "$work/lantai-kiosk.service" \
  || { echo "FAIL lantai-kiosk.service: OnFailure= is not the last good pack"; fail=1; }
grep -q '^OnFailure=lantai-kiosk-out-of-service.service$' "$work/lantai-kiosk-last-good.service" \
  || { echo "FAIL lantai-kiosk-last-good.service: OnFailure= is not the out-of-service screen"; fail=1; }
grep -q -- '--use-last-good$' "$work/lantai-kiosk-last-good.service" || { echo "FAIL: last-good unit lacks --use-last-good"; fail=1; }
grep -q -- '--out-of-service$' "$work/lantai-kiosk-out-of-service.service" || { echo "FAIL: out-of-service unit lacks --out-of-service"; fail=1; }
! grep -q '^OnFailure=' "$work/lantai-kiosk-out-of-service.service" \
  || { echo "FAIL: the last fallback must not chain further"; fail=1; }

# lantai-sync.service and its timer: verified beside each other, the program the build's.
if [[ -n $sync_program && -x $sync_program ]]; then
  mkdir "$work/sync"
  grep -q '^ExecStart=/usr/bin/lantai-sync --config /etc/lantai/kiosk.toml --once$' "$src/deploy/systemd/lantai-sync.service" \
    || { echo "FAIL lantai-sync.service: ExecStart is not lantai-sync --config /etc/lantai/kiosk.toml --once"; fail=1; }
  sed "s|^ExecStart=/usr/bin/lantai-sync|ExecStart=$sync_program|" "$src/deploy/systemd/lantai-sync.service" > "$work/sync/lantai-sync.service"
  cp "$src/deploy/systemd/lantai-sync.timer" "$work/sync/"
  for unit in lantai-sync.service lantai-sync.timer; do
    out=$(cd "$work/sync" && SYSTEMD_LOG_COLOR=0 systemd-analyze verify "./$unit" 2>&1) || {
      echo "FAIL $unit: systemd-analyze verify exited non-zero: $out"; fail=1; continue; }
    if [[ -n $out ]]; then echo "FAIL $unit: $out"; fail=1; else echo "ok   $unit verifies"; fi
  done
  for key in Type=oneshot User=lantai SuccessExitStatus=3 ReadWritePaths=/var/lib/lantai; do
    grep -q "^$key" "$work/sync/lantai-sync.service" || { echo "FAIL lantai-sync.service: no $key"; fail=1; }
  done
  for key in OnUnitActiveSec= RandomizedDelaySec= WantedBy=timers.target; do
    grep -q "^$key" "$work/sync/lantai-sync.timer" || { echo "FAIL lantai-sync.timer: no $key"; fail=1; }
  done
else
  echo "skip lantai-sync units: lantai-sync was not built"
fi

# The check can fail: a unit with a missing program and one with an unknown key are reported.
sed 's|^ExecStart=/usr/bin/cage|ExecStart=/usr/bin/lantai-no-such-cage|' "$work/lantai-kiosk.service" > "$work/broken-exec.service"
sed 's|^User=lantai|User=lantai\nWatchdogSecs=30|' "$work/lantai-kiosk.service" > "$work/broken-key.service"
for broken in broken-exec broken-key; do
  if out=$(cd "$work" && systemd-analyze verify "./$broken.service" 2>&1) && [[ -z $out ]]; then
    echo "FAIL: systemd-analyze verify accepted $broken.service"; fail=1
  else
    echo "ok   $broken.service is reported: ${out%%$'\n'*}"
  fi
done
exit $fail
