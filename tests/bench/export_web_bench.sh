#!/usr/bin/env bash
# tests/bench: `lantai export web` of the built demo pack side by side with plain copies of the same input (cp -r, cp -al). Target ≤ 5 s.
#
# usage: export_web_bench.sh PATH/TO/lantai BUILT_PACK [ASSETS_DIR]
# The export hard-links tiles when the pack and the output share a filesystem (else copies them),
# so both peers are printed: `cp -r` (copy every byte) and `cp -al` (link every file).
set -euo pipefail
lantai=${1:?usage: export_web_bench.sh PATH/TO/lantai BUILT_PACK [ASSETS_DIR]}
pack=${2:?built pack folder}
assets=${3:-}
work=${LANTAI_BENCH_DIR:-/tmp/lantai-bench}/export-web
runs=3
rm -rf "$work" && mkdir -p "$work"
if [ -z "$assets" ]; then # a stand-in viewer: the benchmark measures the exporter
  assets=$work/assets-dist && mkdir -p "$assets/assets"
  echo "// bench" >"$assets/assets/lantai.js" && echo "/* bench */" >"$assets/assets/lantai.css"
fi
inputs=("$pack/derived/iiif" "$pack/derived/thumbs" "$pack/videos")

now() { date +%s%N; }
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
secs() { awk -v ns="$1" 'BEGIN { printf "%.2f", ns / 1e9 }'; }

cold=(); warm=(); cpr=(); cpl=()
for _ in $(seq $runs); do
  rm -rf "$work/site" "$work/copy" "$work/links"
  sync
  t0=$(now); "$lantai" export web "$pack" "$work/site" --assets "$assets" >/dev/null 2>&1; t1=$(now)
  "$lantai" export web "$pack" "$work/site" --assets "$assets" >/dev/null 2>&1; t2=$(now)
  mkdir -p "$work/copy" && cp -r "${inputs[@]}" "$work/copy/"; t3=$(now)
  mkdir -p "$work/links" && cp -al "${inputs[@]}" "$work/links/"; t4=$(now)
  cold+=($((t1 - t0))); warm+=($((t2 - t1))); cpr+=($((t3 - t2))); cpl+=($((t4 - t3)))
done
c=$(printf '%s\n' "${cold[@]}" | median); w=$(printf '%s\n' "${warm[@]}" | median)
r=$(printf '%s\n' "${cpr[@]}" | median); l=$(printf '%s\n' "${cpl[@]}" | median)
files=$(find "$work/site" -type f | wc -l)
echo "export web of $pack ($files files), median of $runs:"
echo "  lantai export (new folder)    $(secs "$c") s"
echo "  lantai export (over previous) $(secs "$w") s"
echo "  peer cp -r of the inputs      $(secs "$r") s   ratio export/cp-r  $(awk -v a="$c" -v b="$r" 'BEGIN { printf "%.2f", (b > 0 ? a / b : 0) }')"
echo "  peer cp -al of the inputs     $(secs "$l") s   ratio export/cp-al $(awk -v a="$c" -v b="$l" 'BEGIN { printf "%.2f", (b > 0 ? a / b : 0) }')"
rm -rf "$work"
if (( c > 5000000000 || w > 5000000000 )); then echo "FAIL: above the 5 s target"; exit 1; fi
echo "OK: ≤ 5 s"
