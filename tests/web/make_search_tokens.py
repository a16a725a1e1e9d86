#!/usr/bin/env python3
# tests/web: writes search_tokens.json — the search tokeniser's test vectors (an independent
# Python implementation of tools/gallery/SITE.md "Search index"; C++ and JS tests both check them)
import json
import pathlib
import sys

SHARDS = 16


def is_cjk(cp):
    return (0x3400 <= cp <= 0x4DBF or 0x4E00 <= cp <= 0x9FFF or 0xF900 <= cp <= 0xFAFF
            or 0x20000 <= cp <= 0x2FA1F)


def is_word(ch):
    return ch.isascii() and ch.isalnum()


def tokens(text):
    out = []
    i = 0
    while i < len(text):
        ch = text[i]
        if is_word(ch):
            j = i
            while j < len(text) and is_word(text[j]):
                j += 1
            out.append(text[i:j].lower())
            i = j
        elif is_cjk(ord(ch)):
            j = i
            while j < len(text) and is_cjk(ord(text[j])):
                j += 1
            run = text[i:j]
            out.extend([run] if len(run) == 1 else [run[k:k + 2] for k in range(len(run) - 1)])
            i = j
        else:
            i += 1
    seen = []
    for t in out:
        if t not in seen:
            seen.append(t)
    return seen


def fnv1a32(token):
    h = 2166136261
    for b in token.encode("utf-8"):
        h = ((h ^ b) * 16777619) & 0xFFFFFFFF
    return h


TEXTS = [
    "", "档案", "档", "兰台档案", "Hello World", "A1-2-3", "毛泽东1935年手稿", "红军，长征。",
    "“遵义会议”（1935）", "档 案", "档案档案", "café", "カタカナ", "ひらがな漢字", "㐀㐁",
    "𠀀𠀁𠀂", "豈更", "MixedCase ABC", "中文English混排", "1921年7月", "  \t\n", "全宗号：J001-002-0003",
    "<script>alert(1)</script>", "周恩来·邓颖超", "档案😀馆", "１９３５", "don't", "red-archive",
    "上海市档案馆藏", "第一次国共合作、北伐战争", "Letter from Yan'an, 1938", "档案 archive 档案 ARCHIVE",
]


def main():
    cases = []
    for text in TEXTS:
        toks = tokens(text)
        cases.append({"text": text, "tokens": toks, "shards": [fnv1a32(t) % SHARDS for t in toks]})
    lines = [json.dumps(c, ensure_ascii=False) for c in cases]  # one case a line, readable in a diff
    text = '{"shards": %d, "cases": [\n%s\n]}\n' % (SHARDS, ",\n".join(lines))
    json.loads(text)
    out = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else pathlib.Path(__file__).with_name("search_tokens.json"))
    out.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
