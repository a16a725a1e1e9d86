#!/usr/bin/env python3
# tests/e2e: every visitor screen within reach — the kiosk walks all screens and every tap target
# it reports (target_rects) lies inside the reach band and is at least 64 px each way; in large
# text nothing is cut off
"""Usage: kiosk_reach_e2e.py --kiosk BIN --lantai BIN --pack DIR [--out DIR] [--only RUN]

Four kiosk runs, one script each, side by side (a tap costs ~0.45 s of the runner's settle time
and little processor, so four kiosks in parallel take hardly longer than one; ~30 s in all):
  portrait-red          1080x1920, red-archive, zh: every screen, with the item's zoom, image
                        strip and next item
  portrait-red-large    1080x1920, red-archive: every screen in en with large text
  portrait-contrast     1080x1920, high-contrast: the home screen in en, then every screen in large
                        text — browsing in en, the quiz in zh —, then the visit's reset, which
                        turns large text off
  landscape             1920x1080, red-archive: the home screen in zh, then every screen in en
                        with large text (the tightest: the longest words in the largest font)
After every step the state must show: every target of `targets` in `target_rects`, each inside
`reach_band` (which must be the lower 60 % in portrait, the whole window in landscape) and at
least 64 px wide and tall; in large text, `cut_text` empty. In chapter 4 "Listen" on the
chapter grid and on a letter starts and stops their narration. The screens a walk reached come from
the states and must be the expected set (a screen the walk silently missed fails the test)."""
import argparse, concurrent.futures, json, os, shutil, subprocess, sys, tempfile, time

MIN_TARGET = 64
EXPECTED_SCREENS = {
    "attract", "home", "exhibition", "chapter", "item", "videos", "video", "still_there",
    "quiz:entry", "quiz:nickname", "quiz:playing", "quiz:answered", "quiz:result", "quiz:pin",
    "quiz:team_setup", "quiz:team_playing",
}
QUESTIONS = 3  # the fewest the kiosk allows


def walk(tag, shots, item_controls=False, quiz_language_switch=False):
    """Every visitor screen from the home screen on; `shots` names the screens to photograph as
    `tag-NAME.png`. item_controls: also the item's image strip, zoom and next item (first its
    postcard in chapter 1). quiz_language_switch: the quiz in the other language."""
    def shot(name):
        return [f"screenshot {tag}-{name}"] if name in shots else []

    steps = shot("home") + ["tap @exhibition:red-archives-sample", "wait-idle 8000"] + shot("exhibition")
    if item_controls:
        steps += ["tap @chapter:ch1-foundations", "wait-idle 8000",
                  "drag 50% 85% 50% 60% 250", "wait-idle 5000",
                  "tap @item:sample-1-08-postcard", "wait-idle 8000",
                  "tap @image:1", "tap @zoom-in", "wait-idle 8000", "tap @zoom-reset", "tap @next",
                  "tap @back", "tap @back"]
    # Chapter 4: its introduction and a letter have narration — "Listen" on the chapter grid (in
    # the navigation bar when the introduction stays above the band) and on the item, each
    # started and stopped. Then the last chapter, below the fold in portrait and in large text.
    steps += ["drag 50% 92% 50% 45% 300", "wait-idle 5000", "tap @chapter:ch4-people", "wait-idle 8000",
              "tap @listen", "wait 300", "tap @listen",
              "tap @item:sample-4-01-letter", "wait-idle 8000", "tap @listen", "wait 300", "tap @listen",
              "tap @back", "tap @back", "wait-idle 5000"]
    steps += ["drag 50% 92% 50% 45% 300", "wait-idle 5000", "tap @chapter:ch5-*", "wait-idle 8000"]
    steps += shot("chapter")
    steps += ["tap @item:sample-5-01-manuscript", "wait-idle 8000"] + shot("manuscript")
    steps += ["tap @home", "tap @videos", "wait-idle 5000"] + shot("videos")
    steps += ["tap @video:*", "wait-idle 3000"] + shot("video") + ["tap @back", "tap @home"]
    if quiz_language_switch:
        steps += ["tap @lang"]
    steps += ["tap @quiz"] + shot("quiz-entry") + ["tap @level:primary"] + shot("quiz-nickname")
    steps += ["tap @nickname:*", "wait-idle 5000"] + shot("quiz-question")
    steps += ["quiz-answer wrong"] + shot("quiz-wrong")
    for _ in range(QUESTIONS - 1):
        steps += ["tap @next", "quiz-answer correct"]
    steps += ["tap @next", "wait-idle 5000"] + shot("quiz-result")
    steps += ["tap @play-again", "tap @class", "tap @pin:2"] + shot("quiz-pin")
    steps += ["tap @pin:4", "tap @pin:6", "tap @pin:8", "tap @pin-ok"] + shot("quiz-teams")
    steps += ["tap @team-start"] + shot("quiz-team-turn")
    steps += ["quiz-answer wrong"] + shot("quiz-team-feedback")
    steps += ["tap @quiz-finish?", "tap @home",
              "advance 95", "wait 300"] + shot("still-there") + ["tap @continue", "tap @home?"]
    return steps


