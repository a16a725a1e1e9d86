#!/usr/bin/env bash
# tests/bench: `lantai pack install` of the built demo pack from a local folder, side by side with
# `cp -r` of the same pack on the same disk (and `cp -r` + `sync -f`, the same durability as the
# install's syncfs). Prints medians and the ratios. Target (issue 16): install ≤ 1.2× cp -r.
set -euo pipefail
lantai=${1:?usage: pack_install_bench.sh PATH/TO/lantai BUILT_DEMO_PACK [RUNS]}
demo=${2:?usage: pack_install_bench.sh PATH/TO/lantai BUILT_DEMO_PACK [RUNS]}
runs=${3:-5}
work=${LANTAI_BENCH_DIR:-/tmp/lantai-bench}/pack-install
rm -rf "$work" && mkdir -p "$work"
cp -r "$demo" "$work/source"
"$lantai" pack keygen --out "$work/keys" >/dev/null
"$lantai" pack sign "$work/source" --secret-key "$work/keys/lantai.key" --version 1 >/dev/null

now() { date +%s%N; }
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
# Warm the page cache for both sides alike.
cat $(find "$work/source" -type f) >/dev/null

install_ms=(); cp_ms=(); cp_sync_ms=()
for run in $(seq "$runs"); do
  t0=$(now); cp -r "$work/source" "$work/copy-$run"; t1=$(now)
  cp -r "$work/source" "$work/copy-sync-$run"; sync -f "$work/copy-sync-$run"; t2=$(now)
  # A fresh state folder each run: every run copies, checks and switches the whole pack.
  "$lantai" pack install "$work/source" --state-dir "$work/state-$run" \
      --public-key "$work/keys/lantai.pub" >/dev/null; t3=$(now)
  cp_ms+=($(( (t1 - t0) / 1000000 ))); cp_sync_ms+=($(( (t2 - t1) / 1000000 )))
  install_ms+=($(( (t3 - t2) / 1000000 )))
  rm -rf "$work/copy-$run" "$work/copy-sync-$run" "$work/state-$run"
done
i=$(printf '%s\n' "${install_ms[@]}" | median)
c=$(printf '%s\n' "${cp_ms[@]}" | median)
s=$(printf '%s\n' "${cp_sync_ms[@]}" | median)
size=$(du -sm "$work/source" | cut -f1); files=$(find "$work/source" -type f | wc -l)
echo "demo pack ($size MB, $files files), median of $runs runs:"
echo "  lantai pack install  ${i} ms   (verify, copy + SHA-256, validate, decode every image, syncfs, switch)"
echo "  cp -r                ${c} ms"
echo "  cp -r + sync -f      ${s} ms"
awk -v i="$i" -v c="$c" -v s="$s" 'BEGIN { printf "ratio install / cp -r: %.2f   install / (cp -r + sync): %.2f\n", i / c, i / s }'
rm -rf "$work"
