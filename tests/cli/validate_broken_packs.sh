#!/usr/bin/env bash
# tests: `lantai validate` on the committed test packs — exit codes, human output, --json output
#
# usage: validate_broken_packs.sh LANTAI PACKS_DIR broken|valid
#   broken: every PACKS_DIR/broken/<name>/ (with expect.json): exit 1 for an error, 2 for
#           pack.not_found, 0 for a warning-only pack; the output names file, line and JSON
#           pointer; --json parses and has every field; plus usage errors exit 2.
#   valid:  PACKS_DIR/valid-minimal validates with exit 0 and no diagnostics.
set -u

lantai=$1
packs=$2
mode=${3:-broken}
failures=0
checked=0

fail() {
    echo "FAIL: $*" >&2
    failures=$((failures + 1))
}

# run EXPECTED_RC OUTFILE ARGS... — runs lantai with a time limit, stdout+stderr to OUTFILE.
run() {
    local expected=$1 out=$2
    shift 2
    timeout 60 "$lantai" "$@" >"$out" 2>&1
    local rc=$?
    if [ "$rc" -eq 124 ]; then
        fail "lantai $* timed out"
        return 1
    fi
    if [ "$rc" -ne "$expected" ]; then
        fail "lantai $* exited $rc, expected $expected; output:"
        sed 's/^/    /' "$out" >&2
        return 1
    fi
    return 0
}

# check_json JSONFILE CODE SEVERITY FILE POINTER LINE — the --json output is an array of
# diagnostics with every documented field, one of which matches.
check_json() {
    python3 - "$@" <<'EOF'
import json, sys
path, code, severity, file, pointer, line = sys.argv[1:7]
try:
    with open(path, encoding="utf-8") as f:
        data = json.load(f)
except Exception as e:
    sys.exit("--json output does not parse: %s" % e)
if not isinstance(data, list):
    sys.exit("--json output is not an array")
fields = {"severity": str, "code": str, "file": str, "pointer": str, "line": int, "column": int,
          "message": str, "message_zh": str}
for d in data:
    for name, kind in fields.items():
        if not isinstance(d.get(name), kind):
            sys.exit("diagnostic lacks %s (%s): %r" % (name, kind.__name__, d))
    if not d["message"] or not d["message_zh"]:
        sys.exit("diagnostic without message: %r" % d)
if code == "-":
    if data:
        sys.exit("expected no diagnostics, got %r" % data)
    sys.exit(0)
for d in data:
    if (d["code"], d["severity"], d["file"], d["pointer"]) == (code, severity, file, pointer) and \
            (line == "" or d["line"] == int(line)):
        sys.exit(0)
sys.exit("no %s [%s] %s %s (line %s) in %r" % (severity, code, file, pointer, line or "-", data))
EOF
}

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

if ! [ -x "$lantai" ]; then
    echo "FAIL: $lantai is not executable" >&2
    exit 1
fi

if [ "$mode" = valid ]; then
    dir=$packs/valid-minimal
    if run 0 "$tmp/out" validate --lang en "$dir"; then
        grep -q "Pack is valid" "$tmp/out" || fail "validate valid-minimal does not say the pack is valid"
        grep -q "0 errors, 0 warnings" "$tmp/out" || fail "validate valid-minimal does not report 0 errors, 0 warnings"
    fi
    if run 0 "$tmp/out" validate --lang zh "$dir"; then
        grep -q "内容包有效" "$tmp/out" || fail "validate --lang zh is not in Chinese"
    fi
    if timeout 60 "$lantai" validate --json "$dir" >"$tmp/json" 2>"$tmp/err"; then
        check_json "$tmp/json" - - - - "" || fail "validate --json valid-minimal"
    else
        fail "validate --json valid-minimal exited $?"
    fi
    checked=1
else
    for dir in "$packs"/broken/*/; do
        dir=${dir%/}
        name=$(basename "$dir")
        if ! [ -f "$dir/expect.json" ]; then
            fail "$name has no expect.json"
            continue
        fi
        read -r code severity file pointer line < <(python3 -c '
import json, sys
e = json.load(open(sys.argv[1], encoding="utf-8"))
print(e["code"], e["severity"], e["file"], e["pointer"] or "-", e.get("line", ""))' "$dir/expect.json")
        [ "$pointer" = "-" ] && pointer=""
        if [ "$code" = pack.not_found ]; then expected=2
        elif [ "$severity" = error ]; then expected=1
        else expected=0
        fi
        checked=$((checked + 1))

        # human output: "file:line:column: severity [code] message (pointer)"
        if run "$expected" "$tmp/out" validate --lang en "$dir"; then
            prefix=$file
            [ -n "$line" ] && prefix="$file:$line:"
            grep -F "[$code]" "$tmp/out" | grep -F "$prefix" | grep -qF "$severity" ||
                fail "$name: no '$prefix ... $severity [$code]' line in the output:$(sed 's/^/\n    /' "$tmp/out")"
            if [ -n "$pointer" ]; then
                grep -F "[$code]" "$tmp/out" | grep -qF "($pointer)" ||
                    fail "$name: output does not name the pointer $pointer"
            fi
        fi
        # Chinese output names the same place.
        if run "$expected" "$tmp/out" validate --lang zh "$dir"; then
            grep -F "[$code]" "$tmp/out" | grep -qF "$file" || fail "$name: --lang zh output lacks [$code] $file"
        fi
        # --json: diagnostics on stdout, same exit code
        timeout 60 "$lantai" validate --json "$dir" >"$tmp/json" 2>"$tmp/err"
        rc=$?
        if [ "$rc" -ne "$expected" ]; then
            fail "$name: validate --json exited $rc, expected $expected"
        else
            msg=$(check_json "$tmp/json" "$code" "$severity" "$file" "$pointer" "$line" 2>&1) ||
                fail "$name: --json: $msg"
        fi
    done
    [ "$checked" -ge 20 ] || fail "only $checked broken packs found under $packs/broken"

    # usage errors exit 2
    run 2 "$tmp/out" validate || true
    run 2 "$tmp/out" validate --no-such-option "$packs/valid-minimal" || true
    run 2 "$tmp/out" validate --lang fr "$packs/valid-minimal" || true
    run 2 "$tmp/out" || true
    run 2 "$tmp/out" no-such-command || true
    run 2 "$tmp/out" validate "$packs/does-not-exist" || true
fi

if [ "$failures" -ne 0 ]; then
    echo "$failures failure(s) in $checked pack(s)" >&2
    exit 1
fi
echo "ok: $checked pack(s) checked ($mode)"
