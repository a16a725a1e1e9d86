#!/usr/bin/env bash
# tests/bench: `lantai report` over 1,000,000 interaction events in 5 booth databases, against the
# sqlite3 program running the same aggregate queries on the same files, alternately in one run
#
# usage: report_bench.sh BUILD_DIR [--events N] [--runs R] [--strict]
#   Generates (once, cached in ${LANTAI_BENCH_DIR:-/tmp/lantai-bench}/report-N) five booths with
#   N events in all (lantai_event_db_gen), writes the SQL readBooth runs (lantai_report_sql), then
#   R times, alternating: `lantai report` to HTML, to XLSX, and `sqlite3 -readonly` running that
#   SQL on each booth in turn. Prints the medians of wall time, CPU time (user+sys) and peak RSS
#   (/usr/bin/time, Debian package `time`), the ratios to sqlite3, and the targets: wall ≤ 3 s,
#   peak RSS ≤ 300 MB. Exit code 1 over the RSS target (with --strict also over the time target).
set -euo pipefail

build=${1:?usage: report_bench.sh BUILD_DIR [--events N] [--runs R] [--strict]}
shift
events=1000000
runs=5
strict=0
while [ $# -gt 0 ]; do
    case $1 in
    --events) events=$2; shift 2 ;;
    --runs) runs=$2; shift 2 ;;
    --strict) strict=1; shift ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
    esac
done
lantai=$build/tools/cli/lantai
gen=$build/tests/bench/lantai_event_db_gen
sqlgen=$build/tests/bench/lantai_report_sql
for tool in "$lantai" "$gen" "$sqlgen" /usr/bin/time sqlite3; do
    command -v "$tool" >/dev/null || { echo "missing $tool (cmake --build BUILD_DIR --target lantai lantai_event_db_gen lantai_report_sql; Debian packages time, sqlite3)" >&2; exit 2; }
done

data=${LANTAI_BENCH_DIR:-/tmp/lantai-bench}/report-$events
if [ ! -f "$data/.complete" ]; then
    rm -rf "$data"
    mkdir -p "$data"
    echo "generating 5 booths, $events events in all, in $data ..."
    "$gen" "$data" --booths 5 --events "$events" --days 3 >"$data/booths.jsonl"
    touch "$data/.complete"
fi
work=$(mktemp -d /tmp/lantai-report-bench.XXXXXX)
trap 'rm -rf "$work"' EXIT
"$sqlgen" >"$work/report.sql"
states=()
for booth in "$data"/booth-*; do states+=(--state-dir "$booth"); done
du -sh "$data" | awk '{print "databases: " $1 " on disk"}'

# One run of COMMAND...: appends "wall cpu rss_kb" to FILE.
measure() {
    local file=$1
    shift
    /usr/bin/time -f "%e %U %S %M" -o "$work/t" "$@" >/dev/null
    awk '{printf "%s %.2f %s\n", $1, $2 + $3, $4}' "$work/t" >>"$file"
}
peer() {
    for booth in "$data"/booth-*; do sqlite3 -readonly "$booth/lantai.sqlite" <"$work/report.sql" >/dev/null; done
}
export -f peer
export data work

measure "$work/warm" "$lantai" report "${states[@]}" --out "$work/warm.html" # the page cache
for _ in $(seq "$runs"); do
    measure "$work/html" "$lantai" report "${states[@]}" --out "$work/r.html"
    measure "$work/sqlite" bash -c peer
    measure "$work/xlsx" "$lantai" report "${states[@]}" --out "$work/r.xlsx"
done

median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }
col() { awk -v c="$2" '{print $c}' "$work/$1" | median; }
printf '\n%-40s %10s %10s %12s\n' "median of $runs runs" "wall s" "cpu s" "peak RSS MB"
for side in html xlsx sqlite; do
    case $side in
    html) name="lantai report --out .html" ;;
    xlsx) name="lantai report --out .xlsx" ;;
    sqlite) name="sqlite3 -readonly (same SQL, 5 files)" ;;
    esac
    printf '%-40s %10s %10s %12.1f\n' "$name" "$(col $side 1)" "$(col $side 2)" "$(echo "$(col $side 3) / 1024" | bc -l)"
done
ratio() { echo "scale=2; $(col "$1" "$2") / $(col sqlite "$2")" | bc -l; }
echo
echo "ratio html/sqlite3: wall $(ratio html 1), cpu $(ratio html 2); xlsx/sqlite3: wall $(ratio xlsx 1), cpu $(ratio xlsx 2)"
sessions=$(grep -o '"sessions": [0-9]*' "$data/booths.jsonl" | awk '{s += $2} END {print s}')
echo "$events events, $sessions sessions, 5 booths; machine load: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores"

status=0
for side in html xlsx; do
    wall=$(col $side 1)
    rss=$(echo "$(col $side 3) / 1024" | bc -l)
    wall_ok=$(echo "$wall <= 3" | bc -l)
    rss_ok=$(echo "$rss <= 300" | bc -l)
    printf '%s: wall %s s (target <= 3 s) %s, peak RSS %.0f MB (target <= 300 MB) %s\n' "$side" "$wall" \
        "$([ "$wall_ok" = 1 ] && echo PASS || echo FAIL)" "$rss" "$([ "$rss_ok" = 1 ] && echo PASS || echo FAIL)"
    [ "$rss_ok" = 1 ] || status=1
    [ "$strict" = 0 ] || [ "$wall_ok" = 1 ] || status=1
done
exit $status
