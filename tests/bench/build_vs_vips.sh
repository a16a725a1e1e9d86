#!/usr/bin/env bash
# tests/bench: times Lantai's IIIF pyramid builder against `vips dzsave --layout iiif3` on one large JPEG
#
# usage: build_vs_vips.sh [--megapixels 100] [--lantai PATH [--incremental PACK] | --driver PATH]
#                         [--runs 3] [--work DIR] [--strict]
#   --lantai  time the real `lantai build PACK` on a one-image pack around the source (the
#             issue's comparison: validation, hashing, tiles, sizes, thumbnail, index, charset)
#   --incremental PACK  with --lantai: copy the built pack PACK (e.g. build/packs/demo), add the
#             scan as one more item, build it once; then each run replaces the scan with
#             different bytes (two encodings alternate) and times the REBUILD, against vips
#             dzsave of that same new image alone (the editor issue's target: <= 1.1)
#   --driver  the lantai_pyramid_bench executable (default: BUILD/tests/bench/lantai_pyramid_bench
#             under ./build or $LANTAI_BUILD_DIR)
#   --work    where the generated source JPEG is cached and outputs are written
#             (default: ${LANTAI_BENCH_DIR:-/tmp/lantai-bench}/pyramid)
#   --strict  also fail when wall(lantai)/wall(vips) > 1.2
# Exit status: 0 ok, 1 target missed (peak RSS of lantai > 512 MB; with --strict also the wall
# ratio) or a run failed, 2 usage / missing tools.
set -euo pipefail

megapixels=100
runs=3
driver=""
lantai=""
incremental=""
work="${LANTAI_BENCH_DIR:-/tmp/lantai-bench}/pyramid"
strict=0
rss_limit_mb=512
wall_limit=1.2

die() { echo "build_vs_vips: $*" >&2; exit 2; }

while [[ $# -gt 0 ]]; do
  case "$1" in
    --megapixels) megapixels="${2:?}"; shift 2 ;;
    --driver) driver="${2:?}"; shift 2 ;;
    --lantai) lantai="${2:?}"; shift 2 ;;
    --incremental) incremental="${2:?}"; shift 2 ;;
    --runs) runs="${2:?}"; shift 2 ;;
    --work) work="${2:?}"; shift 2 ;;
    --strict) strict=1; shift ;;
    -h|--help) sed -n '2,16p' "$0"; exit 0 ;;
    *) die "unknown argument: $1" ;;
  esac
done

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
if [[ -z "$driver" && -z "$lantai" ]]; then
  for candidate in "${LANTAI_BUILD_DIR:-}/tests/bench/lantai_pyramid_bench" \
                   "$repo/build/tests/bench/lantai_pyramid_bench"; do
    if [[ -x "$candidate" ]]; then driver="$candidate"; break; fi
  done
fi
[[ -n "$lantai" || ( -n "$driver" && -x "$driver" ) ]] || die "no driver: pass --lantai PATH/lantai or --driver PATH"
command -v vips >/dev/null || die "vips not found (apt-get install libvips-tools)"
[[ -x /usr/bin/time ]] || die "/usr/bin/time not found (apt-get install time)"
[[ "$runs" =~ ^[1-9][0-9]*$ ]] || die "--runs must be a positive integer"
[[ -z "$incremental" || -n "$lantai" ]] || die "--incremental needs --lantai"
[[ -z "$incremental" || -f "$incremental/pack.json" ]] || die "--incremental: no pack.json in $incremental"
[[ "$megapixels" =~ ^[1-9][0-9]*$ ]] || die "--megapixels must be a positive integer"

# ---- deterministic source image, 4:3, generated once -------------------------------------------
read -r width height < <(awk -v mp="$megapixels" 'BEGIN {
  w = int(sqrt(mp * 1e6 * 4 / 3) + 0.5); printf "%d %d\n", w, int(w * 3 / 4 + 0.5) }')
