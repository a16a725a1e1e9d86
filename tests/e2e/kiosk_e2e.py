#!/usr/bin/env python3
# tests/e2e: drives the real lantai-kiosk under Xvfb with a script and asserts on the state it reports
# (over 500 lines: the scenarios are data — steps and expected states — sharing one runner)
"""Usage: kiosk_e2e.py --kiosk BIN --scenario NAME [--pack DIR] [--size WxH] [--out DIR]

Each scenario is a list of steps: a script line (see kiosk/SCRIPTS.md) and, optionally, what
the kiosk's state must contain after that step. The kiosk runs for real (SDL2 + OpenGL on
Mesa llvmpipe inside xvfb-run); screenshots are kept in OUT for humans to look at."""
import argparse, json, os, shlex, shutil, subprocess, sys, tempfile

HERE = os.path.dirname(os.path.abspath(__file__))


# The window of this run (--size): scenarios whose gestures land on the picture need to know
# where it is — beside the caption in landscape, above the reach band (the upper part) in portrait.
WINDOW = (1920, 1080)


def picture_point():
    width, height = WINDOW
    return "30% 30%" if height > width else "30% 55%"


def browse(first_item, next_item_of_first, chapter, exhibition):
    """Attract -> home -> exhibition -> chapter -> item -> zoom -> swipe -> language -> idle reset."""
    at = picture_point()
    return [
        ("wait-idle 5000", {"screen": "attract", "session": "attract"}),
        ("screenshot attract", None),
        ("tap @attract", {"screen": "home", "session": "active"}),
        ("wait-idle 5000", None),
        ("screenshot home", None),
        (f"tap @exhibition:{exhibition}", {"screen": "exhibition", "exhibition": exhibition}),
        ("wait-idle 5000", None),
        ("screenshot exhibition", None),
        (f"tap @chapter:{chapter}", {"screen": "chapter", "chapter": chapter}),
        ("wait-idle 8000", None),
        ("screenshot chapter", None),
        ("drag 50% 85% 50% 25% 250", {"screen": "chapter", "grid_scroll": ("scrolled", 0)}),
        ("wait-idle 5000", None),
        ("screenshot chapter-scrolled", None),
        # Back up: from the top of the cards (in portrait the reach band's, below the header).
        (f"drag 50% {45 if WINDOW[1] > WINDOW[0] else 25}% 50% 95% 250", None),
        ("wait-idle 5000", {"grid_scroll": ("<", 1)}),
        (f"tap @item:{first_item}", {"screen": "item", "item": first_item, "zoom": ("<", 0.01)}),
        ("wait-idle 10000", {"zoom_sharp": True, "image_failed": False}),
        ("screenshot item", None),
        (f"doubletap {at}", None),
        ("wait-idle 10000", {"zoom": (">", 0.2), "zoom_sharp": True}),
        ("screenshot item-zoomed", None),
        (f"pinch {at} 2.0 300", None),
        ("wait-idle 10000", {"zoom": (">", 0.4), "zoom_sharp": True}),
        ("screenshot item-pinched", None),
        ("tap @zoom-reset", None),
        ("wait-idle 5000", {"zoom": ("<", 0.01)}),
        (f"swipe left {at}", {"screen": "item", "item": next_item_of_first}),
        ("wait-idle 8000", None),
        (f"swipe right {at}", {"item": first_item}),
        ("wait-idle 8000", None),
        ("tap @lang", {"language": "en"}),
        ("wait-idle 5000", None),
        ("screenshot item-en", None),
        ("advance 95", None),
        ("wait 300", {"still_there": True, "session": "still_there", "language": "en"}),
        ("screenshot still-there", None),
        ("advance 12", None),
        ("wait 1500", None),
        ("wait-idle 5000", {"screen": "attract", "session": "attract", "language": "zh", "item": "", "still_there": False}),
        ("screenshot after-reset", None),
    ]


def demo_browse():
    return browse("sample-1-09-bignews", "sample-2-01-diary", "ch1-foundations", "red-archives-sample")


def still_there_continue():
    return [
        ("tap @attract", {"screen": "home"}),
        ("advance 92", None),
        ("wait 300", {"still_there": True}),
        ("tap 50% 50%", {"still_there": False, "screen": "home", "session": "active"}),
        ("advance 60", None),
        ("wait 300", {"still_there": False, "screen": "home"}),
    ]


def lockdown():
    return [
        ("tap @attract", {"screen": "home"}),
        ("key escape", {"screen": "home"}),
        ("key alt+f4", None),
        ("key ctrl+q", None),
        ("key ctrl+w", {"screen": "home"}),
        ("screenshot still-running", None),
    ]


