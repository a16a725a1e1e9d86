#!/usr/bin/env bash
# tests: `lantai quiz import` / `lantai quiz export` end to end on a copy of tests/packs/valid-minimal
#
# usage: quiz_import.sh LANTAI PACKS_DIR [CONFORMANCE_DIR]
#   imports GIFT, CSV and Aiken files (exit 0, the pack still validates), a broken file and a
#   file that would break the pack (exit 1, every pack file byte-identical to before), --json,
#   export to GIFT and re-import (caught as a duplicate), and usage errors (exit 2).
set -u

lantai=$1
packs=$2
conformance=${3:-}
failures=0
work=$(mktemp -d /tmp/lantai-quiz-cli.XXXXXX)
trap 'rm -rf "$work"' EXIT

fail() {
    echo "FAIL: $*" >&2
    failures=$((failures + 1))
}

# run EXPECTED_RC OUTFILE ARGS... — stdout+stderr to OUTFILE, checks the exit code.
run() {
    local expected=$1 out=$2
    shift 2
    timeout 60 "$lantai" "$@" >"$out" 2>&1
    local rc=$?
    if [ "$rc" -ne "$expected" ]; then
        fail "lantai $* exited $rc, expected $expected; output:"
        sed 's/^/    /' "$out" >&2
        return 1
    fi
    return 0
}

expect_in() { # FILE TEXT
    grep -qF -- "$2" "$1" || { fail "expected \"$2\" in the output of the last command:"; sed 's/^/    /' "$1" >&2; }
}

snapshot() { (cd "$1" && find . -type f -print0 | sort -z | xargs -0 sha256sum; find . -type d | sort); }

fresh_pack() {
    rm -rf "$work/pack"
    cp -r "$packs/valid-minimal" "$work/pack"
}

# ---- GIFT into the default bank ------------------------------------------------------------
fresh_pack
cat >"$work/good.gift" <<'EOF'
// 示例题目
::archives-day::国际档案日是每年的哪一天？{
    =6 月 9 日#对！
    ~10 月 1 日#不对。
    ####国际档案理事会于 1948 年 6 月 9 日成立。
}

::sa::填空：兰台是哪个朝代的宫廷藏书处？{=汉代}

