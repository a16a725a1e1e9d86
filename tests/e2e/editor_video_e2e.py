#!/usr/bin/env python3
# tests/e2e: the editor's video panel under Xvfb — a clip, its poster and an SRT with a mistake
# dropped on the panel's rows (copied into the pack), the mistake's line reported, the clip
# playing in the kiosk preview with its subtitles, saved, `lantai validate` passing, and the pack
# in File → Open recent
"""Usage: editor_video_e2e.py --editor BIN --lantai BIN --out DIR"""
import argparse, json, os, shutil, subprocess, sys, time

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
    print(f"{time.monotonic() - started:.1f} s")
    print(f"{len(base.FAILURES)} failures")
    return 1 if base.FAILURES else 0


if __name__ == "__main__":
    sys.exit(main())
