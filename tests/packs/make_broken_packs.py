#!/usr/bin/env python3
# tests: generates tests/packs/valid-minimal and tests/packs/broken/<code>/ (one mutation each)
"""Regenerates the test packs next to this script.

valid-minimal/ is a tiny pack that validates with zero diagnostics. Every directory under
broken/ is valid-minimal with exactly one mutation and an expect.json naming the diagnostic
that `lantai validate` must report for it:

    {"code": ..., "severity": "error"|"warning", "file": ..., "pointer": ..., "line": N}

"line" (1-based) is computed here by an independent scanner of the written JSON text, so the
tests also check the C++ position tracking. The output is committed; the tests read the
committed directories. Run:  python3 tests/packs/make_broken_packs.py
"""

import json
import os
import shutil
import struct
import sys
import zlib

HERE = os.path.dirname(os.path.abspath(__file__))
VALID = os.path.join(HERE, "valid-minimal")
BROKEN = os.path.join(HERE, "broken")

ITEM = "/exhibitions/0/chapters/0/items/0"
BANK_FILE = "quiz/basics.json"

# ---- tiny binary assets -------------------------------------------------------------------


def png_chunk(kind, data):
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)


PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def png_ihdr(width, height):
    return png_chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))


def tiny_png(width=8, height=8, rgb=(0x8B, 0x1A, 0x1A)):
    """A complete, decodable RGB PNG filled with one colour (archive red)."""
    row = b"\x00" + bytes(rgb) * width
    raw = row * height
    return PNG_SIGNATURE + png_ihdr(width, height) + png_chunk(b"IDAT", zlib.compress(raw, 9)) + png_chunk(b"IEND", b"")


def bomb_png_header():
    """Signature + IHDR declaring 20000x20000 (400 MP): a decompression bomb's header, 33 bytes."""
    return PNG_SIGNATURE + png_ihdr(20000, 20000)


def truncated_png():
    """Signature + the first bytes of an IHDR chunk: the header cannot be read."""
    return (PNG_SIGNATURE + png_ihdr(8, 8))[:16 + 6]


def mp4_box(kind, payload=b""):
    return struct.pack(">I", 8 + len(payload)) + kind + payload


def mp4_ftyp():
    return mp4_box(b"ftyp", b"isom" + struct.pack(">I", 0x200) + b"isomiso2mp41")


def tiny_mp4_header():
    """The top-level boxes of an MP4 (ftyp, an empty moov, a tiny mdat): what the validator reads."""
    return mp4_ftyp() + mp4_box(b"moov") + mp4_box(b"mdat", b"\0" * 8)


def truncated_mp4():
    """An MP4 cut short: its mdat box declares 4096 bytes but only 8 follow its header."""
    return mp4_ftyp() + mp4_box(b"moov") + struct.pack(">I", 4096) + b"mdat" + b"\0" * 8


def mp4_without_moov():
    """An MP4 whose recording never finished: ftyp and mdat complete, no moov box."""
    return mp4_ftyp() + mp4_box(b"mdat", b"\0" * 8)


# An SRT file whose second cue has a dot-less time ("00:00:02" at line 6, column 1).
BROKEN_SRT = "1\n00:00:00,000 --> 00:00:02,000\n示例字幕\n\n2\n00:00:02 --> 00:00:04,000\n第二条\n".encode("utf-8")
BROKEN_SRT_LINE = 6

LATIN1_SRT = ("1\n00:00:00,000 --> 00:00:02,000\nArchives de la République, été 1931\n\n").encode("latin-1")

# ---- the valid pack -----------------------------------------------------------------------


def text(zh, en):
    return {"zh": zh, "en": en}


