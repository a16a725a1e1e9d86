#!/usr/bin/env python3
"""Check a Lantai content pack against the JSON Schemas of pack format v1.

    check_schema.py PACK_DIR [--strict] [--no-assets] [--schema-dir DIR]

Validates PACK_DIR/pack.json with content/pack.schema.json and every quiz bank it lists with
content/quiz-bank.schema.json (JSON Schema draft 2020-12, Debian package python3-jsonschema),
then does the cross-file checks a schema cannot express: unique ids, references that name
something, dates with end >= start, and (unless --no-assets) that every referenced file exists
inside the pack (images, videos, narration audio) and that subtitles are UTF-8. It also reports the warnings of FORMAT.md
(schema.unknown_field, text.missing_en, image.missing_alt, chapter.empty,
question.missing_explanation); with --strict a warning fails the check too.

Exit status: 0 when the pack passes, 1 when it does not, 2 on a usage or setup problem.
"""
import argparse
import json
import os
import re
import sys

try:
    import jsonschema
    from jsonschema import Draft202012Validator
    from jsonschema.exceptions import best_match
except ImportError:  # pragma: no cover
    print("check_schema: python3-jsonschema is not installed (apt-get install python3-jsonschema)", file=sys.stderr)
    sys.exit(2)

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_SCHEMA_DIR = os.path.normpath(os.path.join(HERE, "..", "..", "content"))
LANG_RE = re.compile(r"^[a-z]{2,3}(-[A-Za-z0-9]{1,8})*$")


class Report:
    def __init__(self):
        self.errors = 0
        self.warnings = 0

    def error(self, code, file, pointer, msg):
        self.errors += 1
        print(f"error   {code:30} {file} {pointer or '/'}: {msg}")

    def warning(self, code, file, pointer, msg):
        self.warnings += 1
        print(f"warning {code:30} {file} {pointer or '/'}: {msg}")


def pointer(path):
    return "".join("/" + str(p).replace("~", "~0").replace("/", "~1") for p in path)


def load_json(pack, rel, rep):
    full = os.path.join(pack, rel)
    try:
        with open(full, "rb") as f:
            raw = f.read()
    except FileNotFoundError:
        rep.error("pack.not_found" if rel == "pack.json" else "asset.missing", rel, "", "file does not exist")
        return None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as e:
        rep.error("json.encoding", rel, "", f"not valid UTF-8 at byte {e.start}")
        return None
    try:
        return json.loads(text)
    except json.JSONDecodeError as e:
        rep.error("json.syntax", rel, "", f"{e.msg} at line {e.lineno} column {e.colno}")
        return None


def schema_check(validator, doc, rel, rep):
    for err in sorted(validator.iter_errors(doc), key=lambda e: list(map(str, e.absolute_path))):
        shown = best_match(err.context) if err.context else err
        where = pointer(shown.absolute_path)
        if shown.validator == "required":
            code = "schema.required"
        elif shown.validator == "type":
            code = "schema.type"
        elif shown.validator in ("additionalProperties", "unevaluatedProperties"):
            if not err.context:  # FORMAT.md: an unknown field is a warning (typo?), see --strict
                rep.warning("schema.unknown_field", rel, where, shown.message)
                continue
            code = "schema.unknown_field"
        elif shown.validator == "pattern" and where.endswith(("/id", "/item", "/video", "/chapter", "/exhibition")):
            code = "id.invalid"
        else:
            code = "schema.value"
        rep.error(code, rel, where, shown.message)


def walk(node, path=()):
    yield path, node
    if isinstance(node, dict):
        for k, v in node.items():
            yield from walk(v, path + (k,))
    elif isinstance(node, list):
        for i, v in enumerate(node):
            yield from walk(v, path + (i,))


def is_text(node):
    return isinstance(node, dict) and "zh" in node and node and all(isinstance(k, str) and LANG_RE.match(k) for k in node)


def text_warnings(doc, rel, rep):
    for path, node in walk(doc):
        if is_text(node) and not (isinstance(node.get("en"), str) and node["en"].strip()):
            rep.warning("text.missing_en", rel, pointer(path), "no English text (falls back to Chinese)")