def visits():
    """Three visitors in a row, with `advance` past the idle timeout between them (no real waiting)."""
    return [
        ("wait-idle 5000", {"screen": "attract", "session": "attract"}),
        # Visit 1: browses to a chapter and walks away.
        ("tap @attract", {"screen": "home", "session": "active"}),
        ("tap @exhibition:red-archives-sample", {"screen": "exhibition"}),
        ("tap @chapter:ch1-foundations", {"screen": "chapter", "chapter": "ch1-foundations"}),
        ("advance 101", {"screen": "attract", "session": "attract", "exhibition": "", "chapter": ""}),
        # Visit 2: switches to English, answers "still there?" once, then leaves.
        ("tap @attract", {"screen": "home", "session": "active", "language": "zh"}),
        ("tap @lang", {"language": "en"}),
        ("advance 95", {"still_there": True, "session": "still_there", "still_there_seconds": 5}),
        ("tap @continue", {"still_there": False, "session": "active", "screen": "home", "language": "en"}),
        ("advance 101", {"screen": "attract", "session": "attract", "language": "zh", "still_there": False}),
        # Visit 3: opens an item and leaves; the kiosk is ready for the next visitor.
        ("tap @attract", {"screen": "home", "session": "active", "language": "zh"}),
        ("tap @exhibition:red-archives-sample", None),
        ("tap @chapter:ch1-foundations", None),
        ("tap @item:sample-1-01-letter", {"screen": "item", "item": "sample-1-01-letter"}),
        ("advance 101", {"screen": "attract", "session": "attract", "item": ""}),
        ("wait-idle 5000", {"screen": "attract", "session": "attract", "still_there": False}),
    ]


def out_of_service():
    return [
        ("wait 500", {"screen": "out_of_service", "out_of_service_reason": ("contains", "pack.json")}),
        ("screenshot out-of-service", None),
        ("tap 50% 50%", {"screen": "out_of_service"}),
        ("wait 300", {"screen": "out_of_service"}),
    ]


def minimal_item():
    """tests/packs/valid-minimal is not built: images are decoded from the originals."""
    return [
        ("tap @attract", {"screen": "home"}),
        ("tap @exhibition:letters", {"screen": "exhibition"}),
        ("tap @chapter:early-years", {"screen": "chapter"}),
        ("tap @item:letter-1931", {"screen": "item"}),
        ("wait-idle 8000", {"image_failed": False, "item": "letter-1931"}),
        ("screenshot minimal-item", None),
    ]


def corrupt_image():
    """valid-minimal with the image's pixel data destroyed (its header still validates)."""
    return [
        ("tap @attract", {"screen": "home"}),
        ("tap @exhibition:letters", None),
        ("tap @chapter:early-years", None),
        ("tap @item:letter-1931", {"screen": "item"}),
        ("wait-idle 8000", {"image_failed": True, "screen": "item"}),
        ("screenshot corrupt-image", None),
        ("tap @back", {"screen": "chapter"}),
        ("tap @home", {"screen": "home"}),
    ]


# Rare characters of a personal name (CJK Extensions B and G: HanaMinA, HanaMinB, BabelStone Han)
# and emoji (Symbola) in an item's title and caption; the English title ends with a private-use
# character no font may draw.
RARE_TITLE_ZH = "\U00021484\U00020000先生的家书 \U0001F4DC\U0001F600"
RARE_CAPTION_ZH = "手写信札，一页，署名\U0002000B\U00030000 \u2764\ufe0f"
RARE_TITLE_EN = "A family letter from Mr \U00021484\U00020000 \U0001F600 \ue000"


def rare_characters():
    """Item titled with Extension B characters and emoji: every drawn character has its glyph."""
    return [
        ("tap @attract", {"screen": "home"}),
        ("tap @exhibition:letters", {"screen": "exhibition"}),
        ("tap @chapter:early-years", {"screen": "chapter", "missing_glyphs": []}),
        ("tap @item:letter-1931", {"screen": "item"}),
        ("wait-idle 8000", {"item": "letter-1931", "missing_glyphs": [], "image_failed": False}),
        ("screenshot rare-characters-item", None),
        # The private-use character of the English title has no glyph: reported, drawn as '?'.
        ("tap @lang", {"language": "en", "missing_glyphs": ["U+E000"]}),
        ("screenshot rare-characters-item-en", None),
    ]


def rare_characters_copy(pack, work):
    """valid-minimal with RARE_* as the item's title and caption."""
    dest = os.path.join(work, "rare-characters-pack")
    shutil.copytree(pack, dest, ignore=shutil.ignore_patterns("derived"))
    path = os.path.join(dest, "pack.json")
    with open(path, encoding="utf-8") as f:
        pack_json = json.load(f)
    item = pack_json["exhibitions"][0]["chapters"][0]["items"][0]
    item["title"] = {"zh": RARE_TITLE_ZH, "en": RARE_TITLE_EN}
    item["caption"] = {"zh": RARE_CAPTION_ZH, "en": "Handwritten, one page, signed \U0002000B\U00030000"}
    with open(path, "w", encoding="utf-8") as f:
        json.dump(pack_json, f, ensure_ascii=False, indent=2)
    return dest


def kinetic_grid():
    """A 300-item chapter (tests/bench/make_large_pack.py): a fling keeps scrolling after release."""
    return [
        ("tap @attract", {"screen": "home"}),
        ("tap @exhibition:bench", {"screen": "exhibition"}),
        ("tap @chapter:chapter-00", {"screen": "chapter", "grid_max_scroll": (">", 5000)}),
        ("wait-idle 8000", None),
        ("swipe up 50% 70%", None),
        ("wait-idle 8000", {"grid_scroll": (">", 700)}),  # the finger moved 30 % of 1080 = 324 px
        ("screenshot grid-flung", None),
        ("drag 50% 40% 50% 60% 400", None),
        ("wait-idle 8000", {"screen": "chapter"}),
    ]


