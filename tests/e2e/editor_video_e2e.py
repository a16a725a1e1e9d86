#!/usr/bin/env python3
# tests/e2e: the editor's media files under Xvfb — the video panel: a clip, its poster and an SRT
# with a mistake dropped on the panel's rows (copied into the pack), the mistake's line reported,
# the clip playing in the kiosk preview with its subtitles, saved, `lantai validate` passing, and
# the pack in File → Open recent; an item's narration: audio chosen through the built-in file
# browser, a non-audio file refused, the synthetic mark, undo, remove
"""Usage: editor_video_e2e.py --editor BIN --lantai BIN --out DIR"""
import argparse, hashlib, json, os, shutil, subprocess, sys, time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import editor_e2e as base  # noqa: E402  (run_editor, load_pack, check)

check = base.check

# Line 6 has "->" where "-->" belongs: that cue is reported there and skipped, the others play.
BAD_SRT = """1
00:00:00,000 --> 00:00:03,000
第一段字幕：欢迎观看

2
00:00:03,000 -> 00:00:05,000
第二段字幕：档案里的故事

3
00:00:05,000 --> 00:00:06,000
第三段字幕：谢谢观看
"""


def make_media(folder):
    os.makedirs(folder, exist_ok=True)
    clip = os.path.join(folder, "档案短片.mp4")
    subprocess.run(["ffmpeg", "-hide_banner", "-loglevel", "error", "-y", "-f", "lavfi", "-i",
                    "testsrc2=size=320x240:rate=25:duration=6", "-c:v", "libx264", "-preset",
                    "veryfast", "-pix_fmt", "yuv420p", "-movflags", "+faststart", clip], check=True)
    poster = os.path.join(folder, "poster.png")
    subprocess.run(["ffmpeg", "-hide_banner", "-loglevel", "error", "-y", "-f", "lavfi", "-i",
                    "testsrc2=size=320x240", "-frames:v", "1", poster], check=True)
    srt = os.path.join(folder, "字幕.zh.srt")
    with open(srt, "w", encoding="utf-8") as f:
        f.write(BAD_SRT)
    return clip, poster, srt


def choose(target, path):
    """Script lines: a narration row's Choose… and the path typed into the built-in browser."""
    return [f"tap @field:narration:{target}:choose", "wait-idle 2000", "tap @dialog:path",
            f"type {path}", "tap @dialog:ok", "wait-idle 5000"]


def item_narration(pack, item_id):
    items = [i for e in base.load_pack(pack)["exhibitions"] for c in e["chapters"]
             for i in c["items"] if i["id"] == item_id]
    return items[0].get("narration") if items else "no such item"