def safe_file(pack, rel_path, file, where, rep, check_assets):
    """The path is syntactically checked by the schema; here: it exists and stays in the pack."""
    if not check_assets or not isinstance(rel_path, str):
        return None
    if rel_path.startswith("/") or "\\" in rel_path or ".." in rel_path.split("/"):
        return None  # already reported by the schema
    full = os.path.join(pack, rel_path)
    real_pack = os.path.realpath(pack)
    real = os.path.realpath(full)
    if os.path.commonpath([real_pack, real]) != real_pack:
        rep.error("path.unsafe", file, where, f"{rel_path} leads outside the pack")
        return None
    if not os.path.isfile(full):
        rep.error("asset.missing", file, where, f"{rel_path} does not exist")
        return None
    return full


def main():
    ap = argparse.ArgumentParser(description="Check a Lantai pack against the pack format v1 JSON Schemas.")
    ap.add_argument("pack", help="pack directory (the one holding pack.json)")
    ap.add_argument("--strict", action="store_true", help="fail on warnings too")
    ap.add_argument("--no-assets", action="store_true", help="do not check that referenced files exist")
    ap.add_argument("--schema-dir", default=DEFAULT_SCHEMA_DIR, help="directory of pack.schema.json and quiz-bank.schema.json")
    args = ap.parse_args()
    check_assets = not args.no_assets

    schemas = {}
    for name in ("pack.schema.json", "quiz-bank.schema.json"):
        try:
            with open(os.path.join(args.schema_dir, name), encoding="utf-8") as f:
                schemas[name] = json.load(f)
            Draft202012Validator.check_schema(schemas[name])
        except (OSError, ValueError, jsonschema.exceptions.SchemaError) as e:
            print(f"check_schema: cannot use schema {name}: {e}", file=sys.stderr)
            return 2
    pack_v = Draft202012Validator(schemas["pack.schema.json"])
    quiz_v = Draft202012Validator(schemas["quiz-bank.schema.json"])

    rep = Report()
    pack = args.pack
    if not os.path.isdir(pack):
        rep.error("pack.not_found", pack, "", "not a directory")
        return finish(rep, pack, args.strict)
    doc = load_json(pack, "pack.json", rep)
    if doc is None:
        return finish(rep, pack, args.strict)
    schema_check(pack_v, doc, "pack.json", rep)
    if not isinstance(doc, dict):
        return finish(rep, pack, args.strict)
    text_warnings(doc, "pack.json", rep)

    # ---- ids and what refers to them ------------------------------------------------------
    seen = {}

    def define(kind, ident, file, where):
        if not isinstance(ident, str):
            return
        key = (kind, ident)
        if key in seen:
            rep.error("id.duplicate", file, where, f"{kind} id '{ident}' is already used at {seen[key]}")
        else:
            seen[key] = f"{file} {where}"

    refs = []  # (kind, id, file, pointer)
    images = []  # (path, file, pointer)

    def image(img, file, where):
        if isinstance(img, dict):
            images.append((img.get("file"), file, where + "/file"))
            if "alt" not in img:
                rep.warning("image.missing_alt", file, where, "image has no alt text")

    def narration(owner, file, where):
        files = owner.get("narration")
        if isinstance(files, dict):
            for lang, path in files.items():
                images.append((path, file, f"{where}/narration/{lang}"))

    exhibitions = doc.get("exhibitions") or []
    chapter_of_exh = {}
    for ei, exh in enumerate(exhibitions if isinstance(exhibitions, list) else []):
        if not isinstance(exh, dict):
            continue
        ew = f"/exhibitions/{ei}"
        define("exhibition", exh.get("id"), "pack.json", ew + "/id")
        if "cover" in exh:
            image(exh["cover"], "pack.json", ew + "/cover")
        for ci, ch in enumerate(exh.get("chapters") or []):
            if not isinstance(ch, dict):
                continue
            cw = f"{ew}/chapters/{ci}"
            define("chapter", ch.get("id"), "pack.json", cw + "/id")
            chapter_of_exh[ch.get("id")] = exh.get("id")
            narration(ch, "pack.json", cw)
            items = ch.get("items")
            if isinstance(items, list) and not items:
                rep.warning("chapter.empty", "pack.json", cw, "chapter has no items")
            for ii, it in enumerate(items or []):
                if not isinstance(it, dict):
                    continue
                iw = f"{cw}/items/{ii}"
                define("item", it.get("id"), "pack.json", iw + "/id")
                narration(it, "pack.json", iw)
                for mi, img in enumerate(it.get("images") or []):
                    image(img, "pack.json", f"{iw}/images/{mi}")
                if "video" in it:
                    refs.append(("video", it["video"], "pack.json", iw + "/video"))
                for qi, q in enumerate(it.get("questions") or []):
                    refs.append(("question", q, "pack.json", f"{iw}/questions/{qi}"))

    for vi, vid in enumerate(doc.get("videos") or []):
        if not isinstance(vid, dict):
            continue
        vw = f"/videos/{vi}"
        define("video", vid.get("id"), "pack.json", vw + "/id")
        images.append((vid.get("file"), "pack.json", vw + "/file"))
        if "poster" in vid:
            images.append((vid.get("poster"), "pack.json", vw + "/poster"))
        for si, sub in enumerate(vid.get("subtitles") or []):
            if isinstance(sub, dict):
                full = safe_file(pack, sub.get("file"), "pack.json", f"{vw}/subtitles/{si}/file", rep, check_assets)
                if full:
                    try:
                        with open(full, "rb") as f:
                            f.read().decode("utf-8")
                    except UnicodeDecodeError:
                        rep.error("text.not_utf8", "pack.json", f"{vw}/subtitles/{si}/file", f"{sub.get('file')} is not UTF-8")
        for kind in ("exhibition", "chapter", "item"):
            if kind in vid:
                refs.append((kind, vid[kind], "pack.json", f"{vw}/{kind}"))
        if "exhibition" in vid and "chapter" in vid and vid["chapter"] in chapter_of_exh \
                and chapter_of_exh[vid["chapter"]] != vid["exhibition"]:
            rep.error("ref.dangling", "pack.json", vw + "/chapter",
                      f"chapter '{vid['chapter']}' is not in exhibition '{vid['exhibition']}'")

    for ai, entry in enumerate(doc.get("attract") or []):
        if isinstance(entry, dict):
            for kind in ("item", "video"):
                if kind in entry:
                    refs.append((kind, entry[kind], "pack.json", f"/attract/{ai}/{kind}"))

    dates = doc.get("dates")
    if isinstance(dates, dict) and isinstance(dates.get("start"), str) and isinstance(dates.get("end"), str) \
            and dates["end"] < dates["start"]:
        rep.error("date.invalid", "pack.json", "/dates", "end is before start")

    # ---- quiz banks -----------------------------------------------------------------------
    for bi, bank in enumerate(doc.get("quiz_banks") or []):
        if not isinstance(bank, dict) or not isinstance(bank.get("file"), str):
            continue
        rel = bank["file"]
        if safe_file(pack, rel, "pack.json", f"/quiz_banks/{bi}/file", rep, True) is None:
            continue
        qdoc = load_json(pack, rel, rep)
        if qdoc is None:
            continue
        schema_check(quiz_v, qdoc, rel, rep)
        if not isinstance(qdoc, dict):
            continue
        text_warnings(qdoc, rel, rep)
        define("quiz bank", qdoc.get("id"), rel, "/id")
        for qi, q in enumerate(qdoc.get("questions") or []):
            if not isinstance(q, dict):
                continue
            qw = f"/questions/{qi}"
            define("question", q.get("id"), rel, qw + "/id")
            narration(q, rel, qw)
            if "explanation" not in q:
                rep.warning("question.missing_explanation", rel, qw, "question has no explanation")
            if "item" in q:
                refs.append(("item", q["item"], rel, qw + "/item"))
            if "image" in q:
                image(q["image"], rel, qw + "/image")
            for oi, opt in enumerate(q.get("options") or []):
                if isinstance(opt, dict) and "image" in opt:
                    image(opt["image"], rel, f"{qw}/options/{oi}/image")

    for kind, ident, file, where in refs:
        if isinstance(ident, str) and (kind, ident) not in seen:
            rep.error("ref.dangling", file, where, f"no {kind} with id '{ident}'")

    for rel_path, file, where in images:
        safe_file(pack, rel_path, file, where, rep, check_assets)

    return finish(rep, pack, args.strict)


def finish(rep, pack, strict):
    failed = rep.errors > 0 or (strict and rep.warnings > 0)
    print(f"check_schema: {pack}: {rep.errors} errors, {rep.warnings} warnings: {'FAILED' if failed else 'ok'}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
