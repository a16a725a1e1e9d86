#!/usr/bin/env bash
# tests/bench: `lantai catalogue export` / `import` on a generated 10,000-item pack, side by side
# with peers in the same run: Python's openpyxl writing the same table (export) and reading the
# same XLSX (dry run), and `lantai validate` on the same pack (apply). Wall time and peak RSS
# (/usr/bin/time), medians over alternating runs. Targets (issue 13): import of a 10,000-row XLSX
# into a 10,000-item pack, dry run and apply, ≤ 2 s and ≤ 200 MB each.
#
# usage: catalogue_bench.sh PATH/TO/lantai [ROWS] [RUNS]
set -euo pipefail
lantai=${1:?usage: catalogue_bench.sh PATH/TO/lantai [ROWS] [RUNS]}
rows=${2:-10000}
runs=${3:-3}
here=$(cd "$(dirname "$0")" && pwd)
bench=${LANTAI_BENCH_DIR:-/tmp/lantai-bench}
source_pack=$bench/pack-$rows
work=$bench/catalogue-$rows
timer=/usr/bin/time # Debian package "time"

# Debian's python3-openpyxl: the python3 on PATH may be another installation.
py=""
for candidate in python3 /usr/bin/python3; do
  if "$candidate" -c "import openpyxl" 2>/dev/null; then py=$candidate; break; fi
done
[ -n "$py" ] || { echo "needs python3 with openpyxl (Debian python3-openpyxl)" >&2; exit 2; }
[ -x "$timer" ] || { echo "needs $timer (Debian package time)" >&2; exit 2; }

[ -f "$source_pack/pack.json" ] || "$py" "$here/make_large_pack.py" "$source_pack" --items "$rows" >/dev/null
rm -rf "$work"
mkdir -p "$work"

# A working copy of the pack: pack.json and the banks copied, the images hard-linked.
fresh_pack() {
  rm -rf "$work/pack"
  mkdir -p "$work/pack"
  cp "$source_pack/pack.json" "$work/pack/"
  cp -r "$source_pack/quiz" "$work/pack/"
  cp -al "$source_pack/images" "$work/pack/images"
}

fresh_pack
"$lantai" catalogue export "$work/pack" "$work/exported.xlsx" >/dev/null
# The curator's edit: every row's English title changed in openpyxl (every row a change).
"$py" - "$work/exported.xlsx" "$work/edited.xlsx" <<'EOF'
import sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
ws = wb.active
assert ws["F1"].value == "英文题名 Title (English)"
for r in range(2, ws.max_row + 1):
    ws.cell(r, 6).value = f"Edited record {r - 1}"
wb.save(sys.argv[2])
EOF

cat >"$work/peer_write.py" <<'EOF'
# The export's peer: the same table (one row per item, 20 columns) written by openpyxl.
import sys, json, openpyxl
pack = json.load(open(sys.argv[1] + "/pack.json", encoding="utf-8"))
def t(value, lang):
    return (value or {}).get(lang, "")
wb = openpyxl.Workbook(write_only=True)
ws = wb.create_sheet("目录")
ws.append(["标识 ID"] + [f"column {n}" for n in range(19)])
for e in pack["exhibitions"]:
    for c in e["chapters"]:
        for i in c["items"]:
            ws.append([i["id"], e["id"], c["id"], i.get("reference", ""), t(i.get("title"), "zh"),
                       t(i.get("title"), "en"), i.get("date", ""), t(i.get("era"), "zh"), t(i.get("era"), "en"),
                       t(i.get("caption"), "zh"), t(i.get("caption"), "en"), t(i.get("description"), "zh"),
                       t(i.get("description"), "en"), t(i.get("holding"), "zh"), t(i.get("holding"), "en"),
                       t(i.get("rights"), "zh"), t(i.get("rights"), "en"), "; ".join(i.get("tags", [])),
                       "是" if i.get("highlight") else "否", "; ".join(im["file"] for im in i["images"])])
wb.save(sys.argv[2])
EOF
cat >"$work/peer_read.py" <<'EOF'
# The dry run's peer: openpyxl reading every cell of the same file (no matching, no checks).
import sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1], read_only=True)
cells = sum(1 for row in wb.active.iter_rows(values_only=True) for v in row if v is not None)
print(cells)
EOF

# measure NAME COMMAND...: appends "seconds kilobytes" to $work/NAME; stdout/stderr to $work/NAME.out
measure() {
  local name=$1
  shift
  if ! "$timer" -f '%e %M' -o "$work/$name.time" "$@" >"$work/$name.out" 2>&1; then
    echo "$name failed: $*" >&2
    cat "$work/$name.out" >&2
    exit 1
  fi
  cat "$work/$name.time" >>"$work/$name"
}

for _ in $(seq "$runs"); do
  fresh_pack # the pack as generated: the dry run and the apply see every row changed
  measure export "$lantai" catalogue export "$work/pack" "$work/out.xlsx"
  measure export_peer "$py" "$work/peer_write.py" "$work/pack" "$work/peer.xlsx"
  measure dry_run "$lantai" catalogue import "$work/pack" "$work/edited.xlsx" --dry-run
  measure dry_run_peer "$py" "$work/peer_read.py" "$work/edited.xlsx"
  measure apply "$lantai" catalogue import "$work/pack" "$work/edited.xlsx"
  measure apply_peer "$lantai" validate "$work/pack"
done
for name in dry_run apply; do
  grep -q "^$rows items updated ($rows fields)" "$work/$name.out" ||
    { echo "$name did not change every row:" >&2; cat "$work/$name.out" >&2; exit 1; }
done
"$lantai" catalogue import "$work/pack" "$work/edited.xlsx" --dry-run | grep -q "^0 items updated" ||
  { echo "a second import after the apply still finds changes" >&2; exit 1; }

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
seconds() { cut -d' ' -f1 "$work/$1" | median; }
megabytes() { cut -d' ' -f2 "$work/$1" | median | awk '{printf "%.0f", $1 / 1024}'; }
line() { # NAME PEER WHAT PEER_WHAT
  awk -v what="$3" -v peer="$4" -v s="$(seconds "$1")" -v m="$(megabytes "$1")" \
      -v ps="$(seconds "$2")" -v pm="$(megabytes "$2")" \
      'BEGIN { printf "%-34s %6.2f s %5d MB | %-36s %6.2f s %5d MB | ratio %.2f (time) %.2f (memory)\n",
               what, s, m, peer, ps, pm, (ps > 0 ? s / ps : 0), (pm > 0 ? m / pm : 0) }'
}

size=$(du -k "$work/edited.xlsx" | cut -f1)
echo "catalogue of $rows items (edited.xlsx ${size} KiB, written by openpyxl; every row's title.en edited), medians of $runs runs:"
line export export_peer "lantai catalogue export (.xlsx)" "peer: openpyxl write-only, same table"
line dry_run dry_run_peer "lantai catalogue import --dry-run" "peer: openpyxl read_only, every cell"
line apply apply_peer "lantai catalogue import (apply)" "peer: lantai validate, same pack"

status=0
for name in dry_run apply; do
  s=$(seconds "$name")
  m=$(megabytes "$name")
  if awk -v s="$s" -v m="$m" 'BEGIN { exit !(s <= 2.0 && m <= 200) }'; then
    echo "OK: $name ${s} s ≤ 2 s, ${m} MB ≤ 200 MB"
  else
    echo "FAIL: $name ${s} s, ${m} MB (targets ≤ 2 s, ≤ 200 MB)"
    status=1
  fi
done
exit $status
