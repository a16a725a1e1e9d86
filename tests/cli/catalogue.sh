#!/usr/bin/env bash
# tests: `lantai catalogue export` / `lantai catalogue import` end to end, with sheets written by
# libxlsxwriter (the export) and by Python's openpyxl (Debian python3-openpyxl), CSV in UTF-8 and
# GB18030, a hand-made ODS file, a mapping file and an images folder
#
# usage: catalogue.sh LANTAI PACKS_DIR README [DEMO_PACK]
#   round trip (export, import unchanged: zero changes, pack untouched; one cell edited in
#   openpyxl: exactly that field, the pack validates), a catalogue written from scratch
#   (synonym headers, a title row, 档号 as numbers, serial dates, a formula without a value),
#   broken sheets (exit 1, every bad cell named, every pack file byte-identical), encodings,
#   --images, --mapping, --sheet, --json, usage errors (exit 2); on the built demo pack: a curator's
#   edits in openpyxl (pack.json changes in exactly those members, quiz banks untouched, the pack
#   validates) and its CSV saved again as GB18030; and every `lantai catalogue` command README.md
#   shows is run here with every option it names.
set -u

lantai=$1
packs=$2
readme=$3
demo=${4:-}
failures=0
work=$(mktemp -d /tmp/lantai-catalogue-cli.XXXXXX)
trap 'rm -rf "$work"' EXIT
ran="$work/ran.log" # every catalogue command run, for the README check at the end

fail() {
    echo "FAIL: $*" >&2
    failures=$((failures + 1))
}

# Debian's python3-openpyxl: the python3 on PATH may be another installation.
py=""
for candidate in python3 /usr/bin/python3; do
    if "$candidate" -c "import openpyxl" 2>/dev/null; then py=$candidate; break; fi
done
if [ -z "$py" ]; then
    echo "FAIL: no python3 with openpyxl (Debian package python3-openpyxl; deploy/install-deps.sh)" >&2
    exit 1
fi

# run EXPECTED_RC OUTFILE ARGS... — stdout to OUTFILE, stderr to OUTFILE.err; checks the exit code.
run() {
    local expected=$1 out=$2
    shift 2
    echo "$*" >>"$ran"
    timeout 120 "$lantai" "$@" >"$out" 2>"$out.err"
    local rc=$?
    if [ "$rc" -ne "$expected" ]; then
        fail "lantai $* exited $rc, expected $expected; output:"
        sed 's/^/    /' "$out" "$out.err" >&2
        return 1
    fi
    return 0
}

expect_in() { # FILE TEXT
    grep -qF -- "$2" "$1" || { fail "expected \"$2\" in $1:"; sed 's/^/    /' "$1" >&2; }
}

snapshot() { (cd "$1" && find . -type f -print0 | sort -z | xargs -0 sha256sum; find . -type d | sort); }

fresh_pack() {
    rm -rf "$work/pack"
    cp -r "$packs/valid-minimal" "$work/pack"
}

# ---- round trip on the test pack -----------------------------------------------------------
fresh_pack
before=$(snapshot "$work/pack")
run 0 "$work/out" catalogue export "$work/pack" "$work/cat.xlsx" && expect_in "$work/out" "exported 1 item to"
run 0 "$work/out" catalogue export "$work/pack" "$work/cat.csv"
head -c 3 "$work/cat.csv" | od -An -tx1 | grep -q "ef bb bf" || fail "the CSV has no UTF-8 BOM"
grep -q $'\r$' "$work/cat.csv" || fail "the CSV lines do not end in CRLF"
for file in cat.xlsx cat.csv; do
    if run 0 "$work/out" catalogue import "$work/pack" "$work/$file"; then
        expect_in "$work/out" "0 items updated (0 fields), 0 created"
        expect_in "$work/out" "nothing to change; the pack was not written."
    fi
done
[ "$(snapshot "$work/pack")" = "$before" ] || fail "importing the unchanged export changed the pack"