def layouts():
    """Every visitor screen once, for screenshots at a given size (and nothing cut off)."""
    return [
        ("wait-idle 8000", {"screen": "attract"}),
        ("screenshot attract", None),
        ("tap @attract", {"screen": "home"}),
        ("wait-idle 8000", None),
        ("screenshot home", None),
        ("tap @exhibition:red-archives-sample", {"screen": "exhibition"}),
        ("wait-idle 8000", None),
        ("screenshot exhibition", None),
        ("tap @chapter:ch2-aspiration", {"screen": "chapter"}),
        ("wait-idle 8000", None),
        ("screenshot chapter", None),
        ("tap @back", {"screen": "exhibition"}),
        ("tap @chapter:ch1-foundations", None),
        ("tap @item:sample-1-08-postcard", {"screen": "item", "item": "sample-1-08-postcard"}),
        ("wait-idle 8000", {"zoom_sharp": True}),
        ("screenshot item", None),
        ("tap @image:1", {"image": 1}),
        ("wait-idle 8000", {"zoom_sharp": True}),
        ("screenshot item-second-image", None),
        ("tap @lang", {"language": "en"}),
        ("wait-idle 8000", None),
        ("screenshot item-en", None),
    ]


def idle_no_redraw():
    """Event-driven loop: on a still home screen the kiosk draws (almost) nothing."""
    return [
        ("tap @attract", {"screen": "home"}),
        ("wait-idle 8000", None),
        ("wait 3000", {"frames": ("at_most_more_than_step", (2, 3))}),
    ]


def configured():
    """--config: theme, language and idle timeout from a TOML file (see deploy/kiosk.example.toml)."""
    return [
        ("wait 300", {"theme": "high-contrast", "language": "en", "screen": "attract"}),
        ("tap @attract", {"screen": "home"}),
        ("wait-idle 8000", None),
        ("screenshot home-high-contrast", None),
        ("advance 31", None),
        ("wait 300", {"still_there": True}),
        ("screenshot still-there-high-contrast", None),
    ]


def example_set_command():
    """The command line deploy/kiosk.example.toml shows (--config FILE --set session.idle_timeout_s=60
    --set dev_mode=true): "Still there?" comes after 60 s without a touch, not the default 90 s."""
    return [
        ("tap @attract", {"screen": "home"}),
        ("advance 55", None),
        ("wait 300", {"still_there": False, "screen": "home", "session": "active"}),
        ("advance 6", None),
        ("wait 300", {"still_there": True, "session": "still_there"}),
    ]


def example_command(example, pack, work):
    """The example's `lantai-kiosk --config ... --set ...` line, run on a copy of the example that
    a booth would have (its pack and state paths pointed at the test's)."""
    with open(example, encoding="utf-8") as f:
        text = f.read()
    line = next(l for l in text.splitlines() if "lantai-kiosk" in l and "--set" in l)
    args = shlex.split(line.split("lantai-kiosk", 1)[1])
    state = os.path.join(work, "state")
    config = os.path.join(work, "kiosk.toml")
    with open(config, "w", encoding="utf-8") as f:
        f.write(text.replace("/srv/lantai/packs/current", os.path.abspath(pack)).replace("/var/lib/lantai", state))
    return [config if a == "/etc/lantai/kiosk.toml" else a for a in args]


CONFIGURED_TOML = """
[display]
theme = "high-contrast"
[session]
default_language = "en"
idle_timeout_s = 30
still_there_s = 5
"""


def quiz_solo():
    """A visitor picks a level and a nickname, answers 5 questions (4 right), sees the archive, ranks today."""
    return [
        ("tap @attract", {"screen": "home"}),
        ("tap @quiz", {"screen": "quiz", "quiz": ("sub", {"stage": "entry"})}),
        ("screenshot quiz-entry", None),
        ("tap @level:primary", {"quiz": ("sub", {"stage": "nickname"})}),
        ("screenshot quiz-nickname", None),
        ("tap @nickname:*", {"quiz": ("sub", {"stage": "playing", "index": 0})}),
        ("wait-idle 5000", None),
        ("screenshot quiz-question", None),
        ("quiz-answer correct", {"quiz": ("sub", {"answered": True, "last_correct": True})}),
        ("screenshot quiz-correct", None),
        ("tap @next", {"quiz": ("sub", {"index": 1, "answered": False})}),
        ("quiz-answer wrong", {"quiz": ("sub", {"answered": True, "last_correct": False})}),
        ("screenshot quiz-wrong", None),
        ("tap @see-archive?", None),  # when this question links an item: open it ...
        ("tap @back?", {"screen": "quiz", "quiz": ("sub", {"stage": "playing", "answered": True, "index": 1})}),  # ... and come back
        ("tap @next", None),
        ("quiz-answer correct", None),
        ("tap @next", None),
        ("quiz-answer correct", None),
        ("tap @next", None),
        ("quiz-answer correct", None),
        ("tap @next", {"quiz": ("sub", {"stage": "result", "correct_count": 4, "rank": 1, "leaderboard_size": 1})}),
        ("wait-idle 5000", None),
        ("screenshot quiz-result", None),
        ("tap @play-again", {"quiz": ("sub", {"stage": "entry"})}),
        ("tap @home", {"screen": "home"}),
    ]