mkdir -p "$work"
src="$work/source-${width}x${height}.jpg"
if [[ ! -s "$src" ]]; then
  echo "generating ${width}x${height} test JPEG (once) -> $src"
  gen="$work/gen.$$"
  mkdir -p "$gen"
  trap 'rm -rf "$gen"' EXIT
  # R: zone plate (fine rings, like engraving), G: gaussian noise (paper grain), B: gradient.
  vips zone "$gen/zone.v" "$width" "$height"
  vips linear "$gen/zone.v" "$gen/r.v" 90 128 --uchar
  rm -f "$gen/zone.v"
  vips gaussnoise "$gen/noise.v" "$width" "$height" --mean 128 --sigma 20 --seed 20240601
  vips cast "$gen/noise.v" "$gen/g.v" uchar
  rm -f "$gen/noise.v"
  vips xyz "$gen/xy.v" "$width" "$height"
  vips extract_band "$gen/xy.v" "$gen/x.v" 0
  rm -f "$gen/xy.v"
  vips linear "$gen/x.v" "$gen/b.v" "$(awk -v w="$width" 'BEGIN { print 255 / w }')" 0 --uchar
  rm -f "$gen/x.v"
  vips bandjoin "$gen/r.v $gen/g.v $gen/b.v" "$gen/rgb.v"
  vips copy "$gen/rgb.v" "$gen/srgb.v" --interpretation srgb
  vips jpegsave "$gen/srgb.v" "$gen/source.jpg" --Q 90
  mv "$gen/source.jpg" "$src"
  rm -rf "$gen"
  trap - EXIT
fi
echo "source: $src ($(du -m "$src" | cut -f1) MB, ${width}x${height})"
sources=("$src")
if [[ -n "$incremental" ]]; then
  # The "changed" scan: the same picture encoded again, so every byte differs but the tiles match.
  src_b="$work/source-${width}x${height}-b.jpg"
  [[ -s "$src_b" ]] || { vips jpegsave "$src" "$src_b.tmp.jpg" --Q 89 && mv "$src_b.tmp.jpg" "$src_b"; }
  sources=("$src_b" "$src")
fi
cat "${sources[@]}" >/dev/null # same warm page cache for both tools

# ---- alternating runs ---------------------------------------------------------------------------
out="$work/out"
timings="$work/timings.txt"
: >"$timings"
run_one() { # name, command...
  local name="$1"; shift
  rm -rf "$out/$name"
  mkdir -p "$out"
  if ! /usr/bin/time -f '%e %M %U %S' -o "$work/time.$name" "$@" >"$work/log.$name" 2>&1; then
    cat "$work/log.$name" >&2
    echo "build_vs_vips: $name run failed" >&2
    exit 1
  fi
  read -r secs kb user sys <"$work/time.$name"
  cpu=$(awk -v u="$user" -v s="$sys" 'BEGIN { print u + s }')
  echo "$name $secs $kb $cpu" >>"$timings"
  printf '  %-7s wall %7.2f s   cpu %7.2f s   peak RSS %8.1f MB\n' "$name" "$secs" "$cpu" \
    "$(awk -v k="$kb" 'BEGIN { print k / 1024 }')"
}
if [[ -n "$incremental" ]]; then
  # The built pack plus one more item holding the scan, built once before the timed rebuilds.
  pack="$work/incremental-pack"
  rm -rf "$pack"
  cp -a "$incremental" "$pack"
  mkdir -p "$pack/images"
  cp "$src" "$pack/images/bench.jpg"
  python3 - "$pack/pack.json" <<'PY'
import json, sys
path = sys.argv[1]
with open(path, encoding="utf-8") as f:
    pack = json.load(f)
pack["exhibitions"][0]["chapters"][0]["items"].append(
    {"id": "bench-scan", "title": {"zh": "扫描件", "en": "Scan"},
     "images": [{"file": "images/bench.jpg", "alt": {"zh": "扫描件", "en": "Scan"}}]})
with open(path, "w", encoding="utf-8") as f:
    json.dump(pack, f, ensure_ascii=False, indent=2)
PY
  echo "initial build of $pack"
  "$lantai" build "$pack" --lang en >"$work/log.initial" 2>&1 || { cat "$work/log.initial" >&2; exit 1; }
elif [[ -n "$lantai" ]]; then
  # A one-image pack around the source (a hard link, so no copy of 100 MB per run).
  pack="$work/pack"
  mkdir -p "$pack/images"
  ln -f "$src" "$pack/images/bench.jpg" 2>/dev/null || cp "$src" "$pack/images/bench.jpg"
  cat >"$pack/pack.json" <<'JSON'
{"format_version": 1, "id": "bench", "title": {"zh": "基准测试", "en": "Benchmark"},
 "organiser": {"zh": "基准测试", "en": "Benchmark"},
 "exhibitions": [{"id": "bench", "title": {"zh": "基准", "en": "Bench"}, "chapters": [{"id": "c", "title": {"zh": "章", "en": "C"},
   "items": [{"id": "scan", "title": {"zh": "扫描件", "en": "Scan"}, "images": [{"file": "images/bench.jpg", "alt": {"zh": "扫描件", "en": "Scan"}}]}]}]}]}