# The runs: name, window, theme, the configured language, and the script.
def portrait_red_script():
    return (["wait-idle 8000", "screenshot portrait-red-attract", "tap @attract", "wait-idle 8000"] +
            walk("portrait-red", {"home", "quiz-question"}, item_controls=True) + ["quit"])


def portrait_red_large_script():
    return (["wait-idle 8000", "tap @attract", "wait-idle 8000", "tap @lang", "tap @text-size",
             "wait-idle 5000"] +
            walk("portrait-red-large", {"home", "chapter", "manuscript", "video", "quiz-wrong",
                                        "quiz-team-feedback"}) + ["quit"])


def portrait_contrast_script():
    return (["wait-idle 8000", "tap @attract", "wait-idle 8000", "tap @text-size", "wait-idle 5000"] +
            walk("portrait-contrast-large", {"exhibition", "video", "quiz-result", "quiz-pin"},
                 quiz_language_switch=True) +
            # The visit's end (idle timeout) turns large text off: the last state is normal text.
            ["advance 200", "wait 1500", "wait-idle 5000", "quit"])


def landscape_script():
    return (["wait-idle 8000", "tap @attract", "wait-idle 8000", "tap @lang", "tap @text-size",
             "wait-idle 5000"] +
            walk("landscape-large", {"home", "exhibition", "manuscript", "video", "quiz-wrong",
                                     "quiz-team-feedback"}) +
            ["quit"])


RUNS = [("portrait-red", "1080x1920", "red-archive", "zh", portrait_red_script),
        ("portrait-red-large", "1080x1920", "red-archive", "zh", portrait_red_large_script),
        ("portrait-contrast", "1080x1920", "high-contrast", "en", portrait_contrast_script),
        ("landscape", "1920x1080", "red-archive", "zh", landscape_script)]
# Where a run walks in normal text: portrait-red everything, the others the attract and home
# screens before they turn large text on (the attract loop has no toggle: a touch starts the visit).
NORMAL_SCREENS = {"portrait-red": EXPECTED_SCREENS}
NORMAL_SCREENS_DEFAULT = {"attract", "home"}
LARGE_SCREENS = {"portrait-red": set()}
LARGE_SCREENS_DEFAULT = EXPECTED_SCREENS - {"attract"}


def screen_name(state):
    if state.get("still_there"):
        return "still_there"
    screen = state.get("screen")
    if screen == "quiz":
        quiz = state.get("quiz", {})
        stage = quiz.get("stage")
        if stage == "playing":
            if quiz.get("mode") == "team":
                return "quiz:team_playing"
            return "quiz:answered" if quiz.get("answered") else "quiz:playing"
        return f"quiz:{stage}"
    return screen


def check_state(state, width, height, portrait):
    problems = []
    band = state.get("reach_band")
    want = [0, height * 0.4, width, height * 0.6] if portrait else [0, 0, width, height]
    if not band or any(abs(a - b) > 0.5 for a, b in zip(band, want)):
        problems.append(f"reach_band {band}, expected {want}")
        band = want
    rects = state.get("target_rects", {})
    for tid in state.get("targets", []):
        r = rects.get(tid)
        if r is None:
            problems.append(f"{tid}: no rectangle in target_rects")
            continue
        x, y, w, h = r
        if w < MIN_TARGET or h < MIN_TARGET:
            problems.append(f"{tid}: {w:.0f}x{h:.0f} px, smaller than {MIN_TARGET} px")
        if x < band[0] - 0.5 or y < band[1] - 0.5 or x + w > band[0] + band[2] + 0.5 or y + h > band[1] + band[3] + 0.5:
            problems.append(f"{tid}: [{x:.0f}, {y:.0f}, {w:.0f}, {h:.0f}] outside the reach band {band}")
    if state.get("large_text") and state.get("cut_text"):
        cut = [f"{c['where']} ({c['how']}: {c['text'][:40]!r})" for c in state["cut_text"]
               if not c.get("shown_whole_elsewhere")]
        if cut:
            problems.append("large text cut off: " + "; ".join(cut))
    return problems


