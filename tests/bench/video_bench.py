#!/usr/bin/env python3
# tests/bench: video playback — tap to first frame and dropped frames, lantai-kiosk vs the mpv player side by side
"""Usage: video_bench.py --kiosk BIN --pack DIR [--video ID] [--runs N] [--size WxH]

Both run under Xvfb with Mesa's software OpenGL and the same mpv options (hwdec auto-safe,
audio falling back to null when there is no sound device):

  first frame   lantai: the tap on the library card -> the first video frame swapped to the
                screen (state `video.first_frame_ms`; mpv is already initialised, as in a booth).
                mpv: process start -> "first video frame after restart shown" (its own log clock).
  dropped       frames the video output dropped for being late plus frames the decoder skipped,
                over the frames of the clip, for one whole play-through.

Needs the `mpv` player (Debian package mpv) for the peer. Prints medians and ratios."""
import argparse, json, os, re, statistics, subprocess, sys, tempfile

LUA = r"""
mp.add_hook("on_unload", 50, function()
  io.stderr:write(string.format("LANTAI_DROPS %s %s %s\n", mp.get_property("frame-drop-count", "0"),
    mp.get_property("decoder-frame-drop-count", "0"), mp.get_property("estimated-frame-number", "0")))
end)
"""


def run_kiosk(args, work, video, duration):
    script = os.path.join(work, "kiosk.script")
    with open(script, "w") as f:
        f.write("tap @attract\nwait 800\ntap @videos\nwait-idle 5000\n"
                f"tap @video:{video}\nwait {int(duration * 1000) - 800}\nwait 1500\n")
    states = os.path.join(work, "states.jsonl")
    if os.path.exists(states):
        os.remove(states)
    cmd = ["xvfb-run", "-a", "-s", f"-screen 0 {args.size}x24", args.kiosk, "--pack", args.pack, "--windowed", args.size,
           "--script", script, "--exit-after-script", "--state-log", states, "--state-dir", os.path.join(work, "state")]
    subprocess.run(cmd, env=dict(os.environ, LIBGL_ALWAYS_SOFTWARE="1"), capture_output=True, timeout=300)
    rows = [json.loads(line) for line in open(states)]
    first = next(r["video"]["first_frame_ms"] for r in rows if r.get("video") and r["video"]["first_frame_ms"] > 0)
    # The state just before the end (the next step is back in the library): drops over frames played.
    last = [r["video"] for r in rows if r.get("video")][-1]
    frames = max(1, round(last["position"] * 30))
    return first, (last["dropped_frames"] + last["decoder_dropped_frames"]) / frames, last["frames_rendered"]


def run_mpv(args, work, path):
    lua = os.path.join(work, "drops.lua")
    with open(lua, "w") as f:
        f.write(LUA)
    log = os.path.join(work, "mpv.log")
    width, height = args.size.split("x")
    cmd = ["xvfb-run", "-a", "-s", f"-screen 0 {args.size}x24", "mpv", "--no-config", "--vo=gpu", "--gpu-sw",
           "--hwdec=auto-safe", "--audio-fallback-to-null=yes", f"--geometry={width}x{height}+0+0", "--osc=no",
           f"--script={lua}", f"--log-file={log}", "--msg-level=all=error", path]
    out = subprocess.run(cmd, env=dict(os.environ, LIBGL_ALWAYS_SOFTWARE="1", XDG_RUNTIME_DIR=work),
                         capture_output=True, text=True, timeout=300)
    first = None
    for line in open(log, errors="replace"):
        if "first video frame after restart shown" in line:
            first = float(re.match(r"\[\s*([0-9.]+)\]", line).group(1)) * 1000
            break
    m = re.search(r"LANTAI_DROPS (\d+) (\d+) (\d+)", out.stderr)
    dropped = (int(m.group(1)) + int(m.group(2))) / max(1, int(m.group(3))) if m else float("nan")
    return first, dropped


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--kiosk", required=True)
    ap.add_argument("--pack", required=True)
    ap.add_argument("--video", default="reading-archives-01")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--size", default="1920x1080")
    args = ap.parse_args()
    pack = json.load(open(os.path.join(args.pack, "pack.json"), encoding="utf-8"))
    entry = next(v for v in pack["videos"] if v["id"] == args.video)
    path = os.path.join(args.pack, entry["file"])
    probe = subprocess.run(["ffprobe", "-v", "error", "-show_entries", "format=duration", "-of", "csv=p=0", path],
                           capture_output=True, text=True, check=True)
    duration = float(probe.stdout.strip())
    work = tempfile.mkdtemp(prefix="lantai-video-bench-")
    lantai_first, lantai_drop, mpv_first, mpv_drop = [], [], [], []
    for run in range(args.runs):  # alternating, so both see the same machine load
        f, d, rendered = run_kiosk(args, work, args.video, duration)
        lantai_first.append(f)
        lantai_drop.append(d)
        f2, d2 = run_mpv(args, work, path)
        mpv_first.append(f2)
        mpv_drop.append(d2)
        print(f"run {run + 1}: lantai first frame {f:.0f} ms, dropped {d * 100:.2f}% ({rendered} frames drawn) | "
              f"mpv first frame {f2:.0f} ms, dropped {d2 * 100:.2f}%", flush=True)
    lf, mf = statistics.median(lantai_first), statistics.median(mpv_first)
    ld, md = statistics.median(lantai_drop), statistics.median(mpv_drop)
    print(f"\nclip {entry['file']} ({duration:.1f} s), window {args.size}, {args.runs} runs, medians:")
    print(f"  tap -> first frame   lantai {lf:.0f} ms   mpv {mf:.0f} ms   ratio {lf / mf:.2f}   (target <= 1.2)")
    print(f"  dropped frames       lantai {ld * 100:.2f}%   mpv {md * 100:.2f}%   (target <= 1%)")


if __name__ == "__main__":
    sys.exit(main())
