#!/usr/bin/env bash
# tests/bench: `lantai validate` on a generated 1000-item pack, side by side with a peer
# (python3-jsonschema validating the same pack.json against content/pack.schema.json, which
# checks far less: no assets, no references). Prints medians and the ratio. Target: ≤ 200 ms.
set -euo pipefail
lantai=${1:?usage: validate_bench.sh PATH/TO/lantai [ITEMS]}
items=${2:-1000}
here=$(cd "$(dirname "$0")" && pwd)
work=${LANTAI_BENCH_DIR:-/tmp/lantai-bench}/pack-$items
python3 "$here/make_large_pack.py" "$work" --items "$items" >/dev/null
runs=7

now() { date +%s%N; }
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

"$lantai" validate "$work" >/dev/null 2>&1 || { echo "the generated pack does not validate" >&2; "$lantai" validate "$work"; exit 1; }
lantai_ms=(); peer_ms=()
for _ in $(seq $runs); do
  t0=$(now); "$lantai" validate "$work" >/dev/null 2>&1; t1=$(now)
  python3 "$here/../schema/check_schema.py" "$work" >/dev/null 2>&1 || true; t2=$(now)
  lantai_ms+=($(( (t1 - t0) / 1000000 ))); peer_ms+=($(( (t2 - t1) / 1000000 )))
done
l=$(printf '%s\n' "${lantai_ms[@]}" | median)
p=$(printf '%s\n' "${peer_ms[@]}" | median)
echo "validate $items-item pack: lantai ${l} ms (median of $runs), peer python3-jsonschema ${p} ms"
awk -v l="$l" -v p="$p" 'BEGIN { printf "ratio lantai/peer: %.2f\n", (p > 0 ? l / p : 0) }'
if (( l > 200 )); then echo "FAIL: ${l} ms > 200 ms target"; exit 1; fi
echo "OK: ≤ 200 ms"