# The export as openpyxl sees it: frozen header row, bilingual headers, text columns.
"$py" - "$work/cat.xlsx" <<'EOF' || fail "the exported XLSX is not what openpyxl expects"
import sys, openpyxl
ws = openpyxl.load_workbook(sys.argv[1]).active
assert ws.title == "目录", ws.title
assert ws.freeze_panes == "A2", ws.freeze_panes
assert ws["E1"].value == "题名 Title" and ws["D1"].value == "档号 Reference code", ws["E1"].value
assert ws["D2"].value == "J001-001-0001" and ws["D2"].number_format == "@"
assert ws.column_dimensions["E"].width > 30
EOF

# One cell edited in openpyxl: exactly that field changes.
"$py" - "$work/cat.xlsx" "$work/edited.xlsx" <<'EOF'
import sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
wb.active["F2"] = "A letter written in 1931"
wb.save(sys.argv[2])
EOF
if run 0 "$work/out" catalogue import "$work/pack" "$work/edited.xlsx" --dry-run; then
    expect_in "$work/out" "update letter-1931 (reference J001-001-0001, 目录!2:2)"
    expect_in "$work/out" '  title.en (目录!F2): "A letter from 1931" → "A letter written in 1931"'
    expect_in "$work/out" "1 item updated (1 field), 0 created"
    expect_in "$work/out" "dry run: nothing was changed"
fi
[ "$(snapshot "$work/pack")" = "$before" ] || fail "--dry-run changed the pack"
if run 0 "$work/out" catalogue import "$work/pack" "$work/edited.xlsx" --dry-run --json; then
    "$py" - "$work/out" <<'EOF' || fail "--json is not the documented shape"
import json, sys
out = json.load(open(sys.argv[1], encoding="utf-8"))
assert out["ok"] is True and out["dry_run"] is True and out["applied"] is False, out
assert out["sheet"] == "目录" and out["header_row"] == 1
assert out["summary"] == {"rows": 1, "updated": 1, "created": 0, "unchanged": 0,
                          "not_in_sheet": 0, "fields_changed": 1, "images_copied": 0}, out["summary"]
change, = out["changes"]
assert change["action"] == "update" and change["item"] == "letter-1931" and change["row"] == "目录!2:2"
assert change["fields"] == [{"field": "title.en", "cell": "目录!F2", "old": "A letter from 1931",
                             "new": "A letter written in 1931"}], change["fields"]
assert out["columns"][3] == {"column": "D", "header": "档号 Reference code", "field": "reference",
                             "source": "auto"}
assert out["images"] == [] and out["diagnostics"] == []
EOF
fi
cp "$work/pack/pack.json" "$work/pack.json.before"
if run 0 "$work/out" catalogue import "$work/pack" "$work/edited.xlsx"; then
    expect_in "$work/out" "applied to $work/pack."
fi
run 0 "$work/out" validate "$work/pack"
"$py" - "$work/pack.json.before" "$work/pack/pack.json" <<'EOF' || fail "applying changed more than the edited field"
import json, sys
before = json.load(open(sys.argv[1], encoding="utf-8"))
after = json.load(open(sys.argv[2], encoding="utf-8"))
before["exhibitions"][0]["chapters"][0]["items"][0]["title"]["en"] = "A letter written in 1931"
assert before == after
EOF
run 0 "$work/out" catalogue import "$work/pack" "$work/edited.xlsx" && expect_in "$work/out" "0 items updated"

