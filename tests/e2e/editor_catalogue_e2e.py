#!/usr/bin/env python3
# tests/e2e: the editor's catalogue import and export — File → Import catalogue… on an XLSX the
# CLI exported and openpyxl edited (one cell): the preview shows exactly that cell, Apply is one
# undo step (undo, redo, save), the mapping is remembered in the pack and used by the CLI; File →
# Export catalogue… writes a CSV
"""Usage: editor_catalogue_e2e.py --editor BIN --lantai BIN --packs DIR --out DIR

  1. import (mapping dialog, preview: screenshots), apply, save, undo, save -> pack.json is as
     before, a redo is offered, catalogue-mapping.json holds the columns.
  2. import again (the columns pre-filled from catalogue-mapping.json), apply, undo, redo, save
     -> exactly the edited title changed; `lantai validate` passes; the CLI, given no --mapping,
     uses the pack's mapping and finds nothing left to change; export as CSV.
  3. a sheet with a bad date cell: the preview names 目录!G2 and Apply stays disabled; the column
     set to "ignore" in the mapping dialog, the preview has no error and nothing to change.
"""
import argparse, json, os, shutil, subprocess, sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import editor_e2e as base  # noqa: E402  (run_editor, check, FAILURES)

check = base.check
FAILURES = base.FAILURES
NEW_TITLE = "一九三一年的一封家书（改）"


def run_editor(args, script_lines, name, pack):
    return base.run_editor(args, args.editor, script_lines, name, extra=(pack,), timeout=120)


def import_steps(sheet, shots=""):
    steps = ["wait-idle 10000", "tap @menu:file", "wait 300", "tap @menu:import-catalogue",
             "wait-idle 3000", "tap @dialog:catalogue:path", f"type {sheet}",
             "tap @dialog:catalogue:read", "wait-idle 5000"]
    if shots:
        steps.append(f"screenshot {shots}-mapping")
    steps += ["tap @dialog:catalogue:preview", "wait-idle 5000"]
    if shots:
        steps.append(f"screenshot {shots}-preview")
    return steps