def valid_pack():
    return {
        "format_version": 1,
        "id": "valid-minimal",
        "title": text("最小测试内容包", "Minimal test pack"),
        "organiser": text("兰台测试档案馆", "Lantai Test Archives"),
        "dates": {"start": "2024-06-09", "end": "2024-06-10"},
        "exhibitions": [
            {
                "id": "letters",
                "title": text("往来书信", "Letters"),
                "chapters": [
                    {
                        "id": "early-years",
                        "title": text("早年", "The early years"),
                        "items": [
                            {
                                "id": "letter-1931",
                                "title": text("一九三一年的一封信", "A letter from 1931"),
                                "caption": text("手写信札，一页", "Handwritten letter, one page"),
                                "date": "1931-05",
                                "reference": "J001-001-0001",
                                "images": [
                                    {
                                        "file": "images/letter.png",
                                        "alt": text("一页泛黄的手写信纸", "A yellowed handwritten page"),
                                    }
                                ],
                                "questions": ["letter-year"],
                            }
                        ],
                    }
                ],
            }
        ],
        "quiz_banks": [{"file": BANK_FILE}],
    }


def valid_bank():
    return {
        "format_version": 1,
        "id": "basics",
        "title": text("档案知识", "Archive basics"),
        "questions": [
            {
                "id": "letter-year",
                "type": "single",
                "prompt": text("这封信写于哪一年？", "In which year was the letter written?"),
                "options": [
                    {"text": text("1931 年", "1931"), "correct": True},
                    {"text": text("1949 年", "1949"), "correct": False},
                ],
                "explanation": text("信末署有日期：1931 年 5 月。", "The letter is dated May 1931 at the end."),
            },
            {
                "id": "archives-keep-letters",
                "type": "true_false",
                "prompt": text("档案馆也保存私人书信。", "Archives also keep private letters."),
                "answer": True,
                "explanation": text("许多档案馆收藏名人和普通人的书信。", "Many archives hold letters of famous and ordinary people."),
                "item": "letter-1931",
            },
        ],
    }


def dump(document):
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"


# ---- independent position scanner ---------------------------------------------------------


class Scanner:
    """Records the byte offset of every JSON value by pointer, as JsonDocument does: object
    members at their key's opening quote, array elements (and the root) at the value start."""

    def __init__(self, data):
        self.s = data
        self.i = 0
        self.offsets = {}

    def ws(self):
        while self.i < len(self.s) and self.s[self.i] in b" \t\r\n":
            self.i += 1

    def string(self):
        assert self.s[self.i : self.i + 1] == b'"'
        self.i += 1
        start = self.i
        while self.s[self.i : self.i + 1] != b'"':
            self.i += 2 if self.s[self.i : self.i + 1] == b"\\" else 1
        raw = self.s[start : self.i]
        self.i += 1
        return json.loads(b'"' + raw + b'"')

    def value(self, pointer):
        self.ws()
        c = self.s[self.i : self.i + 1]
        if c == b"{":
            self.i += 1
            self.ws()
            if self.s[self.i : self.i + 1] == b"}":
                self.i += 1
                return
            while True:
                self.ws()
                at = self.i
                key = self.string()
                child = pointer + "/" + key.replace("~", "~0").replace("/", "~1")
                self.offsets[child] = at
                self.ws()
                assert self.s[self.i : self.i + 1] == b":"
                self.i += 1
                self.value(child)
                self.ws()
                c = self.s[self.i : self.i + 1]
                self.i += 1
                if c == b"}":
                    return
        elif c == b"[":
            self.i += 1
            self.ws()
            if self.s[self.i : self.i + 1] == b"]":
                self.i += 1
                return
            index = 0
            while True:
                self.ws()
                child = pointer + "/" + str(index)
                self.offsets[child] = self.i
                self.value(child)
                index += 1
                self.ws()
                c = self.s[self.i : self.i + 1]
                self.i += 1
                if c == b"]":
                    return
        elif c == b'"':
            self.string()
        else:
            while self.i < len(self.s) and self.s[self.i : self.i + 1] not in b",]} \t\r\n":
                self.i += 1