def quiz_team():
    """A teacher unlocks a class contest with the PIN, two teams take turns, the podium shows the winner."""
    steps = [
        ("tap @attract", {"screen": "home"}),
        ("tap @quiz", {"screen": "quiz"}),
        ("tap @class", {"quiz": ("sub", {"stage": "pin"})}),
        ("tap @pin:1", None), ("tap @pin:1", None), ("tap @pin:1", None), ("tap @pin:1", None),
        ("tap @pin-ok", {"quiz": ("sub", {"stage": "pin"})}),  # wrong PIN: stays, says so
        ("screenshot quiz-pin-wrong", None),
        ("tap @pin:2", None), ("tap @pin:4", None), ("tap @pin:6", None), ("tap @pin:8", None),
        ("tap @pin-ok", {"quiz": ("sub", {"stage": "team_setup"})}),
        ("tap @teams:2", None),
        ("tap @per-team:3", None),
        ("screenshot quiz-team-setup", None),
        ("tap @team-start", {"quiz": ("sub", {"stage": "playing", "mode": "team", "team": "red"})}),
        ("screenshot quiz-team-turn", None),
    ]
    # Red answers everything right, blue everything wrong: red wins.
    for turn in range(6):
        steps.append(("quiz-answer correct" if turn % 2 == 0 else "quiz-answer wrong", None))
        if turn == 1:
            steps.append(("screenshot quiz-team-feedback", None))
        steps.append(("tap @next", None))
    steps[-1] = ("tap @next", {"quiz": ("sub", {"stage": "result", "team_finished": True, "winner": "red"})})
    steps += [("wait-idle 5000", None), ("screenshot quiz-podium", None),
              ("advance 200", None), ("wait 300", {"still_there": False, "screen": "quiz"}),  # class timeout is longer
              ("tap @quiz-finish", {"screen": "home"})]
    return steps


VIDEO_PLAYER_STEPS = [
    ("wait 1500", {"video.state": "playing", "video.attract": False, "video.muted": False, "blocking_activity": True,
                   "video.subtitle": "zh", "video.position": (">", 0.3)}),
    ("screenshot video-playing", None),
    # The idle timeout does not fire while the video plays ...
    ("advance 200", None),
    ("wait 300", {"still_there": False, "screen": "video", "session": "active"}),
    # ... pause holds the picture and the position.
    ("tap @play-pause", {"video.state": "paused", "blocking_activity": False}),
    ("wait 1200", {"video.state": "paused"}),
    ("wait 300", {"video.position": ("near_step", (-2, 0.15))}),
    ("screenshot video-paused", None),
    ("tap @sub:en", {"video.subtitle": "en"}),
    ("wait 400", {"video.subtitle_text": ("contains", "Cue")}),
    ("screenshot video-subtitles-en", None),
    ("tap @sub:off", {"video.subtitle": ""}),
    ("wait 400", {"video.subtitle_text": ""}),
    ("tap @sub:zh", {"video.subtitle": "zh"}),
    ("wait 400", {"video.subtitle_text": ("contains", "字幕")}),
    # Seek by dragging the bar, then by the buttons: both land within 1 s of the target.
    ("drag @seek-bar 30% 50% 400", {"video.seek_target": (">", 0.5)}),
    ("wait 900", {"video.position": ("near_key", ("video.seek_target", 1.0))}),
    ("tap @forward10", None),
    ("wait 900", {"video.position": ("near_key", ("video.seek_target", 1.0))}),
    ("tap @back10", {"video.seek_target": ("<", 1.0)}),
    ("wait 900", {"video.position": ("near_key", ("video.seek_target", 1.0))}),
    ("tap @vol-up", {"video.volume": 80}),
    ("tap @vol-up", {"video.volume": 90}),
    ("tap @vol-up", {"video.volume": 90}),  # the configured maximum
    ("tap @play-pause", {"video.state": "playing", "blocking_activity": True}),
]


def video_library():
    """The attract loop plays the clip muted; a visitor opens the library, plays it, and it returns there at the end."""
    steps = [
        ("wait 1500", {"screen": "attract", "video.attract": True, "video.muted": True, "video.state": "playing",
                       "blocking_activity": False}),
        ("screenshot attract-video", None),
        ("tap @attract", {"screen": "home"}),
        ("wait 300", {"video": None}),  # leaving the attract loop stops its video
        ("screenshot home-with-videos", None),
        ("tap @videos", {"screen": "videos"}),
        ("wait-idle 5000", None),
        ("screenshot video-library", None),
        ("tap @video:clip", {"screen": "video", "video.id": "clip"}),
    ] + VIDEO_PLAYER_STEPS + [
        ("wait 9000", {"screen": "videos", "video": None, "blocking_activity": False}),  # the end returns to the library
        ("screenshot video-library-after", None),
        # The idle clock starts at the end of the video.
        ("advance 95", None),
        ("wait 300", {"still_there": True}),
    ]
    return steps


