#!/usr/bin/env bash
# tests/bench: `lantai quiz import` — time of a 10,000-question GIFT import against peers, or (with
# --memory) peak RSS of importing generated 1, 5 and 20 MB GIFT, Aiken and CSV files
#
# quiz_import_bench.sh PATH/TO/lantai [QUESTIONS]
#   Imports a generated 10,000-question GIFT file into a copy of tests/packs/valid-minimal (parse,
#   validate the pack, check every new question, write), side by side with peers on the same
#   file: python3 splitting it into blocks and answers with regular expressions (parsing only, no
#   checks, no writing) and `wc -l` as the floor. Prints medians and ratios. Target: ≤ 1 s.
# quiz_import_bench.sh --memory PATH/TO/lantai [SIZE_MB...]
#   For each format and size (default 1 5 20), imports a generated file of that size into a fresh
#   copy of valid-minimal under /usr/bin/time and prints the input size, the peak RSS, the
#   target (10 x the file + 100 MB, issue 11), the ratios and the time. An import refused because
#   its bank would exceed the loader's bank limit (quiz.bank_too_large) counts: it must stay
#   within the target too. Exits 1 when any run is over its target or fails otherwise.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)

if [ "${1:-}" = "--memory" ]; then
  lantai=${2:?usage: quiz_import_bench.sh --memory PATH/TO/lantai [SIZE_MB...]}
  shift 2
  sizes=("${@:-}")
  [ -n "${sizes[0]}" ] || sizes=(1 5 20)
  [ -x /usr/bin/time ] || { echo "needs /usr/bin/time (Debian package time)" >&2; exit 2; }
  work=${LANTAI_BENCH_DIR:-/tmp/lantai-bench}/quiz-memory
  mkdir -p "$work"
  over=0
  printf '%-6s %9s %-9s %9s %9s %9s %11s %7s\n' format "input MB" result "peak MB" "target MB" \
    "RSS/input" "RSS/target" "time s"
  for format in gift aiken csv; do
    for mb in "${sizes[@]}"; do
      file="$work/q$mb.$format"
      [ -f "$file" ] || python3 "$here/make_quiz_file.py" "$format" "$file" --bytes $((mb * 1000000)) 2>/dev/null
      rm -rf "$work/pack"
      cp -r "$here/../packs/valid-minimal" "$work/pack"
      set +e
      /usr/bin/time -f '%M %e' -o "$work/time" "$lantai" quiz import "$file" --format "$format" \
        --into "$work/pack:bench" >"$work/out" 2>&1
      rc=$?
      set -e
      read -r kb seconds < <(tail -1 "$work/time")
      bytes=$(stat -c %s "$file")
      if [ "$rc" -eq 0 ]; then result=imported
      elif grep -q '\[quiz.bank_too_large\]' "$work/out"; then result=refused
      else result="exit-$rc"; fi
      line=$(awk -v kb="$kb" -v b="$bytes" -v s="$seconds" -v f="$format" -v r="$result" 'BEGIN {
        mb = 1048576; peak = kb * 1024; target = 10 * b + 100 * mb
        printf "%-6s %9.1f %-9s %9.0f %9.0f %9.1f %11.2f %7.2f %s\n", f, b / mb, r, peak / mb,
               target / mb, peak / b, peak / target, s, (peak > target ? "OVER" : "ok") }')
      echo "${line% *}"
      case "$line" in *OVER) over=1; echo "  over the target" ;; esac
      if [ "$result" != imported ] && [ "$result" != refused ]; then
        over=1; echo "  the import failed:"; tail -3 "$work/out" | sed 's/^/    /'
      fi
    done
  done
  if [ "$over" -ne 0 ]; then echo "FAIL: over the target (or failed)"; exit 1; fi
  echo "OK: every import within 10 x the file + 100 MB"
  exit 0
fi

lantai=${1:?usage: quiz_import_bench.sh PATH/TO/lantai [QUESTIONS] | --memory PATH/TO/lantai [SIZE_MB...]}
questions=${2:-10000}
work=${LANTAI_BENCH_DIR:-/tmp/lantai-bench}/quiz-$questions
rm -rf "$work"
mkdir -p "$work"
runs=5

# single choice with feedback and partial credit, true/false with feedback and tags, multiple
# answers with weights, and every 50th question a short answer (skipped with a warning).
python3 "$here/make_quiz_file.py" gift "$work/questions.gift" --questions "$questions" 2>/dev/null

now() { date +%s%N; }
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

cat >"$work/peer.py" <<'EOF'
import re, sys
text = open(sys.argv[1], encoding="utf-8").read()
blocks = re.split(r"\n\s*\n", text)
count = 0
for block in blocks:
    lines = [l.strip() for l in block.splitlines() if l.strip() and not l.strip().startswith("//")]
    body = "\n".join(lines)
    m = re.match(r"(?:::(.*?)::)?(.*?)\{(.*)\}(.*)$", body, re.S)
    if not m:
        continue
    answers = re.findall(r"([=~])(%-?[\d.]+%)?([^=~#]*)(?:#([^=~]*))?", m.group(3))
    count += 1 if answers else 0
print(count)
EOF

lantai_ms=(); python_ms=(); wc_ms=()
for _ in $(seq $runs); do
  rm -rf "$work/pack"
  cp -r "$here/../packs/valid-minimal" "$work/pack"
  t0=$(now); "$lantai" quiz import "$work/questions.gift" --format gift --into "$work/pack:bench" >"$work/out" 2>&1; rc=$?; t1=$(now)
  python3 "$work/peer.py" "$work/questions.gift" >/dev/null; t2=$(now)
  wc -l "$work/questions.gift" >/dev/null; t3=$(now)
  if [ "$rc" -ne 0 ]; then echo "lantai quiz import failed:" >&2; cat "$work/out" >&2; exit 1; fi
  lantai_ms+=($(( (t1 - t0) / 1000000 ))); python_ms+=($(( (t2 - t1) / 1000000 ))); wc_ms+=($(( (t3 - t2) / 1000000 )))
done
grep '^imported' "$work/out"
"$lantai" validate "$work/pack" >/dev/null 2>&1 || { echo "the pack does not validate after the import" >&2; exit 1; }
l=$(printf '%s\n' "${lantai_ms[@]}" | median)
p=$(printf '%s\n' "${python_ms[@]}" | median)
w=$(printf '%s\n' "${wc_ms[@]}" | median)
size=$(du -k "$work/questions.gift" | cut -f1)
echo "quiz import of $questions GIFT questions (${size} KiB): lantai ${l} ms (median of $runs; parse + validate + write)," \
     "peer python3 regex split ${p} ms (parse only), wc -l ${w} ms"
awk -v l="$l" -v p="$p" -v w="$w" 'BEGIN { printf "ratio lantai/python: %.2f, lantai/wc: %.1f\n", (p > 0 ? l / p : 0), (w > 0 ? l / w : 0) }'
if (( l > 1000 )); then echo "FAIL: ${l} ms > 1000 ms target"; exit 1; fi
echo "OK: ≤ 1 s"