def run(args, name, size, theme, language, script, work):
    width, height = (int(v) for v in size.split("x"))
    portrait = height > width
    steps = script()
    folder = os.path.join(work, name)
    os.makedirs(folder)
    script = os.path.join(folder, "script.txt")
    with open(script, "w") as f:
        f.write("\n".join(steps) + "\n")
    pin_hash = subprocess.run([args.lantai, "quiz", "hash-pin", "2468"], capture_output=True, text=True,
                              check=True).stdout.strip()
    config = os.path.join(folder, "kiosk.toml")
    with open(config, "w") as f:
        f.write(f'[display]\ntheme = "{theme}"\n[session]\ndefault_language = "{language}"\n'
                f'[quiz]\nteacher_pin_hash = "{pin_hash}"\nquestions = {QUESTIONS}\n'
                f'[pack]\npath = "{os.path.abspath(args.pack)}"\n')
    out = os.path.join(args.out, name) if args.out else os.path.join(folder, "screenshots")
    os.makedirs(out, exist_ok=True)
    log = os.path.join(folder, "states.jsonl")
    cmd = ["xvfb-run", "-a", "-s", f"-screen 0 {size}x24", args.kiosk, "--config", config,
           "--windowed", size, "--script", script, "--exit-after-script", "--state-log", log,
           "--screenshot-dir", out, "--state-dir", os.path.join(folder, "state"), "--no-video"]
    report = ["$ " + " ".join(cmd)]
    started = time.monotonic()
    for attempt in range(2):
        proc = subprocess.run(cmd, env=dict(os.environ, LIBGL_ALWAYS_SOFTWARE="1"),
                              timeout=args.timeout, capture_output=True, text=True, errors="replace")
        # Two xvfb-run -a starting at once can pick the same display: the second one's Xvfb
        # fails to start before the kiosk runs. Once more, on another display.
        if "Xvfb failed to start" not in proc.stderr:
            break
        time.sleep(1.0)
    problems = []
    if proc.returncode != 0:
        report.append("\n".join(l for l in proc.stderr.splitlines() if "[error]" in l)[-3000:])
        problems.append(f"{name}: lantai-kiosk exited with {proc.returncode}")
        if not os.path.exists(log):
            return report, problems
    with open(log) as f:
        states = [json.loads(line) for line in f if line.strip()]
    if len(states) != len(steps):
        problems.append(f"{name}: {len(states)} states for {len(steps)} steps")
    visited = {"normal": set(), "large": set()}
    for line, state in zip(steps, states):
        visited["large" if state.get("large_text") else "normal"].add(screen_name(state))
        for p in check_state(state, width, height, portrait):
            problems.append(f"{name} `{line}` on {screen_name(state)}: {p}")
    expected = {"normal": NORMAL_SCREENS.get(name, NORMAL_SCREENS_DEFAULT),
                "large": LARGE_SCREENS.get(name, LARGE_SCREENS_DEFAULT)}
    for mode, seen in visited.items():
        missing = expected[mode] - seen
        if missing:
            problems.append(f"{name} ({mode} text): the walk did not reach {sorted(missing)}")
    # Each "Listen" started its own reading (the narration's target right after the first tap) and
    # the second tap stopped it.
    listen_taps = [i for i, line in enumerate(steps) if line == "tap @listen"]
    for first, second in zip(listen_taps[0::2], listen_taps[1::2]):
        if second >= len(states):
            break
        started_state = states[first].get("narration", {})
        want = "chapter:ch4-people" if states[first].get("screen") == "chapter" else "item:sample-4-01-letter"
        if started_state.get("target") != want:
            problems.append(f"{name}: Listen on {states[first].get('screen')} read "
                            f"{started_state.get('target')!r}, expected {want!r}")
        if states[second].get("narration", {}).get("target"):
            problems.append(f"{name}: the second Listen tap did not stop "
                            f"{states[second]['narration'].get('target')!r}")
    if len(listen_taps) < 4:
        problems.append(f"{name}: {len(listen_taps)} Listen taps in the script, expected 4")
    if name == "portrait-contrast" and states and (states[-1].get("large_text") or
                                                   states[-1].get("session") != "attract"):
        problems.append(f"{name}: after the visit's reset large_text is "
                        f"{states[-1].get('large_text')}, session {states[-1].get('session')}")
    report.append(f"{name}: {len(states)} states in {time.monotonic() - started:.1f} s, normal text "
                  f"{sorted(visited['normal'])}, large text {sorted(visited['large'])}, "
                  f"screenshots in {out}")
    return report, problems


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--kiosk", required=True)
    ap.add_argument("--lantai", required=True)
    ap.add_argument("--pack", required=True)
    ap.add_argument("--out")
    ap.add_argument("--timeout", type=int, default=120)
    ap.add_argument("--only", help="run only this run (portrait-red, portrait-red-large, portrait-contrast, landscape)")
    args = ap.parse_args()
    work = tempfile.mkdtemp(prefix="lantai-reach-")
    runs = [r for r in RUNS if not args.only or r[0] == args.only]
    started = time.monotonic()

    def start(index_run):
        index, (name, size, theme, language, script) = index_run
        time.sleep(index * 1.5)  # xvfb-run -a: one display search at a time
        return run(args, name, size, theme, language, script, work)

    problems = []
    with concurrent.futures.ThreadPoolExecutor(max_workers=len(runs)) as pool:
        for report, run_problems in pool.map(start, enumerate(runs)):
            print("\n".join(report), flush=True)
            problems += run_problems
    print(f"{len(runs)} runs in {time.monotonic() - started:.1f} s")
    for p in problems:
        print("FAIL", p)
    if not problems:
        shutil.rmtree(work, ignore_errors=True)
    print(f"{len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