# ---- a catalogue written from scratch in openpyxl ---------------------------------------------
fresh_pack
"$py" - "$work/scratch.xlsx" <<'EOF'
import sys, datetime, openpyxl
wb = openpyxl.Workbook()
notes = wb.active
notes.title = "填写说明"
notes["A1"] = "请在“目录”工作表中填写"
ws = wb.create_sheet("目录")
ws.append(["某某档案馆馆藏目录"])
ws.merge_cells("A1:F1")
ws.append(["参考号", "标题", "日期", "单元", "文件名", "责任者"])
ws.append(["J001-001-0001", "一九三一年的一封信（修订）", "1931年5月", "", "images/letter.png", "张三"])
ws.append([1002, "新增的档案", datetime.date(1949, 10, 1), "早年", "images/letter.png", "李四"])
ws["C4"].number_format = 'yyyy"年"m"月"'
ws.append([])
ws.append(["J001-0003", "公式题名", 1950, "early-years", "images/letter.png", None])
wb.save(sys.argv[1])
EOF
if run 0 "$work/out" catalogue import "$work/pack" "$work/scratch.xlsx" --dry-run; then
    expect_in "$work/out" 'sheet "目录": 3 data rows, header row 2'
    expect_in "$work/out" "F 责任者 (not imported)"
    expect_in "$work/out" '  title.zh (目录!B3): "一九三一年的一封信" → "一九三一年的一封信（修订）"'
    expect_in "$work/out" "create 1002 in letters/early-years (目录!4:4)"
    expect_in "$work/out" '  date (目录!C4): "1949-10"'
    expect_in "$work/out" "create j001-0003 in letters/early-years (目录!6:6)"
    expect_in "$work/out.err" "warning [catalogue.unknown_column]"
    expect_in "$work/out.err" "(目录!F2)"
fi
run 0 "$work/out" catalogue import "$work/pack" "$work/scratch.xlsx" --dry-run --sheet 目录
if run 1 "$work/out" catalogue import "$work/pack" "$work/scratch.xlsx" --sheet 填写说明; then
    expect_in "$work/out.err" "error [catalogue.header_missing]"
fi
run 2 "$work/out" catalogue import "$work/pack" "$work/scratch.xlsx" --sheet Sheet9 && expect_in "$work/out.err" '"填写说明", "目录"'

# ---- broken sheets change nothing and name every bad cell --------------------------------------
fresh_pack
before=$(snapshot "$work/pack")
"$py" - "$work/broken.xlsx" <<'EOF'
import sys, openpyxl
wb = openpyxl.Workbook()
ws = wb.active
ws.title = "目录"
ws.append(["档号", "题名", "年代", "单元", "重点展品", "文件名"])
ws.append(["J001-001-0001", "一封信", "民国时期", "", "", "images/letter.png"])
ws.append(["J001-001-0001", "重复的档号", "1931", "", "", "images/letter.png"])
ws.append(["J-9", "单元不存在", "1931", "无此单元", "", "images/letter.png"])
ws.append(["J-10", "公式", "=TODAY()", "early-years", "也许", "images/letter.png"])
ws.append(["J-11", "", "1931", "early-years", "", "images/letter.png"])
wb.save(sys.argv[1])
EOF
if run 1 "$work/out" catalogue import "$work/pack" "$work/broken.xlsx"; then
    for expected in "broken.xlsx:2:3: error [catalogue.date_invalid]" \
        "broken.xlsx:3:1: error [catalogue.reference_duplicate]" "(目录!A3)" \
        "broken.xlsx:4:4: error [catalogue.chapter_unknown]" \
        "broken.xlsx:5:3: error [catalogue.formula_without_value]" \
        "broken.xlsx:5:5: error [catalogue.value_invalid]" \
        "nothing was changed, the pack is as it was."; do
        expect_in "$work/out.err" "$expected"
    done
fi
run 1 "$work/out" catalogue import "$work/pack" "$work/broken.xlsx" --json
"$py" - "$work/out" <<'EOF' || fail "--json of a broken sheet"
import json, sys
out = json.load(open(sys.argv[1], encoding="utf-8"))
assert out["ok"] is False and out["applied"] is False
cells = {d["pointer"] for d in out["diagnostics"] if d["severity"] == "error"}
assert {"目录!C2", "目录!A3", "目录!D4", "目录!C5", "目录!E5"} <= cells, cells
EOF
# A new item whose title is empty: the resulting pack would not load; named at its cell.
"$py" - "$work/empty-title.xlsx" <<'EOF'
import sys, openpyxl
wb = openpyxl.Workbook()
ws = wb.active
ws.title = "目录"
ws.append(["档号", "题名", "单元", "文件名"])
ws.append(["J-11", "", "early-years", "images/letter.png"])
wb.save(sys.argv[1])
EOF
if run 1 "$work/out" catalogue import "$work/pack" "$work/empty-title.xlsx"; then
    expect_in "$work/out.err" "empty-title.xlsx:2:2: error [text.empty]"
    expect_in "$work/out.err" "(目录!B2)"