def line_of(data, pointer):
    """1-based line of `pointer` (or of its nearest recorded ancestor) in JSON bytes."""
    scanner = Scanner(data)
    scanner.ws()
    scanner.offsets[""] = scanner.i
    scanner.value("")
    p = pointer
    while p not in scanner.offsets:
        p = p[: p.rfind("/")] if "/" in p else ""
    return data.count(b"\n", 0, scanner.offsets[p]) + 1


# ---- writing packs ------------------------------------------------------------------------


def write_bytes(path, data):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as f:
        f.write(data)


class PackSpec:
    def __init__(self):
        self.pack = valid_pack()
        self.bank = valid_bank()
        self.files = {"images/letter.png": tiny_png()}
        self.symlinks = {}
        self.pack_text = None  # raw bytes overriding the pack.json dump
        self.write_pack_json = True

    def item(self):
        return self.pack["exhibitions"][0]["chapters"][0]["items"][0]

    def write(self, directory):
        os.makedirs(directory, exist_ok=True)
        texts = {}
        if self.write_pack_json:
            texts["pack.json"] = self.pack_text if self.pack_text is not None else dump(self.pack).encode("utf-8")
        texts[BANK_FILE] = dump(self.bank).encode("utf-8")
        for name, data in list(texts.items()) + list(self.files.items()):
            write_bytes(os.path.join(directory, name), data)
        for name, target in self.symlinks.items():
            path = os.path.join(directory, name)
            os.makedirs(os.path.dirname(path), exist_ok=True)
            if os.path.lexists(path):
                os.remove(path)
            os.symlink(target, path)
        return texts


def make_broken(name, mutate, code, severity, file, pointer, line=True):
    spec = PackSpec()
    mutate(spec)
    directory = os.path.join(BROKEN, name)
    texts = spec.write(directory)
    expect = {"code": code, "severity": severity, "file": file, "pointer": pointer}
    if line is True:
        expect["line"] = line_of(texts[file], pointer)
    elif isinstance(line, int):
        expect["line"] = line
    write_bytes(os.path.join(directory, "expect.json"), dump(expect).encode("utf-8"))


# ---- the mutations ------------------------------------------------------------------------


def set_in(obj, path, value):
    for key in path[:-1]:
        obj = obj[key]
    obj[path[-1]] = value


def pack_not_found(spec):
    spec.write_pack_json = False


def json_syntax(spec):
    # Drop the comma after the pack id: the parser stops at the next key, on the next line.
    text = dump(spec.pack)
    needle = '"id": "valid-minimal",\n'
    assert needle in text
    spec.pack_text = text.replace(needle, '"id": "valid-minimal"\n', 1).encode("utf-8")
    spec.syntax_line = text[: text.index(needle)].count("\n") + 2


def json_encoding(spec):
    # The organiser saved in Latin-1 (é = 0xE9) inside an otherwise UTF-8 file.
    text = dump(spec.pack).encode("utf-8")
    needle = b'"Lantai Test Archives"'
    spec.pack_text = text.replace(needle, '"Archives de la République"'.encode("latin-1"), 1)
    spec.encoding_line = text[: text.index(needle)].count(b"\n") + 1


