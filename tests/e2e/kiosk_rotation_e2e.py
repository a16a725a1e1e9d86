#!/usr/bin/env python3
# tests/e2e: display.rotation — a 1920x1080 screen turned 90 and 270 degrees shows the portrait layout
# turned, and real SDL touch and mouse events at physical positions reach the right tap targets
"""Usage: kiosk_rotation_e2e.py --kiosk BIN --pack DIR [--out DIR]

1. Reference: the kiosk in a 1080x1920 window, rotation 0, walks attract -> home -> exhibition ->
   chapter -> item with scripted taps, and reports each tap target's rectangle and centre (state
   `target_rects`, `target_centers`, logical pixels) and screenshots.
2. For 90 and 270 degrees: the kiosk in a 1920x1080 window with `--set display.rotation=N`. Its
   state must report the logical 1080x1920 portrait layout. Every tap is an `sdl-tap` — an
   SDL_FINGERDOWN/UP (fractions of the physical window) or SDL_MOUSEBUTTONDOWN/UP (physical
   pixels) pushed into SDL's queue — at the physical point where this test, with its own
   formula written from the documented convention (the picture turned clockwise: at 90 the
   layout's top edge is on the screen's right), expects the reference run's target. The visit
   must go the same way. Each screenshot, turned back with ffmpeg, must match the reference's.
Screenshots are kept in OUT for humans to look at."""
import argparse, json, os, subprocess, sys, tempfile

PHYSICAL = (1920, 1080)
LOGICAL = (1080, 1920)
# (script step, the screen it leads to, the tap target it uses, how the rotated run taps it)
VISIT = [
    ("attract", "home", None, "finger"),  # the attract screen is one big target: its centre
    ("home", "exhibition", "exhibition:letters", "finger"),
    ("exhibition", "chapter", "chapter:early-years", "mouse"),
    ("chapter", "item", "item:letter-1931", "finger"),
]


def to_physical(degrees, x, y):
    """Where a logical point of the 1080x1920 layout appears on the 1920x1080 screen."""
    w, h = PHYSICAL
    return {90: (w - y, x), 270: (y, h - x), 0: (x, y)}[degrees]


def run_kiosk(args, size, script_lines, work, name, extra):
    script = os.path.join(work, f"{name}.script")
    with open(script, "w") as f:
        f.write("\n".join(script_lines) + "\n")
    states = os.path.join(work, f"{name}.jsonl")
    shots = os.path.join(args.out, name)
    os.makedirs(shots, exist_ok=True)
    w, h = size
    cmd = ["xvfb-run", "-a", "-s", f"-screen 0 {w}x{h}x24", args.kiosk, "--pack", args.pack,
           "--windowed", f"{w}x{h}", "--no-video", "--script", script, "--exit-after-script",
           "--state-log", states, "--screenshot-dir", shots, "--state-dir", os.path.join(work, name + "-state"),
           *extra]
    proc = subprocess.run(cmd, capture_output=True, text=True, timeout=120)
    log = []
    if os.path.exists(states):
        with open(states) as f:
            log = [json.loads(line) for line in f if line.strip()]
    return proc, log, shots


def raw_rgb(png, transpose=None):
    """The PNG's pixels as rgb24 bytes (ffmpeg), optionally turned: 1 = clockwise, 2 = counter-clockwise."""
    cmd = ["ffmpeg", "-v", "error", "-i", png]
    if transpose is not None:
        cmd += ["-vf", f"transpose={transpose}"]
    return subprocess.run(cmd + ["-f", "rawvideo", "-pix_fmt", "rgb24", "-"], capture_output=True, check=True).stdout


