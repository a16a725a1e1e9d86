#!/usr/bin/env bash
# tests/bench: `lantai export web` of the built demo pack, fresh and over the previous export, each beside a peer doing the same job with plain tools. Target ≤ 5 s for both.
#
# usage: export_web_bench.sh PATH/TO/lantai BUILT_PACK [ASSETS_DIR]
# The export hard-links tiles when the pack and the output share a filesystem (else copies them).
# Peers, run in the same loop on the same inputs (derived/iiif, derived/thumbs, videos):
#   fresh:     `cp -al` into a new folder (link every file), and `cp -r` (copy every byte)
#   re-export: `cp -al` into a new folder beside the previous copy, swapped in with two `mv`
#              (a new linked tree replacing the old one, as the export does)
# A re-export leaves the previous site to a background `rm -rf`; the bench waits for it before the
# next step and prints how long it took, and what the peer's `rm -rf` of its old copy costs in line.
set -euo pipefail
lantai=${1:?usage: export_web_bench.sh PATH/TO/lantai BUILT_PACK [ASSETS_DIR]}
pack=${2:?built pack folder}
assets=${3:-}
work=${LANTAI_BENCH_DIR:-/tmp/lantai-bench}/export-web
runs=${LANTAI_BENCH_RUNS:-3}
rm -rf "$work" && mkdir -p "$work"
if [ -z "$assets" ]; then # a stand-in viewer: the benchmark measures the exporter
  assets=$work/assets-dist && mkdir -p "$assets/assets"
  echo "// bench" >"$assets/assets/lantai.js" && echo "/* bench */" >"$assets/assets/lantai.css"
fi
inputs=("$pack/derived/iiif" "$pack/derived/thumbs" "$pack/videos")

now() { date +%s%N; }
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
secs() { awk -v ns="$1" 'BEGIN { printf "%.2f", ns / 1e9 }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", (b > 0 ? a / b : 0) }'; }
export_site() { "$lantai" export web "$pack" "$work/site" --assets "$assets" >/dev/null 2>&1; }
wait_trash() { while compgen -G "$work/.site.trash-*" >/dev/null; do sleep 0.05; done; }

fresh=(); again=(); bg=(); cpl=(); cpr=(); swap=(); rmold=()
for _ in $(seq $runs); do
  rm -rf "$work/site" "$work/links" "$work/links.new" "$work/links.old" "$work/copy"
  sync
  t0=$(now); export_site; t1=$(now)
  mkdir -p "$work/links" && cp -al "${inputs[@]}" "$work/links/"; t2=$(now)
  # Re-export right away, as a curator does after fixing a caption (the previous site is not yet written back).
  t3=$(now); export_site; t4=$(now)
  wait_trash; t5=$(now)
  mkdir -p "$work/links.new" && cp -al "${inputs[@]}" "$work/links.new/" && mv "$work/links" "$work/links.old" && mv "$work/links.new" "$work/links"; t6=$(now)
  rm -rf "$work/links.old"; t7=$(now)
  mkdir -p "$work/copy" && cp -r "${inputs[@]}" "$work/copy/"; t8=$(now)
  fresh+=($((t1 - t0))); cpl+=($((t2 - t1))); again+=($((t4 - t3))); bg+=($((t5 - t4)))
  swap+=($((t6 - t5))); rmold+=($((t7 - t6))); cpr+=($((t8 - t7)))
done
f=$(printf '%s\n' "${fresh[@]}" | median); a=$(printf '%s\n' "${again[@]}" | median); b=$(printf '%s\n' "${bg[@]}" | median)
l=$(printf '%s\n' "${cpl[@]}" | median); r=$(printf '%s\n' "${cpr[@]}" | median)
s=$(printf '%s\n' "${swap[@]}" | median); o=$(printf '%s\n' "${rmold[@]}" | median)
files=$(find "$work/site" -type f | wc -l); dirs=$(find "$work/site" -type d | wc -l)
echo "export web of $pack ($files files, $dirs directories), median of $runs:"
echo "  fresh export (new folder)          $(secs "$f") s"
echo "    peer cp -al of the inputs        $(secs "$l") s   ratio $(ratio "$f" "$l")"
echo "    peer cp -r of the inputs         $(secs "$r") s   ratio $(ratio "$f" "$r")"
echo "  re-export (over the previous one)  $(secs "$a") s"
echo "    peer cp -al + mv swap            $(secs "$s") s   ratio $(ratio "$a" "$s")"
echo "  after the re-export returned: background rm of the previous site done in $(secs "$b") s;"
echo "    the peer's rm -rf of its old copy, in line, would add $(secs "$o") s"
rm -rf "$work"
if (( f > 5000000000 || a > 5000000000 )); then echo "FAIL: above the 5 s target"; exit 1; fi
echo "OK: ≤ 5 s"
