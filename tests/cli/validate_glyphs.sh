#!/usr/bin/env bash
# tests: `lantai validate` and `lantai build` warn about characters no kiosk font can draw
# (text.glyph_missing: the item and the field), about a derived/charset.txt older than the pack's
# text (derived.charset_stale), and say once that glyphs cannot be checked where the kiosk's fonts
# are not installed (text.glyphs_unchecked; LANTAI_FONT_DIRS points at an empty folder).
#
# usage: validate_glyphs.sh LANTAI PACKS_DIR
set -u
lantai=$1
packs=$2
failures=0
checks=0
work=$(mktemp -d /tmp/lantai-glyphs.XXXXXX)
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }

# run RC OUT ARGS... — lantai with ARGS must exit RC within 60 s; stdout+stderr in OUT
run() {
    local rc=$1 out=$2
    shift 2
    timeout 60 "$lantai" "$@" >"$out" 2>&1
    local got=$?
    checks=$((checks + 1))
    if [ "$got" -ne "$rc" ]; then
        fail "lantai $* exited $got, expected $rc:$(sed 's/^/\n    /' "$out")"
        return 1
    fi
}
# has OUT TEXT WHAT / lacks OUT TEXT WHAT — the output (does not) contain TEXT
has() { checks=$((checks + 1)); grep -qF -- "$2" "$1" || fail "$3: no '$2' in:$(sed 's/^/\n    /' "$1")"; }
lacks() { checks=$((checks + 1)); ! grep -qF -- "$2" "$1" || fail "$3: '$2' in:$(sed 's/^/\n    /' "$1")"; }
# count OUT CODE N — N diagnostics with [CODE]
count() {
    local n
    n=$(grep -cF "[$2]" "$1")
    checks=$((checks + 1))
    [ "$n" -eq "$3" ] || fail "$2 reported $n times, expected $3:$(sed 's/^/\n    /' "$1")"
}

glyph=$packs/broken/text.glyph_missing
item='/exhibitions/0/chapters/0/items/0'

# 1. The private-use character of the item's title is named with the item, the field and its
#    place; the Extension B characters and the emoji beside it are drawable and not named.
if run 0 "$work/out" validate --lang en "$glyph"; then
    count "$work/out" text.glyph_missing 1
    has "$work/out" 'pack.json:34:' "validate: the line of the title"
    has "$work/out" 'title/zh of item "letter-1931"' "validate: item and field"
    has "$work/out" "($item/title/zh)" "validate: the JSON pointer"
    has "$work/out" 'U+E000' "validate: the character"
    for drawable in U+21484 U+20000 U+1F600; do
        lacks "$work/out" "$drawable" "validate: $drawable has a glyph"
    done
fi
if run 0 "$work/out" validate --lang zh "$glyph"; then
    has "$work/out" '展品 "letter-1931" 的 title/zh' "validate --lang zh: item and field"
fi
if run 0 "$work/json" validate --json "$glyph"; then
    checks=$((checks + 1))
    python3 - "$work/json" "$item/title/zh" <<'PY' || fail "validate --json: no text.glyph_missing at the title"
import json, sys
data = json.load(open(sys.argv[1], encoding="utf-8"))
hits = [d for d in data if d["code"] == "text.glyph_missing"]
assert len(hits) == 1 and hits[0]["pointer"] == sys.argv[2] and hits[0]["severity"] == "warning", data
assert hits[0]["line"] == 34 and "letter-1931" in hits[0]["message"] and "U+E000" in hits[0]["message_zh"], hits
PY
fi

# 2. `lantai build` reports the same warning and still builds.
cp -r "$glyph" "$work/built"
if run 0 "$work/out" build --lang en "$work/built"; then
    count "$work/out" text.glyph_missing 1
    has "$work/out" 'title/zh of item "letter-1931"' "build: item and field"
    has "$work/out" 'Built ' "build: the pack is built"
fi

# 3. Without the kiosk's fonts: one text.glyphs_unchecked naming the packages; the private-use
#    character is still certain.
mkdir -p "$work/no-fonts"
if LANTAI_FONT_DIRS=$work/no-fonts run 0 "$work/out" validate --lang en "$glyph"; then
    count "$work/out" text.glyphs_unchecked 1
    count "$work/out" text.glyph_missing 1
    has "$work/out" 'fonts-noto-cjk' "no fonts: the package to install"
    has "$work/out" "$work/no-fonts" "no fonts: where they were looked for"
fi
if LANTAI_FONT_DIRS=$work/no-fonts run 0 "$work/out" validate --lang en "$packs/valid-minimal"; then
    count "$work/out" text.glyphs_unchecked 1
    count "$work/out" text.glyph_missing 0
fi

# 4. A charset older than pack.json: validate names what it lacks; build rewrites it and says
#    nothing about it; validate is then quiet.
stale=$packs/broken/derived.charset_stale
if run 0 "$work/out" validate --lang en "$stale"; then
    count "$work/out" derived.charset_stale 1
    has "$work/out" 'derived/charset.txt: warning [derived.charset_stale]' "stale: file and code"
    has "$work/out" '家 U+5BB6' "stale: the character the file lacks"
fi
cp -r "$stale" "$work/stale"
if run 0 "$work/out" build --lang en "$work/stale"; then
    count "$work/out" derived.charset_stale 0
fi
if run 0 "$work/out" validate --lang en "$work/stale"; then
    count "$work/out" derived.charset_stale 0
    has "$work/out" '0 errors, 0 warnings' "after build: nothing to warn"
fi
# Only the contents count: a charset.txt touched after pack.json but still stale is reported.
cp -r "$stale" "$work/touched"
touch "$work/touched/derived/charset.txt"
if run 0 "$work/out" validate --lang en "$work/touched"; then
    count "$work/out" derived.charset_stale 1
fi

if [ "$failures" -ne 0 ]; then
    echo "$failures of $checks checks failed" >&2
    exit 1
fi
echo "ok: $checks checks"