fi
[ "$(snapshot "$work/pack")" = "$before" ] || fail "a broken sheet changed the pack"

# ---- CSV: GB18030 (Chinese Excel's "CSV"), a quoted line break, CRLF -------------------------
fresh_pack
"$py" - "$work/gbk.csv" <<'EOF'
import sys
text = '档号,题名,图说\r\nJ001-001-0001,一九三一年的一封信,"第一行\r\n第二行"\r\n'
open(sys.argv[1], "wb").write(text.encode("gb18030"))
EOF
if run 0 "$work/out" catalogue import "$work/pack" "$work/gbk.csv" --dry-run; then
    expect_in "$work/out" '  caption.zh (2:25): "手写信札，一页" → "第一行\n第二行"'
fi
run 0 "$work/out" catalogue import "$work/pack" "$work/gbk.csv" --dry-run --encoding gb18030
if run 1 "$work/out" catalogue import "$work/pack" "$work/gbk.csv" --encoding utf-8; then
    expect_in "$work/out.err" "gbk.csv:1:1: error [catalogue.encoding]"
fi
run 0 "$work/out" catalogue import "$work/pack" "$work/gbk.csv"
run 0 "$work/out" validate "$work/pack"

# ---- ODS (a minimal OpenDocument spreadsheet made with zipfile) -------------------------------
fresh_pack
"$py" - "$work/cat.ods" <<'EOF'
import sys, zipfile
content = """<?xml version="1.0" encoding="UTF-8"?>
<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"
 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2">
<office:body><office:spreadsheet><table:table table:name="目录">
<table:table-row><table:table-cell office:value-type="string"><text:p>档号</text:p></table:table-cell>
<table:table-cell office:value-type="string"><text:p>年代</text:p></table:table-cell></table:table-row>
<table:table-row><table:table-cell office:value-type="string"><text:p>J001-001-0001</text:p></table:table-cell>
<table:table-cell office:value-type="date" office:date-value="1931-06-01"><text:p>1931-06-01</text:p></table:table-cell></table:table-row>
</table:table></office:spreadsheet></office:body></office:document-content>"""
manifest = """<?xml version="1.0" encoding="UTF-8"?>
<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">
<manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>
<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>
</manifest:manifest>"""
with zipfile.ZipFile(sys.argv[1], "w") as z:
    z.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.spreadsheet")
    z.writestr("content.xml", content, zipfile.ZIP_DEFLATED)
    z.writestr("META-INF/manifest.xml", manifest, zipfile.ZIP_DEFLATED)
EOF
run 0 "$work/out" catalogue import "$work/pack" "$work/cat.ods" --dry-run && expect_in "$work/out" '  date (目录!B2): "1931-05" → "1931-06-01"'

# ---- --images DIR and --mapping ---------------------------------------------------------------
fresh_pack
mkdir -p "$work/scans/ch1"
cp "$packs/valid-minimal/images/letter.png" "$work/scans/ch1/new-scan.png"
printf 'not an image' >"$work/scans/fake.jpg"
cat >"$work/mapping.json" <<'EOF'
{"lantai_catalogue_mapping": 1, "sheet": "卷内目录",
 "columns": {"编号": "reference", "文件题名": "title.zh", "所属单元": "chapter", "扫描件": "images", "备注": null}}