def main():
    for directory in (VALID, BROKEN):
        if os.path.isdir(directory):
            shutil.rmtree(directory)
    PackSpec().write(VALID)

    item = ITEM
    image = ITEM + "/images/0"

    syntax = PackSpec()
    json_syntax(syntax)
    encoding = PackSpec()
    json_encoding(encoding)

    cases = [
        ("pack.not_found", pack_not_found, "pack.not_found", "error", "pack.json", "", None),
        ("json.syntax", json_syntax, "json.syntax", "error", "pack.json", "", syntax.syntax_line),
        ("json.encoding", json_encoding, "json.encoding", "error", "pack.json", "", encoding.encoding_line),
        ("schema.required", lambda s: s.item().pop("title"), "schema.required", "error", "pack.json", item, True),
        ("schema.type", lambda s: s.item().update(highlight="yes"), "schema.type", "error", "pack.json",
         item + "/highlight", True),
        ("schema.value", lambda s: s.pack.update(kiosk={"idle_timeout_s": 5}), "schema.value", "error", "pack.json",
         "/kiosk/idle_timeout_s", True),
        ("schema.unknown_field", lambda s: s.item().update(titel=text("错字", "Typo")), "schema.unknown_field",
         "warning", "pack.json", item + "/titel", True),
        ("format.version_unsupported", lambda s: s.pack.update(format_version=99), "format.version_unsupported",
         "error", "pack.json", "/format_version", True),
        ("id.invalid", lambda s: set_in(s.pack, ["exhibitions", 0, "chapters", 0, "id"], "Early Years"), "id.invalid",
         "error", "pack.json", "/exhibitions/0/chapters/0/id", True),
        ("id.duplicate", lambda s: set_in(s.bank, ["questions", 1, "id"], "letter-year"), "id.duplicate", "error",
         BANK_FILE, "/questions/1/id", True),
        ("ref.dangling", lambda s: s.item().update(video="no-such-video"), "ref.dangling", "error", "pack.json",
         item + "/video", True),
        ("path.unsafe-dotdot", lambda s: set_in(s.item(), ["images", 0, "file"], "../valid-minimal/images/letter.png"),
         "path.unsafe", "error", "pack.json", image + "/file", True),
        ("path.unsafe-absolute", lambda s: set_in(s.item(), ["images", 0, "file"], "/etc/hostname"), "path.unsafe",
         "error", "pack.json", image + "/file", True),
        ("path.unsafe-backslash", lambda s: set_in(s.item(), ["images", 0, "file"], "images\\letter.png"),
         "path.unsafe", "error", "pack.json", image + "/file", True),
        ("path.unsafe-symlink", symlink_out, "path.unsafe", "error", "pack.json", image + "/file", True),
        ("asset.missing", lambda s: set_in(s.item(), ["images", 0, "file"], "images/missing.png"), "asset.missing",
         "error", "pack.json", image + "/file", True),
        ("asset.type_mismatch", text_as_jpeg, "asset.type_mismatch", "error", "pack.json", image + "/file", True),
        ("asset.unreadable", lambda s: s.files.update({"images/letter.png": truncated_png()}), "asset.unreadable",
         "error", "pack.json", image + "/file", True),
        ("image.too_large", lambda s: s.files.update({"images/letter.png": bomb_png_header()}), "image.too_large",
         "error", "pack.json", image + "/file", True),
        ("text.not_utf8", latin1_subtitle, "text.not_utf8", "warning", "pack.json", "/videos/0/subtitles/0/file", True),
        ("subtitle.parse_error", lambda s: with_video(s, tiny_mp4_header(), ("zh", "videos/clip.zh.srt", BROKEN_SRT)),
         "subtitle.parse_error", "warning", "videos/clip.zh.srt", "", BROKEN_SRT_LINE),
        ("video.truncated", lambda s: with_video(s, truncated_mp4()), "video.truncated", "warning", "pack.json",
         "/videos/0/file", True),
        ("video.no_moov", lambda s: with_video(s, mp4_without_moov()), "video.no_moov", "warning", "pack.json",
         "/videos/0/file", True),
        ("text.empty", lambda s: set_in(s.item(), ["title", "zh"], ""), "text.empty", "error", "pack.json",
         item + "/title/zh", True),
        ("text.missing_en", lambda s: s.item()["title"].pop("en"), "text.missing_en", "warning", "pack.json",
         item + "/title", True),
        ("image.missing_alt", lambda s: s.item()["images"][0].pop("alt"), "image.missing_alt", "warning", "pack.json",
         image, True),
        ("chapter.empty", empty_chapter, "chapter.empty", "warning", "pack.json", "/exhibitions/0/chapters/1", True),
        ("question.invalid", lambda s: set_in(s.bank, ["questions", 0, "options", 0, "correct"], False),
         "question.invalid", "error", BANK_FILE, "/questions/0", True),
        ("question.missing_explanation", lambda s: s.bank["questions"][1].pop("explanation"),
         "question.missing_explanation", "warning", BANK_FILE, "/questions/1", True),
        ("date.invalid", lambda s: s.item().update(date="1931-02-30"), "date.invalid", "error", "pack.json",
         item + "/date", True),
        ("text.glyph_missing", private_use_title, "text.glyph_missing", "warning", "pack.json",
         item + "/title/zh", True),
        ("derived.charset_stale", charset_then_edit, "derived.charset_stale", "warning", "derived/charset.txt",
         "", None),
    ]
    for name, mutate, code, severity, file, pointer, line in cases:
        make_broken(name, mutate, code, severity, file, pointer, line)
    print("wrote %s and %d packs under %s" % (os.path.relpath(VALID), len(cases), os.path.relpath(BROKEN)))
    return 0