def video_item():
    """An item's "watch the video" button plays its video; the end returns to the item."""
    return [
        ("tap @attract", {"screen": "home"}),
        ("tap @exhibition:letters?", None),
        ("tap @chapter:early-years?", None),
        ("tap @item:letter-1931", {"screen": "item"}),
        ("wait-idle 5000", None),
        ("screenshot item-with-video", None),
        ("tap @watch-video", {"screen": "video", "video.id": "clip", "video.state": ("in", ["loading", "playing"])}),
        ("wait 1500", {"video.state": "playing"}),
        ("tap @forward10", None),  # past the end: the video ends
        ("wait 2500", {"screen": "item", "item": "letter-1931", "video": None}),
        ("tap @watch-video", {"screen": "video"}),
        ("wait 800", None),
        ("tap @back", {"screen": "item", "video": None}),
    ]


def video_errors():
    """Corrupt, truncated and missing files show a card in both languages; the kiosk carries on."""
    steps = [("tap @attract", {"screen": "home"}), ("tap @videos", {"screen": "videos"}), ("wait-idle 5000", None)]
    for vid in ["corrupt", "truncated", "missing"]:
        steps += [
            (f"tap @video:{vid}", {"screen": "video", "video.id": vid}),
            ("wait 2500", {"video.state": ("in", ["failed", "idle"]), "video.error": ("contains", "video"),
                           "video.error_zh": ("contains", "视频"), "video.error_file": f"videos/{vid}.mp4",
                           "blocking_activity": False}),
            (f"screenshot video-error-{vid}", None),
            ("tap @video-error-back", {"screen": "videos"}),
        ]
    steps += [("tap @video:clip", {"screen": "video"}), ("wait 1500", {"video.state": "playing"})]
    return steps


def demo_video():
    """The demo pack's videos as a visitor uses them: home tile, library, play with Chinese then English subtitles."""
    return [
        ("tap @attract", {"screen": "home"}),
        ("tap @videos", {"screen": "videos"}),
        ("wait-idle 8000", None),
        ("screenshot demo-video-library", None),
        ("tap @video:reading-archives-01", {"screen": "video"}),
        ("wait 2500", {"video.state": "playing", "video.subtitle": "zh", "video.subtitle_text": ("contains", "示例")}),
        ("screenshot demo-video-zh", None),
        ("tap @sub:en", {"video.subtitle": "en"}),
        ("wait 1200", {"video.subtitle_text": ("contains", "ample")}),
        ("screenshot demo-video-en", None),
        ("tap @lang", {"language": "en"}),
        ("wait 600", None),
        ("screenshot demo-video-en-ui", None),
        ("tap @back", {"screen": "videos", "video": None}),
        ("tap @video:reading-archives-02", {"screen": "video", "video.subtitle": "en"}),  # the visitor's language now
        ("wait 2500", {"video.state": "playing"}),
        ("screenshot demo-video-2", None),
    ]


QR_BASE = "https://archives.example.org/gallery/"


def qr_handoff():
    """With [web] base_url set, item pages show a QR code to the item in the cloud gallery (in the visitor's language)."""
    return [
        ("tap @attract", {"screen": "home", "qr_url": ""}),
        ("tap @exhibition:red-archives-sample", None),
        ("tap @chapter:ch1-foundations", None),
        ("tap @item:sample-1-01-letter", {"qr_url": QR_BASE + "zh/items/sample-1-01-letter.html"}),
        ("wait-idle 8000", None),
        ("screenshot item-qr", None),
        ("tap @lang", {"qr_url": QR_BASE + "en/items/sample-1-01-letter.html"}),
        ("wait-idle 5000", None),
        ("screenshot item-qr-en", None),
    ]


def decode_qr(png):
    """The text of the QR code in a screenshot, read by zbarimg (None when zbarimg is not installed)."""
    if not shutil.which("zbarimg"):
        return None
    out = subprocess.run(["zbarimg", "-q", "--raw", png], capture_output=True, text=True)
    return out.stdout.strip()


def last_good():
    """The configured pack is broken, the last good pack is shown instead."""
    return [("wait 500", {"screen": "attract", "pack": "valid-minimal"}),
            ("tap @attract", {"screen": "home"})]