def png_size(png):
    with open(png, "rb") as f:
        head = f.read(24)
    return int.from_bytes(head[16:20], "big"), int.from_bytes(head[20:24], "big")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--kiosk", required=True)
    ap.add_argument("--pack", required=True)
    ap.add_argument("--out")
    args = ap.parse_args()
    work = tempfile.mkdtemp(prefix="lantai-rotation-")
    args.out = args.out or os.path.join(work, "screenshots")
    failures = []

    def expect(ok, what, detail=""):
        print(("ok   " if ok else "FAIL ") + what + ("" if ok or detail == "" else f": {detail}"), flush=True)
        if not ok:
            failures.append(what)

    # 1. The reference: the portrait layout drawn straight into a portrait window.
    ref_script = ["wait-idle 5000", "screenshot attract"]
    for _, leads_to, target, _ in VISIT:
        ref_script += [f"tap @{target or 'attract'}", "wait-idle 8000", f"screenshot {leads_to}"]
    proc, ref_states, ref_shots = run_kiosk(args, LOGICAL, ref_script, work, "reference", [])
    expect(proc.returncode == 0, "the reference run (1080x1920, rotation 0) exits 0", proc.stderr[-1500:])
    if proc.returncode != 0:
        return 1
    # The target centres each screen offered (the state after each screen's screenshot).
    centers = {s.get("screen"): s.get("target_centers", {}) for s in ref_states if s.get("command") == "screenshot"}
    rects = {s.get("screen"): s.get("target_rects", {}) for s in ref_states if s.get("command") == "screenshot"}

    def tap_point(screen, target):
        """A point well inside the target, as far from the layout's centre as it allows: near the
        centre the two quarter turns land close together and could not tell a wrong formula apart."""
        r = rects.get(screen, {}).get(target)
        if not r:
            return centers.get(screen, {}).get(target, (None, None))
        rx, ry, rw, rh = r
        cx, cy = LOGICAL[0] / 2, LOGICAL[1] / 2
        points = [(rx + fx * rw, ry + fy * rh) for fx in (0.2, 0.8) for fy in (0.2, 0.8)]
        return max(points, key=lambda q: abs(q[0] - cx) + abs(q[1] - cy))
    expect(ref_states[-1].get("screen") == "item", "the reference visit reaches the item", ref_states[-1].get("screen"))

    for degrees in (90, 270):
        script = ["wait-idle 5000", "screenshot attract"]
        taps = []
        for screen, leads_to, target, device in VISIT:
            if target is None:
                x, y = LOGICAL[0] / 2, LOGICAL[1] / 2
            else:
                x, y = tap_point(screen, target)
                if x is None:
                    expect(False, f"the reference reports the centre of {target} on {screen}")
                    return 1
            px, py = to_physical(degrees, x, y)
            # The other quarter turn would put the target elsewhere: the tap tells them apart.
            wx, wy = to_physical(360 - degrees, x, y)
            if target:
                expect(abs(px - wx) + abs(py - wy) > 200,
                       f"{degrees}°: {target} at ({px:.0f}, {py:.0f}) is not where {360 - degrees}° would put it")
            taps.append((target, device, px, py))
            script += [f"sdl-tap {device} {px:.1f} {py:.1f}", "wait-idle 8000", f"screenshot {leads_to}"]
        name = f"rotation-{degrees}"
        proc, states, shots = run_kiosk(args, PHYSICAL, script, work, name,
                                        ["--set", f"display.rotation={degrees}"])
        expect(proc.returncode == 0, f"{degrees}°: the kiosk exits 0 (no script errors)", proc.stderr[-1500:])
        if not states:
            continue
        first = states[0]
        display = first.get("display", {})
        expect((first.get("width"), first.get("height")) == LOGICAL,
               f"{degrees}°: the runtime lays out 1080x1920", (first.get("width"), first.get("height")))
        expect(display.get("portrait") is True and display.get("rotation") == degrees
               and (display.get("physical_width"), display.get("physical_height")) == PHYSICAL,
               f"{degrees}°: display reports portrait, rotation {degrees}, a 1920x1080 screen", display)
        # Each physical tap leads where the reference's scripted tap led.
        screens = [s.get("screen") for s in states if s.get("command") == "sdl-tap"]
        expect(screens == [v[1] for v in VISIT], f"{degrees}°: sdl-taps (finger and mouse) walk the visit",
               list(zip(taps, screens)))
        last = states[-1]
        expect(last.get("item") == "letter-1931" and last.get("image_failed") is False,
               f"{degrees}°: the item and its image are shown", (last.get("item"), last.get("image_failed")))
        expect(last.get("missing_glyphs") == [], f"{degrees}°: every character has its glyph", last.get("missing_glyphs"))
        # The picture: the reference turned by the rotation, pixel for pixel (llvmpipe draws both).
        for shot in ["attract", "home", "exhibition", "chapter", "item"]:
            got, ref = os.path.join(shots, shot + ".png"), os.path.join(ref_shots, shot + ".png")
            if not (os.path.exists(got) and os.path.exists(ref)):
                expect(False, f"{degrees}°: screenshot {shot} exists")
                continue
            expect(png_size(got) == PHYSICAL, f"{degrees}°: {shot}.png is the physical 1920x1080 screen", png_size(got))
            a = raw_rgb(got)
            b = raw_rgb(ref, transpose=1 if degrees == 90 else 2)
            if len(a) != len(b):
                expect(False, f"{degrees}°: {shot} has the reference's size turned", (len(a), len(b)))
                continue
            samples = range(0, len(a) - 2, 3 * 997)
            differ = sum(1 for i in samples if max(abs(a[i + k] - b[i + k]) for k in range(3)) > 24)
            # The attract screen's slide timing may differ by a frame; everything else is still.
            limit = 0.05 if shot == "attract" else 0.01
            expect(differ <= limit * len(samples),
                   f"{degrees}°: {shot}.png is the reference turned {degrees}° clockwise",
                   f"{differ} of {len(samples)} sampled pixels differ")
    print(f"screenshots in {args.out}")
    if failures:
        print(f"{len(failures)} failure(s)")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