EOF
"$py" - "$work/mapped.xlsx" <<'EOF'
import sys, openpyxl
wb = openpyxl.Workbook()
ws = wb.active
ws.title = "卷内目录"
ws.append(["编号", "文件题名", "所属单元", "扫描件", "备注"])
ws.append(["J-20", "新扫描的信", "early-years", "ch1/new-scan.png", "无"])
wb.save(sys.argv[1])
ws["D2"] = "fake.jpg"
wb.save(sys.argv[1].replace(".xlsx", "-fake.xlsx"))
EOF
before=$(snapshot "$work/pack")
if run 1 "$work/out" catalogue import "$work/pack" "$work/mapped-fake.xlsx" --mapping "$work/mapping.json" --images "$work/scans"; then
    expect_in "$work/out.err" "error [asset.type_mismatch]"
    expect_in "$work/out.err" "(卷内目录!D2)"
fi
[ "$(snapshot "$work/pack")" = "$before" ] || fail "a failed --images import changed the pack"
if run 0 "$work/out" catalogue import "$work/pack" "$work/mapped.xlsx" --mapping "$work/mapping.json" --images "$work/scans" --json; then
    "$py" - "$work/out" <<'EOF' || fail "--images --json"
import json, sys
out = json.load(open(sys.argv[1], encoding="utf-8"))
assert out["applied"] is True and out["summary"]["created"] == 1, out
assert out["images"][0]["file"] == "images/ch1/new-scan.png" and out["images"][0]["cell"] == "卷内目录!D2"
assert [c["source"] for c in out["columns"]] == ["mapping"] * 4 + ["ignored"], out["columns"]
EOF
fi
cmp -s "$work/scans/ch1/new-scan.png" "$work/pack/images/ch1/new-scan.png" || fail "the image was not copied into the pack"
run 0 "$work/out" validate "$work/pack"

# ---- the pack's remembered mapping (catalogue-mapping.json, what the editor's import saves) ----
fresh_pack
cp "$work/mapping.json" "$work/pack/catalogue-mapping.json"
if run 0 "$work/out" catalogue import "$work/pack" "$work/mapped.xlsx" --images "$work/scans" --dry-run --json; then
    "$py" - "$work/out" <<'EOF' || fail "the pack's catalogue-mapping.json is used without --mapping"
import json, sys
out = json.load(open(sys.argv[1], encoding="utf-8"))
assert out["mapping"].endswith("catalogue-mapping.json"), out["mapping"]
assert [c["source"] for c in out["columns"]] == ["mapping"] * 4 + ["ignored"], out["columns"]
assert out["summary"]["created"] == 1 and out["ok"], out
EOF
fi
# Its sheet is a preference: a CSV (one sheet named after the file) still imports with it.
printf '\xef\xbb\xbf编号,文件题名\r\nJ001-001-0001,甲（CSV）\r\n' >"$work/mapped.csv"
if run 0 "$work/out" catalogue import "$work/pack" "$work/mapped.csv" --dry-run; then
    expect_in "$work/out" "catalogue-mapping.json"
    expect_in "$work/out" '"甲（CSV）"'
fi
# --mapping wins over it; a broken one is an error naming the file, and nothing changes.
printf '{"lantai_catalogue_mapping": 1, "columns": {"编号": "reference", "文件题名": "title.en"}}\n' >"$work/mapping-en.json"
if run 0 "$work/out" catalogue import "$work/pack" "$work/mapped.csv" --mapping "$work/mapping-en.json" --dry-run --json; then
    expect_in "$work/out" "\"mapping\": \"$work/mapping-en.json\""
    expect_in "$work/out" '"field": "title.en"'
fi
printf '{"lantai_catalogue_mapping": 1,\n "columns": {"编号": "number"}}\n' >"$work/pack/catalogue-mapping.json"
before=$(snapshot "$work/pack")
if run 1 "$work/out" catalogue import "$work/pack" "$work/mapped.xlsx"; then
    expect_in "$work/out.err" "catalogue-mapping.json:2"
    expect_in "$work/out.err" "[catalogue.mapping_invalid]"
fi
[ "$(snapshot "$work/pack")" = "$before" ] || fail "a broken catalogue-mapping.json changed the pack"
# The validator accepts a pack that carries the file (the kiosk and the gallery never read it).
run 0 "$work/out" validate "$work/pack"
fresh_pack