def symlink_out(spec):
    # images/letter.png is a symlink to valid-minimal's image: outside this pack.
    del spec.files["images/letter.png"]
    spec.symlinks["images/letter.png"] = "../../../valid-minimal/images/letter.png"


def text_as_jpeg(spec):
    spec.files["images/letter.jpg"] = "这不是图像。This is a text file, not a JPEG.\n".encode("utf-8")
    set_in(spec.item(), ["images", 0, "file"], "images/letter.jpg")


def with_video(spec, mp4, subtitle=None):
    """Adds the video "clip" (videos/clip.mp4 = `mp4`), with one (lang, file, bytes) subtitle."""
    spec.files["videos/clip.mp4"] = mp4
    video = {"id": "clip", "title": text("短片", "Short film"), "file": "videos/clip.mp4"}
    if subtitle:
        lang, name, data = subtitle
        spec.files[name] = data
        video["subtitles"] = [{"lang": lang, "file": name}]
    spec.pack["videos"] = [video]


def latin1_subtitle(spec):
    with_video(spec, tiny_mp4_header(), ("fr", "videos/clip.fr.srt", LATIN1_SRT))


def private_use_title(spec):
    # A name with a character an archive encoded in the Private Use Area (U+E000, a "造字" of its
    # own font): no kiosk font may draw it. Its rare characters of CJK Extension B (U+21484,
    # U+20000) and the emoji have glyphs in the fallback fonts and are not reported.
    set_in(spec.item(), ["title", "zh"], "\U00021484\U00020000\ue000先生的一封信 \U0001F600")


def pack_characters(spec):
    """The characters `lantai build` lists in derived/charset.txt: printable ASCII and every
    character of the pack's visitor-facing texts (approximated: every string that is not an id,
    a path or a type), sorted, as one UTF-8 line."""
    chars = {chr(c) for c in range(0x20, 0x7F)}

    def walk(value, key=None):
        if isinstance(value, dict):
            for k, v in value.items():
                walk(v, k)
        elif isinstance(value, list):
            for v in value:
                walk(v, key)
        elif isinstance(value, str) and key not in ("id", "file", "type", "kind", "item", "lang"):
            chars.update(c for c in value if ord(c) >= 0x20)

    walk(spec.pack)
    walk(spec.bank)
    return "".join(sorted(chars)).encode("utf-8")


def charset_then_edit(spec):
    # Built (derived/charset.txt written), then the item's title edited: 家 is new.
    spec.files["derived/charset.txt"] = pack_characters(spec)
    set_in(spec.item(), ["title", "zh"], "一九三一年的一封家书")


def empty_chapter(spec):
    spec.pack["exhibitions"][0]["chapters"].append(
        {"id": "later-years", "title": text("晚年", "The later years"), "items": []}
    )


if __name__ == "__main__":
    sys.exit(main())