JSON
fi
for ((i = 1; i <= runs; i++)); do
  echo "run $i/$runs"
  if [[ -n "$incremental" ]]; then
    # Replace the scan: one changed image, everything else as the previous build left it.
    src="${sources[$(( (i - 1) % 2 ))]}"
    cp "$src" "$pack/images/bench.jpg.tmp" && mv "$pack/images/bench.jpg.tmp" "$pack/images/bench.jpg"
  fi
  run_one vips vips dzsave "$src" "$out/vips" --layout iiif3 --tile-size 512 --overlap 0 \
    --suffix '.jpg[Q=85]'
  if [[ -n "$incremental" ]]; then
    run_one lantai "$lantai" build "$pack" --lang en
    grep -q "(1 built," "$work/log.lantai" || { cat "$work/log.lantai" >&2; echo "build_vs_vips: the rebuild did not build exactly one image" >&2; exit 1; }
  elif [[ -n "$lantai" ]]; then
    rm -rf "$pack/derived"
    run_one lantai "$lantai" build "$pack" --lang en
  else
    run_one lantai "$driver" "$src" "$out/lantai"
  fi
done

# ---- same tiles? (lantai adds full/ and info.json; vips adds vips-properties.xml) ----------------
list_tiles() { (cd "$1" && find . -name default.jpg -not -path './full/*' | sort); }
lantai_tiles="$out/lantai/iiif/bench"
[[ -n "$lantai" ]] && lantai_tiles="$pack/derived/iiif/images_bench_jpg"
if ! diff -q <(list_tiles "$out/vips") <(list_tiles "$lantai_tiles") >/dev/null; then
  echo "build_vs_vips: tile sets differ between vips and lantai:" >&2
  diff <(list_tiles "$out/vips") <(list_tiles "$lantai_tiles") | head -20 >&2
  exit 1
fi
echo "tile sets identical: $(list_tiles "$out/vips" | wc -l) tiles"

# ---- report -------------------------------------------------------------------------------------
median() { # name, column (2 = wall seconds, 3 = peak RSS KB, 4 = user+sys seconds)
  awk -v n="$1" -v c="$2" '$1 == n { print $c }' "$timings" | sort -g |
    awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}
maxof() { awk -v n="$1" -v c="$2" '$1 == n && $c > m { m = $c } END { print m }' "$timings"; }
vw=$(median vips 2); lw=$(median lantai 2)
vr=$(median vips 3); lr=$(median lantai 3)
vc=$(median vips 4); lc=$(median lantai 4)
lpeak=$(maxof lantai 3)
awk -v vw="$vw" -v lw="$lw" -v vr="$vr" -v lr="$lr" -v vc="$vc" -v lc="$lc" -v lp="$lpeak" -v runs="$runs" \
    -v wl="$wall_limit" -v rl="$rss_limit_mb" 'BEGIN {
  printf "\nmedians over %d alternating runs:\n", runs
  printf "  vips dzsave      wall %7.2f s   cpu %7.2f s   peak RSS %8.1f MB\n", vw, vc, vr / 1024
  printf "  lantai           wall %7.2f s   cpu %7.2f s   peak RSS %8.1f MB\n", lw, lc, lr / 1024
  printf "  wall(lantai)/wall(vips) = %.3f   (limit %.1f)\n", lw / vw, wl
  printf "  cpu(lantai)/cpu(vips)   = %.3f   (user+sys; less sensitive to a busy machine)\n", lc / vc
  printf "  rss(lantai)/rss(vips)   = %.3f\n", lr / vr
  printf "  lantai peak RSS %.1f MB   (limit %d MB)\n", lp / 1024, rl
}'
status=0
if awk -v lp="$lpeak" -v rl="$rss_limit_mb" 'BEGIN { exit !(lp / 1024 > rl) }'; then
  echo "FAIL: lantai peak RSS above ${rss_limit_mb} MB" >&2
  status=1
fi
if awk -v vw="$vw" -v lw="$lw" -v wl="$wall_limit" 'BEGIN { exit !(lw / vw > wl) }'; then
  echo "WARN: wall ratio above ${wall_limit}" >&2
  [[ $strict -eq 1 ]] && status=1
fi
exit $status