# ---- usage and I/O errors ---------------------------------------------------------------------
run 2 "$work/out" catalogue import "$work/pack" "$work/none.xlsx"
run 2 "$work/out" catalogue import "$work/nopack" "$work/cat.xlsx"
run 2 "$work/out" catalogue export "$work/nopack" "$work/x.xlsx"
run 2 "$work/out" catalogue import "$work/pack" "$work/cat.xlsx" --encoding latin1

# ---- the demo pack: export, import unchanged ------------------------------------------------
if [ -n "$demo" ] && [ -f "$demo/pack.json" ]; then
    mkdir -p "$work/demo"
    (cd "$demo" && tar --exclude=./derived -cf - .) | (cd "$work/demo" && tar -xf -)
    before=$(snapshot "$work/demo")
    run 0 "$work/out" catalogue export "$work/demo" "$work/demo.xlsx"
    if run 0 "$work/out" catalogue import "$work/demo" "$work/demo.xlsx"; then
        expect_in "$work/out" "0 items updated (0 fields), 0 created"
    fi
    [ "$(snapshot "$work/demo")" = "$before" ] || fail "importing the demo's export changed it"

    # A curator's edits in openpyxl: a title, a date typed as 1949年10月, a date cell, a highlight
    # taken away, a new row. edits.json says what pack.json must say afterwards.
    "$py" - "$work/demo.xlsx" "$work/demo-edited.xlsx" "$work/edits.json" <<'EOF'
import sys, json, datetime, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
ws = wb.active
assert ws["E1"].value == "题名 Title" and ws["G1"].value == "年代 Date" and ws["S1"].value == "重点展品 Highlight"
highlighted = next(r for r in range(5, ws.max_row + 1) if ws.cell(r, 19).value == "是")
edits = [{"id": ws["A2"].value, "member": "date", "value": "1949-10"},
         {"id": ws["A3"].value, "member": "date", "value": "1931-05-04"},
         {"id": ws["A4"].value, "member": "title", "value": "改过的题名"},
         {"id": ws.cell(highlighted, 1).value, "member": "highlight", "value": None}]
ws["G2"] = "1949年10月"
ws["G3"] = datetime.date(1931, 5, 4)
ws["G3"].number_format = "yyyy-mm-dd"
ws["E4"] = "改过的题名"
ws.cell(highlighted, 19).value = "否"
image = ws["T2"].value.split(";")[0].strip()
ws.append([None, ws["B2"].value, ws["C2"].value, "DEMO-99-001", "新增档案", "New record", "1950.3",
           None, None, None, None, None, None, "示例档案馆", "Sample Archives", None, None,
           "新增; 测试", "否", image])
wb.save(sys.argv[2])
new = {"id": "demo-99-001", "title": {"zh": "新增档案", "en": "New record"}, "date": "1950-03",
       "reference": "DEMO-99-001", "holding": {"zh": "示例档案馆", "en": "Sample Archives"},
       "tags": ["新增", "测试"], "images": [{"file": image}]}
json.dump({"edits": edits, "new": new, "exhibition": ws["B2"].value, "chapter": ws["C2"].value},
          open(sys.argv[3], "w", encoding="utf-8"), ensure_ascii=False)
EOF
    if run 0 "$work/out" catalogue import "$work/demo" "$work/demo-edited.xlsx" --dry-run; then
        expect_in "$work/out" "4 items updated (4 fields), 1 created"
        expect_in "$work/out" '  title.zh (目录!E4): '
        expect_in "$work/out" '  date (目录!G2): "" → "1949-10"'
        expect_in "$work/out" '  date (目录!G3): "" → "1931-05-04"'
        expect_in "$work/out" '): yes → no'
        expect_in "$work/out" "create demo-99-001 in "
    fi
    cp "$work/demo/pack.json" "$work/demo-pack.json.before"
    run 0 "$work/out" catalogue import "$work/demo" "$work/demo-edited.xlsx" && expect_in "$work/out" "applied to"
    run 0 "$work/out" validate "$work/demo"
    "$py" - "$work/demo-pack.json.before" "$work/demo/pack.json" "$work/edits.json" <<'EOF' || fail "the demo's pack.json changed beyond the edited cells"