def narration():
    """Issue 18: `lantai build --narrate` wrote the item's and the question's readings (the copy made
    in main); Listen plays them through libmpv (audio output null) and the state says what plays;
    leaving the item and switching the language stop it; it holds the idle timeout off."""
    item = "item:letter-1931"
    return [
        ("wait-idle 5000", {"screen": "attract", "narration.available": True, "narration.playing": False}),
        ("tap @attract", None),
        ("tap @exhibition:letters", None),
        ("tap @chapter:early-years", {"screen": "chapter"}),
        ("tap @item:letter-1931", {"screen": "item", "targets": ("has", "listen")}),
        ("wait-idle 8000", None),
        ("screenshot item-listen", None),
        ("tap @listen", {"narration.target": item, "narration.file": "audio/narration/item-letter-1931.zh.mp3",
                         "narration.state": ("in", ["loading", "playing"])}),
        ("wait 600", {"narration.playing": True, "narration.volume": 70, "narration.duration": (">", 0.5)}),
        ("screenshot item-listening", None),
        ("tap @back", {"screen": "chapter", "narration.target": "", "narration.playing": False}),
        ("tap @item:letter-1931", None),
        ("tap @listen", None),
        ("wait 500", {"narration.playing": True}),
        ("tap @listen", {"narration.target": "", "narration.playing": False}),  # "Stop"
        ("tap @listen", None),
        ("wait 500", {"narration.playing": True}),
        ("tap @lang", {"language": "en", "narration.target": ""}),  # the reading was Chinese
        ("tap @listen", {"narration.file": "audio/narration/item-letter-1931.en.mp3"}),
        ("wait 500", {"narration.playing": True}),
        # A reading holds the idle timeout off, as a playing video does: a visitor listening
        # without touching is not asked "still there?"; once it is stopped the timeout counts.
        ("advance 101", {"screen": "item", "still_there": False, "narration.playing": True}),
        ("tap @listen", {"narration.target": "", "narration.playing": False}),
        ("advance 101", None),
        ("wait 1500", {"screen": "attract", "narration.target": "", "narration.playing": False}),
        ("tap @attract", None),
        ("tap @lang", {"language": "en"}),
        ("tap @quiz", {"screen": "quiz"}),
        ("tap @level:primary", None),
        ("tap @nickname:*", {"quiz": ("sub", {"stage": "playing", "index": 0}), "targets": ("has", "listen")}),
        ("wait-idle 5000", None),
        ("tap @listen", {"narration.target": ("contains", "question:")}),
        ("wait 500", {"narration.playing": True}),
        ("screenshot quiz-listening", None),
        ("quiz-answer correct", None),
        ("tap @next", {"quiz": ("sub", {"index": 1}), "narration.target": ""}),  # the next question
    ]


def narration_broken():
    """A pack whose item narration is broken (text saved as .mp3 in Chinese; a WAV whose format is
    no codec in English): Listen shows the usual problem card naming the file, Close dismisses it
    and the kiosk carries on."""
    return [
        ("wait-idle 5000", {"screen": "attract"}),
        ("tap @attract", None),
        ("tap @exhibition:letters", None),
        ("tap @chapter:early-years", None),
        ("tap @item:letter-1931", {"screen": "item", "targets": ("has", "listen")}),
        ("tap @listen", {"narration.error": ("contains", "narration"), "narration.error_file": "audio/broken.mp3",
                         "targets": ("has", "narration-error-close")}),
        ("wait-idle 5000", None),
        ("screenshot narration-error", None),
        ("tap @narration-error-close", {"narration.error": None, "screen": "item", "narration.target": ""}),
        ("tap @lang", {"language": "en"}),
        ("tap @listen", None),
        ("wait 2000", {"narration.state": "failed", "narration.error_file": "audio/bad-codec.wav",
                       "targets": ("has", "narration-error-close")}),
        ("screenshot narration-error-mpv", None),
        ("tap 5% 5%", {"narration.error": None}),  # a tap beside the card closes it too
        ("tap @back", {"screen": "chapter"}),
        ("tap @item:letter-1931", {"screen": "item", "image_failed": False}),
    ]


def narrated_copy(pack, work, lantai):
    """valid-minimal narrated by `lantai build --narrate` (espeak-ng + ffmpeg)."""
    dest = os.path.join(work, "narrated-pack")
    shutil.copytree(pack, dest, ignore=shutil.ignore_patterns("derived"))
    subprocess.run([lantai, "build", dest, "--narrate", "--lang", "en"], check=True, capture_output=True)
    return dest


def broken_narration_copy(pack, work):
    """valid-minimal with broken narration files on its item (and the validator's warnings only)."""
    dest = os.path.join(work, "broken-narration-pack")
    shutil.copytree(pack, dest, ignore=shutil.ignore_patterns("derived"))
    os.makedirs(os.path.join(dest, "audio"))
    with open(os.path.join(dest, "audio", "broken.mp3"), "w") as f:
        f.write("this was meant to be a recording\n")
    # A complete RIFF/WAVE file whose format tag (0x7777) no decoder knows: the header check
    # passes, mpv cannot play it.
    data = bytes(800)
    fmt = (0x7777).to_bytes(2, "little") + (1).to_bytes(2, "little") + (22050).to_bytes(4, "little") \
        + (44100).to_bytes(4, "little") + (2).to_bytes(2, "little") + (16).to_bytes(2, "little")
    body = b"WAVE" + b"fmt " + len(fmt).to_bytes(4, "little") + fmt + b"data" + len(data).to_bytes(4, "little") + data
    with open(os.path.join(dest, "audio", "bad-codec.wav"), "wb") as f:
        f.write(b"RIFF" + len(body).to_bytes(4, "little") + body)
    path = os.path.join(dest, "pack.json")
    doc = json.load(open(path, encoding="utf-8"))
    doc["exhibitions"][0]["chapters"][0]["items"][0]["narration"] = {"zh": "audio/broken.mp3", "en": "audio/bad-codec.wav"}
    with open(path, "w", encoding="utf-8") as f:
        json.dump(doc, f, ensure_ascii=False, indent=2)
    return dest


