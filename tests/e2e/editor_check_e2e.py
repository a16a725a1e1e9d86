#!/usr/bin/env python3
# tests/e2e: the editor's "check every screen" under Xvfb — a tiny pack with an item whose English
# caption is missing, a title too long for any screen and a corrupt image; the findings in the
# state JSON, and a click on one selecting its item with the preview at its size and language
"""Usage: editor_check_e2e.py --editor BIN --packs DIR --out DIR"""
import argparse, json, os, shutil, subprocess, sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import editor_e2e as base  # noqa: E402  (run_editor, check, FAILURES)

check = base.check
FAILURES = base.FAILURES


def make_pack(packs, out):
    pack = os.path.join(out, "check-pack")
    shutil.copytree(os.path.join(packs, "valid-minimal"), pack)
    with open(os.path.join(pack, "images", "corrupt.jpg"), "wb") as f:
        f.write(b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + b"\x5a" * 4000)  # a JPEG that ends in noise
    with open(os.path.join(pack, "pack.json"), encoding="utf-8") as f:
        data = json.load(f)
    items = data["exhibitions"][0]["chapters"][0]["items"]
    image = {"file": "images/letter.png", "alt": {"zh": "信纸", "en": "A page"}}
    items.append({"id": "no-english", "title": {"zh": "未译的说明", "en": "Untranslated caption"},
                  "caption": {"zh": "这段说明还没有英文。"}, "images": [image]})
    items.append({"id": "long-title",
                  "title": {"zh": "一封从上海寄往北平的家书，" * 12,
                            "en": "A family letter sent from Shanghai to Peiping, " * 10},
                  "caption": {"zh": "标题太长。", "en": "The title is too long."},
                  "images": [image]})
    items.append({"id": "corrupt-scan", "title": {"zh": "损坏的扫描件", "en": "A corrupt scan"},
                  "caption": {"zh": "图片文件已损坏。", "en": "The image file is corrupt."},
                  "images": [{"file": "images/corrupt.jpg",
                              "alt": {"zh": "损坏", "en": "Corrupt"}}]})
    with open(os.path.join(pack, "pack.json"), "w", encoding="utf-8") as f:
        json.dump(data, f, ensure_ascii=False, indent=2)
    return pack


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--editor", required=True)
    ap.add_argument("--packs", required=True)
    ap.add_argument("--out", required=True)
    args = ap.parse_args()
    shutil.rmtree(args.out, ignore_errors=True)
    os.makedirs(args.out)
    pack = make_pack(args.packs, args.out)

    # The long title on its chapter's card, portrait, English (in the item's top bar it is cut
    # too, but whole in the caption panel: listed apart).
    finding = "check:cut_text:chapter:early-years:1:en"
    rc, state = base.run_editor(args, args.editor, [
        "wait-idle 15000",
        "tap @toolbar:check",
        "wait-idle 60000",
        "screenshot editor-check-done",
        "tap @check:image_failed:item:corrupt-scan:0:zh",
        "wait-idle 10000",
        "screenshot editor-check-landscape",
        f"tap @{finding}",
        "wait-idle 10000",
        "screenshot editor-check-portrait",
    ], "check", extra=(pack,), timeout=120)
    check(rc == 0, f"the editor runs the script (exit {rc})")
    with open(os.path.join(args.out, "check-pack.state.json"), "w") as f:
        json.dump(state, f, ensure_ascii=False, indent=1)

    c = state["check"]
    print(f"check: {c['done']}/{c['total']} screens in {c['elapsed_ms']:.0f} ms; counts {c['counts']}")
    check(c["finished"] and not c["running"] and c["done"] == c["total"] and c["total"] >= 20,
          f"the check drew every screen ({c['done']}/{c['total']})")
    findings = c["findings"]

    def having(**want):
        return [f for f in findings if all(f[k] == v for k, v in want.items())]

    untranslated = having(problem="untranslated", node="item:no-english")
    check(len(untranslated) == 1 and untranslated[0]["pointer"] == "/caption"
          and untranslated[0]["text"] == "这段说明还没有英文。",
          f"the missing English caption is listed ({untranslated})")
    all_four = {(0, "zh"), (0, "en"), (1, "zh"), (1, "en")}
    card = {(f["size_index"], f["language"]) for f in having(problem="cut_text", node="chapter:early-years")
            if f["where"] == "card:item:long-title:title (truncated)" and not f["shown_elsewhere"]}
    check(card == all_four,
          f"the long title is cut off on its chapter's card at both sizes, both languages ({card})")
    top_bar = {(f["size_index"], f["language"]) for f in having(problem="cut_text", node="item:long-title")
               if f["where"] == "top-bar:title (truncated)" and f["shown_elsewhere"]}
    check(top_bar == all_four,
          f"and in the item's top bar, where the caption panel shows it whole ({top_bar})")
    check(not having(problem="cut_text", node="item:letter-1931", screen="item"),
          "an item whose texts fit has no cut-off text")
    corrupt = having(problem="image_failed", node="item:corrupt-scan")
    check(len(corrupt) == 1 and corrupt[0]["where"] == "images/corrupt.jpg"
          and "corrupt.jpg" in corrupt[0]["text"],
          f"the corrupt image is listed with why it fails ({corrupt})")
    check(not having(problem="image_failed", node="item:letter-1931"), "the good image is not")
    counts = c["counts"]
    check(counts["untranslated"] >= 1 and counts["image_failed"] == 1 and counts["cut_text"] >= 4
          and counts["cut_text_shown_elsewhere"] >= 4,
          f"the counts ({counts})")
    check(counts["missing_glyphs"] == 0, "every character has a glyph")

    # The last click: the card's row, portrait English (before it the corrupt image's row,
    # landscape Chinese: its screenshot shows the preview turned back).
    check(state["selection"]["node"] == "chapter:early-years",
          f"clicking a finding selects its node ({state['selection']})")
    preview = state["preview"]
    check(preview["width"] == 1080 and preview["language"] == "en" and preview["screen"] == "chapter",
          f"and shows it in the preview at its size and language ({preview['width']} {preview['language']})")
    check(not state["script_errors"], f"no script errors ({state['script_errors']})")
    for shot in ("editor-check-done", "editor-check-portrait", "editor-check-landscape"):
        check(os.path.exists(os.path.join(args.out, shot + ".png")), f"screenshot {shot}")
    print(f"{len(FAILURES)} failures")
    return 1 if FAILURES else 0


if __name__ == "__main__":
    sys.exit(main())