import sys, json
before = json.load(open(sys.argv[1], encoding="utf-8"))
after = json.load(open(sys.argv[2], encoding="utf-8"))
spec = json.load(open(sys.argv[3], encoding="utf-8"))
items = {i["id"]: i for e in before["exhibitions"] for c in e["chapters"] for i in c["items"]}
for edit in spec["edits"]:
    item = items[edit["id"]]
    if edit["member"] == "title":
        item["title"]["zh"] = edit["value"]
    elif edit["value"] is None:
        del item[edit["member"]]
    else:
        item[edit["member"]] = edit["value"]
next(c for e in before["exhibitions"] if e["id"] == spec["exhibition"]
     for c in e["chapters"] if c["id"] == spec["chapter"])["items"].append(spec["new"])
assert before == after
# What the writer would leave out stays (the demo spells out its defaults).
text = open(sys.argv[2], encoding="utf-8").read()
assert '"default_language": "zh"' in text and '"kiosk": {' in text
EOF
    (cd "$demo" && find quiz -type f -print0 | sort -z | xargs -0 sha256sum) >"$work/banks.sum"
    (cd "$work/demo" && sha256sum -c --quiet "$work/banks.sum") || fail "the import rewrote the demo's quiz banks"

    # Chinese Excel's "CSV": the export saved again as GB18030 without a BOM, one cell edited.
    mkdir -p "$work/demo-csv"
    (cd "$demo" && tar --exclude=./derived -cf - .) | (cd "$work/demo-csv" && tar -xf -)
    run 0 "$work/out" catalogue export "$work/demo-csv" "$work/demo.csv"
    "$py" - "$work/demo.csv" "$work/demo-gb.csv" <<'EOF'
import sys, csv, io
rows = list(csv.reader(io.StringIO(open(sys.argv[1], encoding="utf-8-sig", newline="").read())))
assert rows[0][4] == "题名 Title", rows[0]
rows[2][4] = "用 Excel 改过的题名"
out = io.StringIO()
csv.writer(out, lineterminator="\r\n").writerows(rows)
open(sys.argv[2], "wb").write(out.getvalue().encode("gb18030"))
EOF
    if run 0 "$work/out" catalogue import "$work/demo-csv" "$work/demo-gb.csv"; then
        expect_in "$work/out" "1 item updated (1 field), 0 created"
        expect_in "$work/out" '(3:'
        expect_in "$work/out" '→ "用 Excel 改过的题名"'
    fi
    run 0 "$work/out" validate "$work/demo-csv"
fi

# ---- every `lantai catalogue` command README.md shows was run above, with each option ---------
mapfile -t shown < <(grep -E '^lantai catalogue ' "$readme" | sed 's/ *#.*$//')
[ "${#shown[@]}" -ge 2 ] || fail "README.md shows no lantai catalogue commands"
for line in "${shown[@]}"; do
    sub=$(awk '{print $3}' <<<"$line")
    grep -qE "^catalogue $sub " "$ran" || fail "README's \"$line\" was never run"
    for option in $(grep -oE -- '--[a-z-]+' <<<"$line"); do
        grep -E "^catalogue $sub " "$ran" | grep -qE -- "(^| )$option( |$)" ||
            fail "README's \"$line\": $option was never run"
    done
    for ext in $(grep -oE 'OUT\.[a-z]+' <<<"$line" | sed 's/OUT\.//'); do
        grep -E "^catalogue $sub " "$ran" | grep -qE "\.$ext( |$)" || fail "README's \"$line\": no .$ext was written"
    done
done

if [ "$failures" -gt 0 ]; then
    echo "$failures failure(s)"
    exit 1
fi
echo "catalogue CLI: all checks passed"