SCENARIOS = {
    "browse": demo_browse,
    "still_there": still_there_continue,
    "lockdown": lockdown,
    "visits": visits,
    "out_of_service": out_of_service,
    "minimal_item": minimal_item,
    "corrupt_image": corrupt_image,
    "rare_characters": rare_characters,
    "last_good": last_good,
    "kinetic_grid": kinetic_grid,
    "layouts": layouts,
    "idle_no_redraw": idle_no_redraw,
    "configured": configured,
    "example_set_command": example_set_command,
    "quiz_solo": quiz_solo,
    "quiz_team": quiz_team,
    "qr_handoff": qr_handoff,
    "demo_video": demo_video,
    "video_library": video_library,
    "video_item": video_item,
    "video_errors": video_errors,
    "narration": narration,
    "narration_broken": narration_broken,
}


def corrupted_copy(pack, work):
    """Copies a pack and overwrites the bytes after each PNG's IHDR chunk with garbage."""
    dest = os.path.join(work, "corrupt-pack")
    shutil.copytree(pack, dest, ignore=shutil.ignore_patterns("derived"))
    for root, _, files in os.walk(dest):
        for name in files:
            if name.endswith(".png"):
                path = os.path.join(root, name)
                data = bytearray(open(path, "rb").read())
                keep = 8 + 25  # signature + IHDR chunk
                data[keep:] = bytes((i * 37 + 11) % 251 for i in range(len(data) - keep))
                open(path, "wb").write(bytes(data))
    return dest


def lookup(state, key):
    """`a.b` reads state["a"]["b"]; a missing level gives None."""
    for part in key.split("."):
        state = state.get(part) if isinstance(state, dict) else None
    return state