// [tag:兰台]
兰台是档案馆的雅称。{T####汉代宫中藏书档案之处称兰台。}
EOF
if run 0 "$work/out" quiz import "$work/good.gift" --format gift --into "$work/pack"; then
    expect_in "$work/out" "imported 2 questions into quiz/basics.json, skipped 1 (short answer at line 8)"
    expect_in "$work/out" "good.gift:8:1: warning [quiz.unsupported_type]"
fi
run 0 "$work/out" validate "$work/pack"
python3 - "$work/pack/quiz/basics.json" <<'EOF' || fail "basics.json does not hold the imported questions"
import json, sys
bank = json.load(open(sys.argv[1], encoding="utf-8"))
ids = [q["id"] for q in bank["questions"]]
assert ids[:2] == ["letter-year", "archives-keep-letters"], ids
assert "basics-archives-day" in ids and "basics-1" in ids, ids
q = next(q for q in bank["questions"] if q["id"] == "basics-archives-day")
assert q["options"][0]["correct"] is True and q["options"][0]["feedback"]["zh"] == "对！", q
assert q["explanation"]["zh"].startswith("国际档案理事会"), q
EOF

# ---- CSV template into a new bank ------------------------------------------------------------
template=$(cd "$(dirname "$0")/../../content" && pwd)/quiz-template.csv
if run 0 "$work/out" quiz import "$template" --into "$work/pack:archives-day"; then
    expect_in "$work/out" "imported 3 questions into quiz/archives-day.json"
fi
run 0 "$work/out" validate "$work/pack"
grep -q '"quiz/archives-day.json"' "$work/pack/pack.json" || fail "pack.json does not list the new bank"

# ---- a broken file imports nothing -----------------------------------------------------------
before=$(snapshot "$work/pack")
printf 'Q1 {=a ~b}\n\nQ2 {=a ~b\n\nQ3 {~x ~y}\n' >"$work/broken.gift"
if run 1 "$work/out" quiz import "$work/broken.gift" --format gift --into "$work/pack"; then
    expect_in "$work/out" "broken.gift:3:4: error [quiz.syntax]"
    expect_in "$work/out" "broken.gift:5:4: error [quiz.no_correct]"
    expect_in "$work/out" "nothing was imported"
fi
[ "$(snapshot "$work/pack")" = "$before" ] || fail "the pack changed after a broken import"

# A file that is fine on its own but would break the pack (unknown item): exit 1, untouched.
printf 'type,prompt_zh,option_a,option_b,correct,item\r\nsingle,Q,a,b,A,no-such-item\r\n' >"$work/dangling.csv"
if run 1 "$work/out" quiz import "$work/dangling.csv" --into "$work/pack:other"; then
    expect_in "$work/out" "dangling.csv:2: error [ref.dangling]"
fi
[ "$(snapshot "$work/pack")" = "$before" ] || fail "the pack changed after an import the pack validation refused"

# --json
run 1 "$work/out.json" quiz import "$work/broken.gift" --format gift --into "$work/pack" --json
python3 - "$work/out.json" <<'EOF' || fail "--json output is not what it should be"
import json, sys
d = json.load(open(sys.argv[1], encoding="utf-8"))
assert d["ok"] is False and d["imported"] == 0, d
assert any(x["code"] == "quiz.syntax" and x["line"] == 3 and x["column"] == 4 for x in d["diagnostics"]), d
for x in d["diagnostics"]:
    assert x["message"] and x["message_zh"] and x["file"].endswith("broken.gift"), x
EOF

# ---- export, and importing the export again is caught as a duplicate ------------------------
if run 0 "$work/out" quiz export "$work/pack:basics" --format gift -o "$work/basics.gift"; then
    expect_in "$work/basics.gift" "::letter-year::"
    expect_in "$work/basics.gift" "// [id:basics-1] [tag:兰台]"
fi
run 0 "$work/stdout.gift" quiz export "$work/pack" --format gift
grep -q "::basics-archives-day::" "$work/stdout.gift" || fail "export to stdout lacks a question"
before=$(snapshot "$work/pack")
if run 1 "$work/out" quiz import "$work/basics.gift" --into "$work/pack:again"; then
    expect_in "$work/out" "[quiz.id_duplicate]"
fi
[ "$(snapshot "$work/pack")" = "$before" ] || fail "the pack changed after a duplicate import"
# Into a pack without those questions the export imports cleanly, to the same questions.
fresh_pack
rm "$work/pack/quiz/basics.json"
python3 - "$work/pack/pack.json" <<'EOF'
import json, sys
p = json.load(open(sys.argv[1], encoding="utf-8"))
del p["quiz_banks"]
p["exhibitions"][0]["chapters"][0]["items"][0].pop("questions")
json.dump(p, open(sys.argv[1], "w", encoding="utf-8"), ensure_ascii=False, indent=2)
EOF
run 0 "$work/out" quiz import "$work/basics.gift" --into "$work/pack:basics" && run 0 "$work/out" validate "$work/pack"
run 0 "$work/out" quiz export "$work/pack" --format gift -o "$work/again.gift"
diff <(grep -v '^// Exported' "$work/basics.gift") <(grep -v '^// Exported' "$work/again.gift") >/dev/null ||
    fail "export -> import -> export changed the GIFT text"

# ---- Aiken: Moodle's error fixture fails on the lines Moodle reports --------------------------
if [ -n "$conformance" ] && [ -f "$conformance/aiken/aiken_errors.txt" ]; then
    if run 1 "$work/out" quiz import "$conformance/aiken/aiken_errors.txt" --format aiken --into "$work/pack"; then
        for line in 3 5 7 18; do expect_in "$work/out" "aiken_errors.txt:$line:1: error"; done
    fi
    run 0 "$work/out" quiz import "$conformance/aiken/questions.aiken.txt" --format aiken --into "$work/pack:aiken" --lang en
    expect_in "$work/out" "imported 2 questions into quiz/aiken.json"
else
    echo "note: conformance fixtures not found; Aiken fixture checks skipped" >&2
fi

# ---- usage and I/O errors ---------------------------------------------------------------------
run 2 "$work/out" quiz import "$work/good.gift"
run 2 "$work/out" quiz import "$work/nonexistent.gift" --into "$work/pack"
run 2 "$work/out" quiz import "$work/good.gift" --into "$work/no-such-pack"
cp "$work/good.gift" "$work/good.txt"
run 2 "$work/out" quiz import "$work/good.txt" --into "$work/pack"
run 2 "$work/out" quiz import "$work/good.gift" --format docx --into "$work/pack"
run 2 "$work/out" quiz export "$work/pack:no-such-bank"

if [ "$failures" -gt 0 ]; then
    echo "$failures check(s) failed" >&2
    exit 1
fi
echo "quiz import/export CLI: all checks passed"
