#!/usr/bin/env python3
# tests/bench: what the fallback fonts cost the kiosk — font atlas size, glyphs, build time, start-up
"""Usage: font_fallback_bench.py --kiosk BIN --demo PACK --packs tests/packs [--runs 5] [--baseline BIN]

Starts lantai-kiosk (Xvfb, Mesa llvmpipe, 1920x1080) N times per case (round robin) and prints
medians of the atlas texture (KB, from the log line "font atlas: N glyphs, K KB, T ms"), its
glyphs, the atlas build time (font_atlas_ms: finding the fonts, reading their cmaps,
rasterising), launch -> first interactive frame (startup_ms) and the process' PSS after the
first frames. Cases: the demo pack
and an item titled with CJK Extension B/G characters and emoji (tests/e2e's rare-characters
pack), each with every kiosk font and with Noto Sans CJK alone (LANTAI_FONT_DIRS), and, with
--baseline, the demo pack on another kiosk binary (e.g. one built before the fallback fonts).
The atlas holds only the characters in use: the demo pack's figures must not depend on
whether the fallback fonts are installed."""
import argparse, json, os, re, shutil, statistics, subprocess, sys, tempfile

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "e2e"))
from kiosk_e2e import rare_characters_copy  # noqa: E402
from kiosk_live_e2e import noto_only_fonts  # noqa: E402

ATLAS = re.compile(r"font atlas: (\d+) glyphs, (\d+) KB, ([\d.]+) ms")


def one_run(kiosk, pack, work, font_dirs):
    script = os.path.join(work, "bench.script")
    with open(script, "w") as f:
        f.write("wait 300\n")
    log = os.path.join(work, "states.jsonl")
    if os.path.exists(log):
        os.remove(log)
    env = dict(os.environ, LIBGL_ALWAYS_SOFTWARE="1")
    env.pop("LANTAI_FONT_DIRS", None)
    if font_dirs:
        env["LANTAI_FONT_DIRS"] = font_dirs
    cmd = ["xvfb-run", "-a", "-s", "-screen 0 1920x1080x24", kiosk, "--pack", pack, "--windowed",
           "1920x1080", "--script", script, "--exit-after-script", "--state-log", log, "--state-dir",
           os.path.join(work, "state"), "--no-video"]
    out = subprocess.run(cmd, env=env, check=True, capture_output=True, text=True, errors="replace",
                         timeout=300)
    with open(log) as f:
        state = [json.loads(line) for line in f if line.strip()][-1]
    atlas = ATLAS.findall(out.stderr)
    if not atlas:
        raise RuntimeError("no 'font atlas:' line in the kiosk's log:\n" + out.stderr[-2000:])
    glyphs, kb, _ = atlas[-1]
    return {"atlas_kb": int(kb), "glyphs": int(glyphs), "font_atlas_ms": state["font_atlas_ms"],
            "startup_ms": state["startup_ms"], "pss_mb": state.get("pss_kb", 0) / 1024}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--kiosk", required=True)
    ap.add_argument("--demo", required=True)
    ap.add_argument("--packs", required=True, help="tests/packs")
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--baseline", help="another lantai-kiosk, run on the demo pack with its own fonts")
    args = ap.parse_args()
    work = tempfile.mkdtemp(prefix="lantai-font-bench-")
    rare = rare_characters_copy(os.path.join(args.packs, "valid-minimal"), work)
    noto = noto_only_fonts(work)
    cases = [("demo, every kiosk font", args.kiosk, args.demo, None),
             ("demo, Noto Sans CJK only", args.kiosk, args.demo, noto),
             ("rare characters, every kiosk font", args.kiosk, rare, None),
             ("rare characters, Noto Sans CJK only", args.kiosk, rare, noto)]
    if args.baseline:
        cases.append(("demo, baseline kiosk", args.baseline, args.demo, None))
    keys = ("atlas_kb", "glyphs", "font_atlas_ms", "startup_ms", "pss_mb")
    print(f"{'case':38} {'atlas KB':>9} {'glyphs':>7} {'atlas ms':>9} {'startup ms':>11} {'PSS MB':>7}"
          f"   (medians of {args.runs})")
    # Round robin, so that load from elsewhere on the machine falls on every case alike.
    runs = {name: [] for name, *_ in cases}
    for _ in range(args.runs):
        for name, kiosk, pack, fonts in cases:
            runs[name].append(one_run(kiosk, pack, work, fonts))
    results = {}
    for name, *_ in cases:
        med = {k: statistics.median(r[k] for r in runs[name]) for k in keys}
        results[name] = med
        print(f"{name:38} {med['atlas_kb']:9.0f} {med['glyphs']:7.0f} {med['font_atlas_ms']:9.1f} "
              f"{med['startup_ms']:11.1f} {med['pss_mb']:7.1f}", flush=True)
    same = (results[cases[0][0]]["glyphs"] == results[cases[1][0]]["glyphs"]
            and results[cases[0][0]]["atlas_kb"] == results[cases[1][0]]["atlas_kb"])
    shutil.rmtree(work, ignore_errors=True)
    print(("PASS" if same else "FAIL") + ": the demo pack's atlas is the same with and without the fallback fonts")
    return 0 if same else 1


if __name__ == "__main__":
    sys.exit(main())
