#!/usr/bin/env python3
# tests/bench: what display.rotation costs per frame — rotation 0 vs 90 (and 270) side by side
"""Usage: rotation_bench.py --kiosk BIN --pack DIR [--runs 3] [--size 1920x1080]

The same kiosk, pack, window and script with `display.rotation` 0 and 90 (and 270), runs
alternating so both see the same machine load. The script opens an item and pinches its image
in and out for 12 s, so the kiosk draws at its full rate. Reported from the state (`display`):
the whole frame (the runtime's build and render, the rotation's pass, the buffer swap) — mean
and p99 — and the runtime's own UI build p99 (`frame_build_p99_ms`, which rotation must not
change). Prints medians over the runs and the ratio rotated / unrotated."""
import argparse, json, os, statistics, subprocess, sys, tempfile

SCRIPT = """wait-idle 5000
tap @attract
tap @exhibition:*
tap @chapter:*
tap @item:*
wait-idle 8000
""" + "pinch 50% 50% 2.0 1000\npinch 50% 50% 0.5 1000\n" * 6


def run(args, degrees, work, index):
    script = os.path.join(work, "bench.script")
    with open(script, "w") as f:
        f.write(SCRIPT)
    state = os.path.join(work, f"state-{degrees}-{index}.json")
    w, h = args.size.split("x")
    cmd = ["xvfb-run", "-a", "-s", f"-screen 0 {w}x{h}x24", args.kiosk, "--pack", args.pack,
           "--windowed", args.size, "--no-video", "--script", script, "--exit-after-script",
           "--state-out", state, "--state-dir", os.path.join(work, "state"),
           "--set", f"display.rotation={degrees}"]
    proc = subprocess.run(cmd, capture_output=True, text=True, timeout=300)
    if proc.returncode != 0:
        sys.exit(f"rotation {degrees}: the kiosk exited {proc.returncode}: {proc.stderr[-1000:]}")
    with open(state) as f:
        s = json.load(f)
    d = s["display"]
    return {"frames": s["frames"], "mean": d["frame_mean_ms"], "p99": d["frame_p99_ms"],
            "build_p99": s["frame_build_p99_ms"]}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--kiosk", required=True)
    ap.add_argument("--pack", required=True)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--size", default="1920x1080")
    ap.add_argument("--rotations", default="0,90,270")
    args = ap.parse_args()
    rotations = [int(r) for r in args.rotations.split(",")]
    work = tempfile.mkdtemp(prefix="lantai-rotation-bench-")
    results = {r: [] for r in rotations}
    for i in range(args.runs):
        for r in rotations:
            results[r].append(run(args, r, work, i))
            print(f"run {i + 1} rotation {r:3}: {results[r][-1]}", flush=True)
    med = {r: {k: statistics.median(x[k] for x in results[r]) for k in ("frames", "mean", "p99", "build_p99")}
           for r in rotations}
    print(f"\n{args.size} window, {args.runs} runs each, medians (ms per frame)")
    print(f"{'rotation':>8} {'frames':>7} {'mean':>7} {'p99':>7} {'build p99':>10} {'mean ratio':>11}")
    base = med[rotations[0]]
    for r in rotations:
        m = med[r]
        print(f"{r:>8} {m['frames']:>7.0f} {m['mean']:>7.2f} {m['p99']:>7.2f} {m['build_p99']:>10.2f} "
              f"{m['mean'] / base['mean']:>10.2f}x")


if __name__ == "__main__":
    main()
