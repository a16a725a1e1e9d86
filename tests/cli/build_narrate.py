#!/usr/bin/env python3
"""tests: `lantai build --narrate` on a copy of valid-minimal — files created and named in the
pack, marked synthetic in derived/narration.json, a re-run changes nothing, a recorded file is
never overwritten, a changed text is read again.

    build_narrate.py LANTAI PACKS_DIR
"""
import hashlib
import json
import os
import shutil
import subprocess
import sys
import tempfile

lantai, packs = sys.argv[1], sys.argv[2]
failures = []


def check(cond, what):
    print(("ok   " if cond else "FAIL ") + what)
    if not cond:
        failures.append(what)


def run(pack):
    p = subprocess.run([lantai, "build", pack, "--narrate", "--lang", "en"], capture_output=True,
                       text=True, timeout=120)
    print(p.stdout.strip())
    if p.returncode != 0:
        print(p.stderr)
    return p


def sha(path):
    with open(path, "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()


def load(path):
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def save(path, doc):
    with open(path, "w", encoding="utf-8") as f:
        json.dump(doc, f, ensure_ascii=False, indent=2)
        f.write("\n")


with tempfile.TemporaryDirectory(prefix="lantai-narrate-") as tmp:
    pack = os.path.join(tmp, "pack")
    shutil.copytree(os.path.join(packs, "valid-minimal"), pack)
    first = run(pack)
    check(first.returncode == 0, "first --narrate run succeeds")
    doc = load(os.path.join(pack, "pack.json"))
    item = doc["exhibitions"][0]["chapters"][0]["items"][0]
    narration = item.get("narration", {})
    check(set(narration) == {"zh", "en"}, f"the item got zh and en narration: {narration}")
    bank = load(os.path.join(pack, "quiz/basics.json"))
    check("narration" in bank["questions"][0], "the quiz question got narration")
    zh = os.path.join(pack, narration.get("zh", "missing"))
    check(os.path.isfile(zh) and os.path.getsize(zh) > 1000, f"{narration.get('zh')} was written")
    with open(zh, "rb") as f:
        head = f.read(4)
    check(head[:3] == b"ID3" or head[:2] in (b"\xff\xfb", b"\xff\xf3") or head == b"RIFF",
          f"it is MP3 (or WAV without ffmpeg): {head!r}")
    sidecar = load(os.path.join(pack, "derived/narration.json"))["files"]
    check(narration.get("zh") in sidecar and sidecar[narration["zh"]]["voice"] == "cmn",
          "derived/narration.json marks it synthetic (voice cmn)")
    check(sidecar.get(narration.get("zh"), {}).get("audio_sha256") == sha(zh), "with the audio's sha256")
    val = subprocess.run([lantai, "validate", pack, "--lang", "en"], capture_output=True, text=True)
    check(val.returncode == 0 and "narration" not in val.stdout, "the narrated pack validates cleanly")

    # A re-run changes nothing.
    before = {p: sha(os.path.join(pack, p)) for p in list(sidecar) + ["pack.json"]}
    mtime = os.path.getmtime(zh)
    second = run(pack)
    check(second.returncode == 0 and "0 generated" in second.stdout, "a re-run generates nothing")
    check(all(sha(os.path.join(pack, p)) == h for p, h in before.items()), "and writes no file")
    check(os.path.getmtime(zh) == mtime, "the audio file is not touched")

    # A curator's recording replaces the English file: never overwritten, even when the text changes.
    en = os.path.join(pack, narration["en"])
    recorded = open(zh, "rb").read()  # any real audio stands in for a recording
    with open(en, "wb") as f:
        f.write(recorded)
    item["title"]["en"] = "A letter written in 1931"
    item["title"]["zh"] = "一九三一年写的一封信"
    save(os.path.join(pack, "pack.json"), doc)
    zh_before = sha(zh)
    third = run(pack)
    check(third.returncode == 0 and "1 generated" in third.stdout, "a changed text is read again (zh only)")
    check(sha(en) == hashlib.sha256(recorded).hexdigest(), "the recorded English file is kept")
    check(sha(zh) != zh_before, "the synthetic Chinese file was regenerated")
    sidecar = load(os.path.join(pack, "derived/narration.json"))["files"]
    check(narration["en"] not in sidecar, "the recording is no longer marked synthetic")
    check(sidecar[narration["zh"]]["audio_sha256"] == sha(zh), "the sidecar follows the new file")

if failures:
    print(f"{len(failures)} check(s) failed")
    sys.exit(1)
print("all checks passed")
