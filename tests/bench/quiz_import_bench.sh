#!/usr/bin/env bash
# tests/bench: `lantai quiz import` of a generated 10,000-question GIFT file into a copy of
# tests/packs/valid-minimal (parse, validate the pack before and after, write), side by side
# with peers on the same file: python3 splitting it into blocks and answers with regular
# expressions (parsing only, no checks, no writing) and `wc -l` as the floor. Prints medians
# and ratios. Target: ≤ 1 s for the whole import.
set -euo pipefail
lantai=${1:?usage: quiz_import_bench.sh PATH/TO/lantai [QUESTIONS]}
questions=${2:-10000}
here=$(cd "$(dirname "$0")" && pwd)
work=${LANTAI_BENCH_DIR:-/tmp/lantai-bench}/quiz-$questions
rm -rf "$work"
mkdir -p "$work"
runs=5

# single choice with feedback and partial credit, true/false with feedback and tags, multiple
# answers with weights, and every 50th question a short answer (skipped with a warning).
python3 - "$work/questions.gift" "$questions" <<'EOF'
import sys
path, n = sys.argv[1], int(sys.argv[2])
with open(path, "w", encoding="utf-8") as f:
    f.write("$CATEGORY: $course$/基准测试\n\n")
    for i in range(n):
        if i % 50 == 49:
            f.write(f"::短答 {i}::第 {i} 题：兰台是哪个朝代的藏书处？{{=汉代 =汉朝}}\n\n")
        elif i % 3 == 0:
            f.write(f"// question {i}\n::题目 {i}::第 {i} 题：档案馆保存什么？\\{{原件\\}}{{\n"
                    f"\t=档案 {i}#对，档案是历史的原始记录。\n\t~%50%图书#部分正确。\n\t~报纸#不对。\n"
                    f"\t####档案馆保存档案原件；图书馆保存图书。\n}}\n\n")
        elif i % 3 == 1:
            f.write(f"// [tag:兰台] [tag:test-{i % 7}]\nQuestion {i}: archives keep letters \\& photos.{{TRUE#No.#Yes.####They do.}}\n\n")
        else:
            f.write(f"Pick the two correct answers for {i}: {{~%50%a {i} ~%50%b {i} ~%-100%c {i} # no}}\n\n")
EOF

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
