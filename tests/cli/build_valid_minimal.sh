#!/usr/bin/env bash
# tests: `lantai build` + `lantai info` on a copy of valid-minimal — derived files, incremental rebuild
#
# usage: build_valid_minimal.sh LANTAI VALID_MINIMAL_DIR
set -u

lantai=$1
source_pack=$2
failures=0

fail() {
    echo "FAIL: $*" >&2
    failures=$((failures + 1))
}

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pack=$tmp/valid-minimal
cp -r "$source_pack" "$pack" || { echo "FAIL: cannot copy $source_pack" >&2; exit 1; }
rm -rf "$pack/derived"

# lantai_run OUTFILE ARGS... — exit code of lantai (124 on timeout), output in OUTFILE.
lantai_run() {
    local out=$1
    shift
    timeout 60 "$lantai" "$@" >"$out" 2>&1
}

# first build
lantai_run "$tmp/build1" build --lang en "$pack"
rc=$?
if [ "$rc" -ne 0 ]; then
    fail "lantai build exited $rc:"
    sed 's/^/    /' "$tmp/build1" >&2
else
    grep -q "1 images (1 built, 0 up to date)" "$tmp/build1" ||
        fail "first build does not report 1 image built: $(cat "$tmp/build1")"
fi

for f in derived/index.json derived/charset.txt; do
    [ -s "$pack/$f" ] || fail "$f missing or empty after build"
done
infos=("$pack"/derived/iiif/*/info.json)
if [ ! -f "${infos[0]}" ]; then
    fail "no derived/iiif/*/info.json after build"
else
    [ -f "$pack/derived/iiif/images_letter_png/info.json" ] || fail "derived/iiif/images_letter_png/info.json missing"
fi
[ -f "$pack/derived/thumbs/images_letter_png.jpg" ] || fail "derived/thumbs/images_letter_png.jpg missing"

python3 - "$pack" <<'EOF' || fail "derived/ content check"
import json, os, sys
pack = sys.argv[1]
index = json.load(open(os.path.join(pack, "derived/index.json"), encoding="utf-8"))
assert index["format_version"] == 1, index
for f in ("pack.json", "quiz/basics.json", "images/letter.png"):
    assert f in index["files"], "index.json files lacks " + f
    assert len(index["files"][f]["sha256"]) == 64, index["files"][f]
assert not any(f.startswith("derived/") for f in index["files"]), "derived/ listed as a source file"
image = index["images"]["images/letter.png"]
assert (image["width"], image["height"]) == (8, 8), image
assert image["key"] == "images_letter_png", image
info = json.load(open(os.path.join(pack, "derived/iiif/images_letter_png/info.json"), encoding="utf-8"))
assert info["id"] == "iiif/images_letter_png", info
assert info["profile"] == "level0", info
assert (info["width"], info["height"]) == (8, 8), info
charset = open(os.path.join(pack, "derived/charset.txt"), encoding="utf-8").read()
for ch in "最小测试内容包Minimal":
    assert ch in charset, "charset.txt lacks " + ch
assert "\n" not in charset, "charset.txt has a newline"
assert list(charset) == sorted(set(charset)), "charset.txt is not sorted and unique"
EOF

# rebuild: nothing changed, the image is reused
lantai_run "$tmp/build2" build --lang en "$pack"
rc=$?
if [ "$rc" -ne 0 ]; then
    fail "second lantai build exited $rc: $(cat "$tmp/build2")"
else
    grep -q "(0 built, 1 up to date)" "$tmp/build2" ||
        fail "rebuild does not report the image up to date: $(cat "$tmp/build2")"
fi

# the built pack still validates cleanly (derived/ is not content)
lantai_run "$tmp/validate" validate --lang en "$pack"
rc=$?
[ "$rc" -eq 0 ] || fail "validate after build exited $rc: $(cat "$tmp/validate")"

# info prints the title, in either language
lantai_run "$tmp/info" info --lang en "$pack"
rc=$?
if [ "$rc" -ne 0 ]; then
    fail "lantai info exited $rc: $(cat "$tmp/info")"
else
    grep -q "Minimal test pack" "$tmp/info" || fail "info --lang en does not print the title: $(cat "$tmp/info")"
    grep -q "Built" "$tmp/info" || fail "info does not report the build"
fi
lantai_run "$tmp/info-zh" info --lang zh "$pack"
rc=$?
if [ "$rc" -ne 0 ]; then
    fail "lantai info --lang zh exited $rc"
else
    grep -q "最小测试内容包" "$tmp/info-zh" || fail "info --lang zh does not print the Chinese title: $(cat "$tmp/info-zh")"
fi

# a changed image is rebuilt
python3 - "$pack/images/letter.png" <<'EOF'
import struct, sys, zlib
def chunk(kind, data):
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
raw = (b"\x00" + b"\x10\x20\x30" * 16) * 12
open(sys.argv[1], "wb").write(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 16, 12, 8, 2, 0, 0, 0))
                              + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))
EOF
lantai_run "$tmp/build3" build --lang en "$pack"
rc=$?
if [ "$rc" -ne 0 ]; then
    fail "build after changing the image exited $rc: $(cat "$tmp/build3")"
else
    grep -q "(1 built, 0 up to date)" "$tmp/build3" || fail "changed image not rebuilt: $(cat "$tmp/build3")"
    python3 -c '
import json, sys
info = json.load(open(sys.argv[1]))
assert (info["width"], info["height"]) == (16, 12), info' "$pack/derived/iiif/images_letter_png/info.json" ||
        fail "info.json not updated after the image changed"
fi

# build on a broken pack fails without writing derived/
broken=$tmp/broken
cp -r "$source_pack" "$broken"
rm -rf "$broken/derived"
sed -i 's/"images\/letter.png"/"images\/missing.png"/' "$broken/pack.json"
lantai_run "$tmp/build4" build --lang en "$broken"
rc=$?
[ "$rc" -eq 1 ] || fail "build of a broken pack exited $rc, expected 1: $(cat "$tmp/build4")"
grep -q "asset.missing" "$tmp/build4" || fail "build of a broken pack does not report asset.missing"
[ ! -e "$broken/derived/index.json" ] || fail "build of a broken pack wrote derived/index.json"

if [ "$failures" -ne 0 ]; then
    echo "$failures failure(s)" >&2
    exit 1
fi
echo "ok: build, rebuild, info on valid-minimal"
