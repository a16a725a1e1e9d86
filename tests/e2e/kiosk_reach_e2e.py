#!/usr/bin/env python3
# tests/e2e: every visitor screen within reach — the kiosk walks all screens and every tap target
# it reports (target_rects) lies inside the reach band and is at least 64 px each way; in large
# text nothing is cut off
"""Usage: kiosk_reach_e2e.py --kiosk BIN --lantai BIN --pack DIR [--out DIR]

Three kiosk runs, one script each, walking every visitor screen twice (the second walk in the
other language with large text on):
  portrait 1080x1920, theme red-archive, zh then en + large text
  portrait 1080x1920, theme high-contrast, en then zh + large text
  landscape 1920x1080, theme red-archive, zh then en + large text
After every step the state must show: every target of `targets` in `target_rects`, each inside
`reach_band` (which must be the lower 60 % in portrait, the whole window in landscape) and at
least 64 px wide and tall; in large text, `cut_text` empty. The screens a walk reached come from
the states and must be the expected set (a screen the walk silently missed fails the test)."""
import argparse, json, os, shutil, subprocess, sys, tempfile

MIN_TARGET = 64
EXPECTED_SCREENS = {
    "attract", "home", "exhibition", "chapter", "item", "videos", "video", "still_there",
    "quiz:entry", "quiz:nickname", "quiz:playing", "quiz:answered", "quiz:result", "quiz:pin",
    "quiz:team_setup", "quiz:team_playing",
}
QUESTIONS = 3


def walk(tag):
    """Every visitor screen once; `tag` names the screenshots."""
    steps = [
        "wait-idle 8000", f"screenshot {tag}-attract",
        "tap @attract", "wait-idle 8000", f"screenshot {tag}-home",
        "tap @exhibition:red-archives-sample", "wait-idle 8000", f"screenshot {tag}-exhibition",
        "tap @chapter:ch1-foundations", "wait-idle 8000", f"screenshot {tag}-chapter",
        "drag 50% 85% 50% 60% 250", "wait-idle 5000",
        "tap @item:sample-1-08-postcard", "wait-idle 8000", f"screenshot {tag}-item",
        "tap @image:1", "tap @zoom-in", "wait-idle 8000", "tap @zoom-reset", "tap @next",
        "tap @back", "tap @back", "drag 50% 92% 50% 45% 300", "wait-idle 5000", "tap @chapter:ch5-*", "wait-idle 8000",
        "tap @item:sample-5-01-manuscript", "wait-idle 8000", f"screenshot {tag}-manuscript",
        "tap @home", "tap @videos", "wait-idle 5000", f"screenshot {tag}-videos",
        "tap @video:*", "wait 800", f"screenshot {tag}-video",
        "tap @back", "tap @home",
        "tap @quiz", f"screenshot {tag}-quiz-entry",
        "tap @level:primary", f"screenshot {tag}-quiz-nickname",
        "tap @nickname:*", "wait-idle 5000", f"screenshot {tag}-quiz-question",
        "quiz-answer wrong", f"screenshot {tag}-quiz-wrong",
    ]
    for _ in range(QUESTIONS - 1):
        steps += ["tap @next", "quiz-answer correct"]
    steps += ["tap @next", "wait-idle 5000", f"screenshot {tag}-quiz-result",
              "tap @play-again", "tap @class", "tap @pin:2", f"screenshot {tag}-quiz-pin",
              "tap @pin:4", "tap @pin:6", "tap @pin:8", "tap @pin-ok", f"screenshot {tag}-quiz-teams",
              "tap @team-start", f"screenshot {tag}-quiz-team-turn",
              "quiz-answer wrong", f"screenshot {tag}-quiz-team-feedback",
              "tap @quiz-finish?", "tap @home",
              "advance 95", "wait 300", f"screenshot {tag}-still-there",
              "tap @continue", "tap @home?"]
    return steps


def script_for(tag):
    """Walk in the configured language, then switch language and large text and walk again."""
    second = walk(tag + "-large")
    # The second walk starts on the attract loop: switch language and text size on the home screen.
    second = second[:4] + ["tap @lang", "tap @text-size", "wait-idle 5000",
                           f"screenshot {tag}-large-home"] + second[4:]
    return walk(tag) + ["advance 200", "wait 1500", "wait-idle 5000"] + second + ["quit"]


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


def run(args, name, size, theme, language, work):
    width, height = (int(v) for v in size.split("x"))
    portrait = height > width
    steps = script_for(name)
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
    print("$", " ".join(cmd), flush=True)
    proc = subprocess.run(cmd, env=dict(os.environ, LIBGL_ALWAYS_SOFTWARE="1"), timeout=args.timeout,
                          capture_output=True, text=True, errors="replace")
    problems = []
    if proc.returncode != 0:
        print("\n".join(l for l in proc.stderr.splitlines() if "[error]" in l)[-3000:])
        problems.append(f"{name}: lantai-kiosk exited with {proc.returncode}")
        if not os.path.exists(log):
            return problems
    with open(log) as f:
        states = [json.loads(line) for line in f if line.strip()]
    if len(states) != len(steps):
        problems.append(f"{name}: {len(states)} states for {len(steps)} steps")
    visited = {"normal": set(), "large": set()}
    for line, state in zip(steps, states):
        visited["large" if state.get("large_text") else "normal"].add(screen_name(state))
        for p in check_state(state, width, height, portrait):
            problems.append(f"{name} `{line}` on {screen_name(state)}: {p}")
    for mode, seen in visited.items():
        # Large text is turned on in the visit (the attract loop has no toggle).
        missing = EXPECTED_SCREENS - seen - ({"attract"} if mode == "large" else set())
        if missing:
            problems.append(f"{name} ({mode} text): the walk did not reach {sorted(missing)}")
    print(f"{name}: {len(states)} states, screens {sorted(visited['normal'] | visited['large'])}, "
          f"screenshots in {out}")
    return problems


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--kiosk", required=True)
    ap.add_argument("--lantai", required=True)
    ap.add_argument("--pack", required=True)
    ap.add_argument("--out")
    ap.add_argument("--timeout", type=int, default=120)
    ap.add_argument("--only", help="run only this run (portrait-red, portrait-contrast, landscape)")
    args = ap.parse_args()
    runs = [("portrait-red", "1080x1920", "red-archive", "zh"),
            ("portrait-contrast", "1080x1920", "high-contrast", "en"),
            ("landscape", "1920x1080", "red-archive", "zh")]
    work = tempfile.mkdtemp(prefix="lantai-reach-")
    problems = []
    for name, size, theme, language in runs:
        if args.only and name != args.only:
            continue
        problems += run(args, name, size, theme, language, work)
    for p in problems:
        print("FAIL", p)
    if not problems:
        shutil.rmtree(work, ignore_errors=True)
    print(f"{len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