def scenario_narration(args, pack, image, not_audio):
    """An item made from a dropped image gets a zh reading (a WAV chosen in the built-in file
    browser, copied into audio/narration/); an SRT offered as en is refused with a message; once
    derived/narration.json lists the zh file it is marked synthetic; an en MP3 chosen and undone
    leaves nothing behind; Remove takes the zh reading out and no empty narration stays."""
    started = time.monotonic()
    media = os.path.join(args.out, "media")
    wav, mp3 = os.path.join(media, "reading-zh.wav"), os.path.join(media, "reading-en.mp3")
    for out in (wav, mp3):
        subprocess.run(["ffmpeg", "-hide_banner", "-loglevel", "error", "-y", "-f", "lavfi", "-i",
                        "sine=frequency=440:duration=1", "-ac", "1", out], check=True)
    chapter = base.load_pack(pack)["exhibitions"][0]["chapters"][0]["id"]
    rc, state = base.run_editor(args, args.editor, [
        "wait-idle 10000", f"tap @tree:chapter:{chapter}", f"drop {image}", "wait-idle 10000",
        *choose("zh", wav), *choose("en", not_audio),
        "key ctrl+s", "wait-idle 5000", "screenshot editor-narration",
    ], "narration-1", extra=[pack])
    check(rc == 0, f"the narration run exits 0 (got {rc}; {state.get('script_errors')})")
    narration = state.get("narration") or {}
    item_id = narration.get("node", ":").split(":", 1)[1]
    zh = narration.get("zh", "")
    check(zh.startswith("audio/narration/") and zh.endswith(".wav") and narration.get("en") == "",
          f"the chosen WAV is the item's zh narration, en stays empty ({narration})")
    check(os.path.isfile(os.path.join(pack, zh)) and
          open(os.path.join(pack, zh), "rb").read() == open(wav, "rb").read(),
          f"the WAV was copied into the pack as {zh}")
    check(item_narration(pack, item_id) == {"zh": zh}, f"saved in pack.json ({item_narration(pack, item_id)})")
    refused = [m for m in state["messages"] if os.path.basename(not_audio) in m and "不是音频" in m]
    check(len(refused) == 1 and "not an audio file" in refused[0],
          f"the SRT is refused with a message naming it ({state['messages']})")
    check(narration.get("synthetic") == [], "a chosen file is not synthetic")
    check(not state["pack"]["dirty"], "saved")

    # What `lantai build --narrate` would record: the zh file is its synthetic reading.
    with open(os.path.join(pack, zh), "rb") as f:
        sha = hashlib.sha256(f.read()).hexdigest()
    os.makedirs(os.path.join(pack, "derived"), exist_ok=True)
    with open(os.path.join(pack, "derived", "narration.json"), "w", encoding="utf-8") as f:
        json.dump({"lantai_narration": 1, "files": {zh: {
            "owner": f"item:{item_id}", "lang": "zh", "voice": "cmn", "text_sha256": "0",
            "audio_sha256": sha}}}, f)
    audio_before = sorted(os.listdir(os.path.join(pack, "audio", "narration")))
    rc, state = base.run_editor(args, args.editor, [
        "wait-idle 10000", f"tap @tree:item:{item_id}", "wait-idle 3000",
        "tap @field:narration:zh", "wait-idle 2000", "screenshot editor-narration-synthetic",
        *choose("en", mp3), "key ctrl+z", "wait-idle 3000",
    ], "narration-2", extra=[pack])
    narration = state.get("narration") or {}
    check(rc == 0 and narration.get("synthetic") == ["zh"],
          f"derived/narration.json marks the zh reading synthetic ({narration})")
    check("field:narration:zh:synthetic" in state.get("targets", []), "the widget shows the mark")
    check(narration.get("en") == "" and narration.get("zh") == zh and state["pack"]["can_redo"]
          and not state["pack"]["dirty"], f"undo takes the en MP3 out in one step ({narration})")
    check(sorted(os.listdir(os.path.join(pack, "audio", "narration"))) == audio_before,
          "and its copy leaves the pack folder")

    rc, state = base.run_editor(args, args.editor, [
        "wait-idle 10000", f"tap @tree:item:{item_id}", "wait-idle 3000",
        "tap @field:narration:zh:remove", "wait-idle 3000", "key ctrl+s", "wait-idle 5000",
    ], "narration-3", extra=[pack])
    narration = state.get("narration") or {}
    check(rc == 0 and narration.get("zh") == "" and not state["pack"]["dirty"],
          f"Remove takes the zh reading out ({narration})")
    check(item_narration(pack, item_id) is None, "pack.json keeps no empty narration member")
    validate = subprocess.run([args.lantai, "validate", pack], capture_output=True, text=True)
    check(validate.returncode == 0, f"lantai validate passes (exit {validate.returncode})")
    print(f"narration: {time.monotonic() - started:.1f} s")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--editor", required=True)
    ap.add_argument("--lantai", required=True)
    ap.add_argument("--out", required=True)
    args = ap.parse_args()
    shutil.rmtree(args.out, ignore_errors=True)
    os.makedirs(args.out)
    # The recent list goes to a configuration folder of the test's own.
    os.environ["XDG_CONFIG_HOME"] = os.path.join(args.out, "config")
    started = time.monotonic()
    clip, poster, srt = make_media(os.path.join(args.out, "media"))
    pack = os.path.join(args.out, "影像展")
    rc, state = base.run_editor(args, args.editor, ["wait-idle 10000"], "video-0",
                                extra=["--new", pack])
    check(rc == 0 and state["open"], f"--new makes a pack (exit {rc})")

    rc, state = base.run_editor(args, args.editor, [
        "wait-idle 10000",
        "tap @tree:pack", "tap @field:organiser:zh", "type 兰台市档案馆",
        "tap @tree:add-video", "wait-idle 5000",
        "tap @field:video:file", f"drop {clip}", "wait-idle 20000",
        "tap @field:video:poster", f"drop {poster}", "wait-idle 10000",
        "tap @field:video:subtitles:zh", f"drop {srt}", "wait-idle 10000",
        "screenshot editor-video-files",
        "tap @video:play", "wait 2200",
        "screenshot editor-video-playing",
        "tap @video:play", "wait-idle 5000",
        "key ctrl+s", "wait-idle 5000",
    ], "video-1", extra=[pack])
    check(rc == 0, f"the video run exits 0 (got {rc}; {state.get('script_errors')})")
    files = state.get("video_files", {})
    check(files.get("file", "").startswith("videos/") and files.get("poster", "").startswith("videos/"),
          f"the clip and the poster are in the pack's videos folder ({files.get('file')}, {files.get('poster')})")
    subtitles = files.get("subtitles", [])
    check(len(subtitles) == 1 and subtitles[0]["lang"] == "zh", f"one zh subtitle file ({subtitles})")
    problems = subtitles[0]["problems"] if subtitles else []
    check(any(p["line"] == 6 and p["code"] == "subtitle.parse_error" for p in problems),
          f"the SRT's mistake is reported on line 6 ({problems})")
    check(subtitles and subtitles[0]["cues"] == 2, "the two good cues are still read")
    check("subtitle.parse_error" in state.get("diagnostic_codes", []),
          "the diagnostics panel lists it too (the validator's code)")
    video = state["preview"].get("video") or {}
    check(video.get("state") == "paused", f"the preview's player paused ({video.get('state')}; {video.get('error')})")
    check(video.get("position", 0) > 1.0,
          f"the clip played in the preview: position advanced to {video.get('position', 0):.2f} s")
    check(video.get("frames_rendered", 0) > 5, f"frames were drawn ({video.get('frames_rendered')})")
    # The player shows the cues core read (mpv's own SRT reader would run the broken cue's lines
    # into this one).
    check(video.get("subtitle") == "zh" and video.get("subtitle_text") == "第一段字幕：欢迎观看",
          f"the zh subtitle shows ({video.get('subtitle_text')!r})")
    check(not state["pack"]["dirty"], "saved")
    check(state["preview"].get("screen") == "video", f"the preview shows the video's player screen ({state['preview'].get('screen')})")

    data = base.load_pack(pack)
    saved = data.get("videos", [])
    check(len(saved) == 1, "pack.json has the video")
    if saved:
        v = saved[0]
        paths = [v.get("file", ""), v.get("poster", "")] + [s["file"] for s in v.get("subtitles", [])]
        check(all(p and os.path.isfile(os.path.join(pack, p)) for p in paths),
              f"every file was copied into the pack ({paths})")
    validate = subprocess.run([args.lantai, "validate", pack], capture_output=True, text=True)
    check(validate.returncode == 0,
          f"lantai validate passes (exit {validate.returncode}) {validate.stdout[-400:]}")
    check("subtitle.parse_error" in validate.stdout + validate.stderr,
          "and warns about the subtitle line")
    recent = state.get("recent_packs", [])
    check(recent and os.path.samefile(recent[0]["path"], pack) and recent[0]["exists"],
          f"the pack heads File → Open recent ({recent[:1]})")

    # A new subtitle language is one undo step: the entry and its copy go, and come back.
    video_id = saved[0]["id"] if saved else ""
    rc, state = base.run_editor(args, args.editor, [
        "wait-idle 10000", f"tap @tree:video:{video_id}", "wait-idle 5000",
        "tap @field:video:subtitles:en", f"drop {srt}", "wait-idle 10000",
        "key ctrl+z", "wait-idle 5000",
    ], "video-2", extra=[pack])
    langs = [s["lang"] for s in state.get("video_files", {}).get("subtitles", [])]
    check(rc == 0 and langs == ["zh"] and state["pack"]["can_redo"] and not state["pack"]["dirty"],
          f"undo takes the en subtitle out in one step ({langs})")
    print(f"video: {time.monotonic() - started:.1f} s")
    scenario_narration(args, pack, poster, srt)
    print(f"{time.monotonic() - started:.1f} s")
    print(f"{len(base.FAILURES)} failures")
    return 1 if base.FAILURES else 0


if __name__ == "__main__":
    sys.exit(main())