def check(expect, state, states):
    problems = []
    index = len(states) and next((i for i, s in enumerate(states) if s is state), len(states) - 1)
    for key, want in expect.items():
        got = lookup(state, key)
        if isinstance(want, tuple):
            op, value = want
            number = isinstance(got, (int, float))
            ok = ((op == "sub" and isinstance(got, dict) and all(got.get(k) == v for k, v in value.items()))
                  or (op == "in" and got in value)
                  or (op == "near_key" and number and isinstance(lookup(state, value[0]), (int, float))
                      and abs(got - lookup(state, value[0])) <= value[1])
                  or (op == "near_step" and number and isinstance(lookup(states[index + value[0]], key), (int, float))
                      and abs(got - lookup(states[index + value[0]], key)) <= value[1])
                  or (op == "at_most_more_than_step" and got <= states[value[0]][key] + value[1])
                  or (op == "scrolled" and (got > value or state.get("grid_max_scroll") == 0))
                  or (op == ">" and isinstance(got, (int, float)) and got > value)
                  or (op == "<" and isinstance(got, (int, float)) and got < value)
                  or (op == "contains" and isinstance(got, str) and value in got)
                  or (op == "has" and isinstance(got, list) and value in got))
            if not ok:
                problems.append(f"{key}: expected {op} {value!r}, got {got!r}")
        elif got != want:
            problems.append(f"{key}: expected {want!r}, got {got!r}")
    return problems


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--kiosk", required=True)
    ap.add_argument("--scenario", required=True, choices=sorted(SCENARIOS))
    ap.add_argument("--pack", required=True)
    ap.add_argument("--last-good-pack")
    ap.add_argument("--size", default="1920x1080")
    ap.add_argument("--out", default=None)
    ap.add_argument("--timeout", type=int, default=180)
    ap.add_argument("--video", action="store_true",
                    help="play videos with libmpv (other scenarios use the null player: --no-video)")
    ap.add_argument("--video-render", choices=["opengl", "software"],
                    help="force mpv's OpenGL render API or CPU-converted frames (LANTAI_VIDEO_RENDER)")
    ap.add_argument("--lantai", help="the lantai CLI (quiz_team: hashes the teacher PIN, exports the results)")
    ap.add_argument("--example", help="deploy/kiosk.example.toml (example_set_command runs the command it shows)")
    args = ap.parse_args()

    global WINDOW
    WINDOW = tuple(int(v) for v in args.size.split("x"))
    steps = SCENARIOS[args.scenario]()
    work = tempfile.mkdtemp(prefix="lantai-e2e-")
    if args.scenario == "corrupt_image":
        args.pack = corrupted_copy(args.pack, work)
    if args.scenario == "rare_characters":
        args.pack = rare_characters_copy(args.pack, work)
    if args.scenario == "narration":
        args.pack = narrated_copy(args.pack, work, args.lantai)
    if args.scenario == "narration_broken":
        args.pack = broken_narration_copy(args.pack, work)
    out = args.out or os.path.join(work, "screenshots")
    os.makedirs(out, exist_ok=True)
    script = os.path.join(work, "script.txt")
    with open(script, "w") as f:
        f.write("".join(line + "\n" for line, _ in steps))
    state_log = os.path.join(work, "states.jsonl")
    width, height = args.size.split("x")
    cmd = ["xvfb-run", "-a", "-s", f"-screen 0 {width}x{height}x24", args.kiosk, "--pack", args.pack,
           "--windowed", args.size, "--script", script, "--exit-after-script", "--state-log", state_log,
           "--state-out", os.path.join(work, "state.json"), "--screenshot-dir", out,
           "--state-dir", os.path.join(work, "state")]
    if args.last_good_pack:
        cmd += ["--last-good-pack", args.last_good_pack]
    if not args.video:
        cmd += ["--no-video"]
    if args.scenario == "quiz_team":
        pin_hash = subprocess.run([args.lantai, "quiz", "hash-pin", "2468"], capture_output=True, text=True,
                                  check=True).stdout.strip()
        config = os.path.join(work, "kiosk.toml")
        with open(config, "w") as f:
            f.write(f'[quiz]\nteacher_pin_hash = "{pin_hash}"\n[pack]\npath = "{os.path.abspath(args.pack)}"\n')
        cmd += ["--config", config]
    if args.scenario == "qr_handoff":
        config = os.path.join(work, "kiosk.toml")
        with open(config, "w") as f:
            f.write(f'[web]\nbase_url = "{QR_BASE}"\n[pack]\npath = "{os.path.abspath(args.pack)}"\n')
        cmd += ["--config", config]
    if args.scenario == "configured":
        config = os.path.join(work, "kiosk.toml")
        with open(config, "w") as f:
            f.write(CONFIGURED_TOML + f'[pack]\npath = "{os.path.abspath(args.pack)}"\n')
        cmd += ["--config", config]
    if args.scenario in ("narration", "narration_broken"):
        # Narration through the real libmpv, silently (no sound device under Xvfb).
        config = os.path.join(work, "kiosk.toml")
        with open(config, "w") as f:
            f.write(f'[video]\naudio_output = "null"\n[pack]\npath = "{os.path.abspath(args.pack)}"\n')
        cmd += ["--config", config]
    if args.scenario == "example_set_command":
        cmd += example_command(args.example, args.pack, work)
    env = dict(os.environ, LIBGL_ALWAYS_SOFTWARE="1")
    if args.video_render:
        env["LANTAI_VIDEO_RENDER"] = args.video_render
    print("$", " ".join(cmd), flush=True)
    try:
        proc = subprocess.run(cmd, env=env, timeout=args.timeout, capture_output=True, text=True, errors="replace")
    except subprocess.TimeoutExpired:
        print(f"FAIL: the kiosk did not finish the script within {args.timeout} s")
        return 1
    log = proc.stderr
    if proc.returncode != 0:
        print(log[-4000:])
        print(f"FAIL: lantai-kiosk exited with {proc.returncode}")
        return 1
    states = []
    if os.path.exists(state_log):
        with open(state_log) as f:
            states = [json.loads(line) for line in f if line.strip()]
    if len(states) != len(steps):
        print(log[-4000:])
        print(f"FAIL: {len(states)} state lines for {len(steps)} script steps")
        return 1
    failures = 0
    for i, ((line, expect), state) in enumerate(zip(steps, states)):
        if not expect:
            continue
        problems = check(expect, state, states)
        status = "ok  " if not problems else "FAIL"
        print(f"{status} step {i + 1:2d} `{line}`" + ("" if not problems else ": " + "; ".join(problems)))
        failures += bool(problems)
    if args.scenario == "quiz_team" and not failures:
        csv = subprocess.run([args.lantai, "quiz", "results", "--state-dir", os.path.join(work, "state")],
                             capture_output=True, text=True)
        rows = [r for r in csv.stdout.splitlines()[1:] if r.strip()]
        ok = csv.returncode == 0 and len(rows) == 2 and any("red" in r for r in rows) and any("blue" in r for r in rows)
        print(("ok  " if ok else "FAIL") + f" lantai quiz results: {len(rows)} team rows")
        if not ok:
            print(csv.stdout, csv.stderr)
            failures += 1
    if args.scenario == "qr_handoff" and not failures:
        for shot, lang in (("item-qr", "zh"), ("item-qr-en", "en")):
            text = decode_qr(os.path.join(out, shot + ".png"))
            want = QR_BASE + lang + "/items/sample-1-01-letter.html"
            if text is None:
                print(f"skip QR decoding of {shot}.png: zbarimg (zbar-tools) is not installed")
                continue
            ok = text == want
            print(("ok  " if ok else "FAIL") + f" the QR code in {shot}.png reads {text!r}")
            failures += not ok
    if failures:
        print(log[-3000:])
    print(f"screenshots: {out}")
    shutil.rmtree(work, ignore_errors=True) if not failures and args.out else None
    print(f"{len([s for s in steps if s[1]]) - failures} passed, {failures} failed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