def title_of(pack):
    with open(os.path.join(pack, "pack.json"), encoding="utf-8") as f:
        data = json.load(f)
    return data["exhibitions"][0]["chapters"][0]["items"][0]["title"]["zh"]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--editor", required=True)
    ap.add_argument("--lantai", required=True)
    ap.add_argument("--packs", required=True)
    ap.add_argument("--out", required=True)
    args = ap.parse_args()
    args.out = os.path.abspath(args.out)
    shutil.rmtree(args.out, ignore_errors=True)
    os.makedirs(args.out)
    pack = os.path.join(args.out, "pack")
    shutil.copytree(os.path.join(args.packs, "valid-minimal"), pack)
    before = title_of(pack)
    with open(os.path.join(pack, "pack.json"), "rb") as f:
        original_bytes = f.read()

    # The CLI exports; openpyxl (another writer) changes one cell, the first item's 题名.
    exported = os.path.join(args.out, "目录.xlsx")
    subprocess.run([args.lantai, "catalogue", "export", pack, exported], check=True,
                   stdout=subprocess.DEVNULL)
    sheet = os.path.join(args.out, "目录-改.xlsx")
    subprocess.run(["/usr/bin/python3", "-c", f"""
import openpyxl
wb = openpyxl.load_workbook({exported!r})
ws = wb.active
assert ws["E1"].value == "题名 Title", ws["E1"].value
ws["E2"] = {NEW_TITLE!r}
wb.save({sheet!r})
"""], check=True)

    # 1. import, apply, save, undo, save.
    rc, state = run_editor(args, import_steps(sheet, "catalogue") + [
        "tap @dialog:catalogue:apply", "wait-idle 5000", "key ctrl+s", "wait-idle 3000",
        "key ctrl+z", "wait-idle 3000", "key ctrl+s", "wait-idle 3000"], "import-1", pack)
    check(rc == 0, f"first run exits 0 (got {rc}; {state.get('script_errors')})")
    cat = state.get("catalogue", {})
    imp = cat.get("import", {})
    plan = imp.get("plan", {})
    check(imp.get("sheet") == "目录" and imp.get("header_row") == 1, "the sheet 目录, header row 1")
    check(all(c["source"] == "auto" and c["field"] for c in imp.get("columns", [])) and
          len(imp.get("columns", [])) == 20, "every exported column was auto-mapped")
    changes = plan.get("changes", [])
    fields = [f for c in changes for f in c["fields"]]
    check(len(changes) == 1 and changes[0]["item"] == "letter-1931" and len(fields) == 1,
          f"the preview shows one item, one field ({changes})")
    if fields:
        f = fields[0]
        check(f["field"] == "title.zh" and f["cell"] == "目录!E2" and f["old"] == before and
              f["new"] == NEW_TITLE, f"exactly the edited cell, old -> new ({f})")
    check(plan.get("summary", {}).get("created") == 0 and not imp.get("diagnostics"),
          "nothing created, no problem reported")
    check(cat.get("step") == "closed", "Apply closed the dialog")
    with open(os.path.join(pack, "pack.json"), "rb") as f:
        check(f.read() == original_bytes, "undo then save: pack.json byte-identical to before")
    check(state["pack"]["can_redo"] and not state["pack"]["can_undo"],
          "the import was one undo step (undone: nothing left to undo, a redo offered)")
    mapping_file = os.path.join(pack, "catalogue-mapping.json")
    check(os.path.exists(mapping_file), "the mapping is remembered in the pack")
    if os.path.exists(mapping_file):
        with open(mapping_file, encoding="utf-8") as f:
            mapping = json.load(f)
        check(mapping.get("columns", {}).get("题名 Title") == "title.zh" and
              mapping.get("sheet") == "目录", "catalogue-mapping.json maps the headers")

    # 2. again, pre-filled from the pack's mapping: apply, undo, redo, save; export a CSV.
    csv = os.path.join(args.out, "pack-目录.csv")  # the dialog's default: beside the pack
    rc, state = run_editor(args, import_steps(sheet) + [
        "tap @dialog:catalogue:apply", "wait-idle 5000", "key ctrl+z", "wait-idle 3000",
        "key ctrl+shift+z", "wait-idle 3000", "key ctrl+s", "wait-idle 3000",
        "tap @menu:file", "wait 300", "tap @menu:export-catalogue", "wait-idle 3000",
        "tap @dialog:catalogue-export:csv", "wait-idle 2000", "screenshot catalogue-export",
        "tap @dialog:catalogue-export:ok",
        "wait-idle 3000"], "import-2", pack)
    check(rc == 0, f"second run exits 0 (got {rc}; {state.get('script_errors')})")
    imp = state.get("catalogue", {}).get("import", {})
    check(all(c["source"] == "mapping" for c in imp.get("columns", [{"source": "none"}])),
          "the columns were pre-filled from catalogue-mapping.json")
    check(title_of(pack) == NEW_TITLE, "apply, undo, redo, save: the edited title is saved")
    check(not state["pack"]["dirty"] and state["pack"]["can_undo"], "saved, undo offered")
    rc = subprocess.run([args.lantai, "validate", pack], stdout=subprocess.DEVNULL).returncode
    check(rc == 0, f"lantai validate passes (exit {rc})")
    out = subprocess.run([args.lantai, "catalogue", "import", pack, sheet, "--dry-run", "--json"],
                         capture_output=True, text=True)
    cli = json.loads(out.stdout) if out.stdout else {}
    check(out.returncode == 0 and cli.get("mapping", "").endswith("catalogue-mapping.json") and
          cli.get("summary", {}).get("updated") == 0,
          "the CLI uses the pack's mapping and finds nothing left to change")
    check(state.get("catalogue", {}).get("last_export") == csv and os.path.exists(csv),
          f"Export catalogue wrote {csv}")
    if os.path.exists(csv):
        with open(csv, "rb") as f:
            data = f.read()
        check(data.startswith(b"\xef\xbb\xbf") and NEW_TITLE.encode() in data,
              "the CSV (UTF-8 with BOM) has the imported title")

    # 3. a bad cell blocks applying; ignoring its column in the mapping dialog clears it.
    bad = os.path.join(args.out, "目录-坏.xlsx")
    subprocess.run(["/usr/bin/python3", "-c", f"""
import openpyxl
wb = openpyxl.load_workbook({sheet!r})
ws = wb.active
assert ws["G1"].value == "年代 Date", ws["G1"].value
ws["G2"] = "去年秋天"
wb.save({bad!r})
"""], check=True)
    with open(os.path.join(pack, "pack.json"), "rb") as f:
        saved_bytes = f.read()
    rc, state = run_editor(args, import_steps(bad, "catalogue-error") + [
        "tap @dialog:catalogue:apply", "wait-idle 2000"], "import-3", pack)
    cat = state.get("catalogue", {})
    problems = cat.get("import", {}).get("diagnostics", [])
    check(rc == 0 and cat.get("step") == "preview", f"third run exits 0, the preview stays ({rc})")
    check([(d["severity"], d["pointer"]) for d in problems] == [("error", "目录!G2")],
          f"the preview names the bad cell 目录!G2 ({problems})")
    check(not state["pack"]["can_undo"], "Apply was disabled: nothing was applied")
    rc, state = run_editor(args, import_steps(bad)[:-2] + [
        "tap @dialog:catalogue:column:6", "wait 300", "tap @dialog:catalogue:field:ignore",
        "wait-idle 2000", "screenshot catalogue-ignored", "tap @dialog:catalogue:preview",
        "wait-idle 3000"], "import-4", pack)
    imp = state.get("catalogue", {}).get("import", {})
    column = imp.get("columns", [{}] * 7)[6]
    check(rc == 0 and column.get("field") is None and column.get("changed"),
          f"column G set to ignore in the dialog ({column})")
    check(not imp.get("diagnostics") and imp.get("plan", {}).get("changes") == [],
          "with the column ignored: no error, nothing to change")
    with open(os.path.join(pack, "pack.json"), "rb") as f:
        check(f.read() == saved_bytes, "runs 3 and 4 left pack.json as it was")

    if FAILURES:
        print(f"{len(FAILURES)} failure(s)")
        return 1
    print("all passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
