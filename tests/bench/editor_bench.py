#!/usr/bin/env python3
# tests/bench: lantai-editor against issue 12's targets, with the kiosk on the same pack as the peer
"""Usage: editor_bench.py --editor BIN --kiosk BIN [--work DIR] [--scans N] [--scan-mp MP]

Under Xvfb + Mesa llvmpipe, on a generated 1000-item pack (make_large_pack.py):
  1. open to interactive (the pack, its tree and the preview drawn)   target <= 1000 ms
     peer: lantai-kiosk on the same pack, launch -> first interactive frame
  2. PSS once open                                                      target <= 300 MB
  3. edit -> preview updated, p95 over 30 typed edits of a title        target <= 200 ms
  4. CPU while nothing changes (10 s sample)                            target <= 2 % of a core
  5. frame p99 while a folder of N scans (default 100 x 24 MP, each different, ~9 MB) is copied
     in and thumbnailed, median of --runs drops (the editor's frame time: the whole loop
     iteration that drew it, the kiosk preview's update and render, worker results and
     thumbnail uploads included; the script's own state files and screenshots are not)
                                                                           target <= 16 ms
     with the slowest frame's phases and the main thread's CPU time per frame beside it
     (LANTAI_EDITOR_SLOW_FRAME_MS=N logs every frame over N ms with its phases)
Prints each figure, the peer's and the ratio, PASS/FAIL per target."""
import argparse, json, os, shutil, signal, subprocess, sys, tempfile, time

HERE = os.path.dirname(os.path.abspath(__file__))
ENV = dict(os.environ, LIBGL_ALWAYS_SOFTWARE="1", LANTAI_FILE_CHOOSER="")
RESULTS = []


def report(name, value, unit, target, peer=None, peer_name=""):
    ok = value <= target
    ratio = f"   peer {peer:8.1f} {unit}  ratio {value / peer:5.2f}" if peer else ""
    print(f"{name:<58} {value:8.1f} {unit:<3} target <= {target:<6}{ratio}   {'PASS' if ok else 'FAIL'}")
    if peer_name:
        print(f"    peer: {peer_name}")
    RESULTS.append(ok)


def editor(args, pack, lines, name, background=False):
    script = os.path.join(args.work, name + ".script")
    with open(script, "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")
    state = os.path.join(args.work, name + ".json")
    cmd = ["xvfb-run", "-a", "-s", "-screen 0 1600x1000x24", args.editor, pack, "--script", script,
           "--state-out", state, "--screenshot-dir", args.work]
    if background:
        return subprocess.Popen(cmd, env=ENV, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                                start_new_session=True), state
    subprocess.run(cmd + ["--exit-after-script"], env=ENV, stdout=subprocess.DEVNULL,
                   stderr=subprocess.DEVNULL, timeout=600, check=False)
    with open(state) as f:
        return json.load(f)


def kiosk_startup(args, pack):
    script = os.path.join(args.work, "kiosk.script")
    with open(script, "w") as f:
        f.write("wait 200\nquit\n")
    state = os.path.join(args.work, "kiosk.json")
    subprocess.run(["xvfb-run", "-a", "-s", "-screen 0 1920x1080x24", args.kiosk, "--pack", pack,
                    "--no-video", "--script", script, "--state-out", state, "--exit-after-script"],
                   env=ENV, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=120)
    with open(state) as f:
        return json.load(f)["startup_ms"]


def median(values):
    values = sorted(values)
    return values[len(values) // 2]


def children_cpu_seconds(pid):
    total = 0.0
    for p in [pid] + subprocess.run(["pgrep", "-g", str(pid)], capture_output=True, text=True).stdout.split():
        try:
            with open(f"/proc/{p}/stat") as f:
                fields = f.read().rsplit(")", 1)[1].split()
            total += (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
        except (OSError, ValueError, IndexError):
            pass
    return total


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--editor", required=True)
    ap.add_argument("--kiosk", required=True)
    ap.add_argument("--work", default=None)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--scans", type=int, default=100)
    ap.add_argument("--scan-mp", type=float, default=24)
    args = ap.parse_args()
    args.work = args.work or tempfile.mkdtemp(prefix="lantai-editor-bench-")
    os.makedirs(args.work, exist_ok=True)
    base = os.path.join(args.work, "large-1000")
    if not os.path.exists(os.path.join(base, "pack.json")):
        subprocess.run([sys.executable, os.path.join(HERE, "make_large_pack.py"), base, "--items", "1000"], check=True)

    # 1 + 2: open to interactive, PSS; the kiosk's launch on the same pack beside it.
    opens, pss, peers = [], [], []
    for run in range(args.runs):
        pack = os.path.join(args.work, f"open-{run}")
        shutil.rmtree(pack, ignore_errors=True)
        shutil.copytree(base, pack)
        state = editor(args, pack, ["wait-idle 30000", "quit"], f"open-{run}")
        opens.append(state["startup_ms"])
        pss.append(state["pss_kb"] / 1024)
        peers.append(kiosk_startup(args, pack))
    print(f"    editor opens: {', '.join(f'{v:.0f}' for v in opens)} ms; kiosk: {', '.join(f'{v:.0f}' for v in peers)} ms")
    report("open the 1000-item pack to interactive (median)", median(opens), "ms", 1000,
           median(peers), "lantai-kiosk launch -> first interactive frame on the same pack")
    report("PSS once open (median)", median(pss), "MB", 300)

    # 3: edit -> preview, typing into an item's title.
    pack = os.path.join(args.work, "edit")
    shutil.rmtree(pack, ignore_errors=True)
    shutil.copytree(base, pack)
    with open(os.path.join(pack, "pack.json"), encoding="utf-8") as f:
        first = json.load(f)["exhibitions"][0]["chapters"][0]["items"][0]["id"]
    lines = ["wait-idle 30000", f"tap @tree:item:{first}", "wait-idle 5000", "tap @field:title:zh"]
    for ch in "档案见证历史一九四九年开国大典请柬原件展出上海市档案馆藏品":
        lines += [f"type {ch}", "wait-idle 2000"]
    state = editor(args, pack, lines + ["quit"], "edit")
    report(f"edit -> preview updated, p95 of {state['preview']['updates']}", state["preview"]["update_p95_ms"], "ms", 200)

    # 4: idle CPU.
    proc, _ = editor(args, pack, ["wait-idle 30000", "wait 600000"], "idle", background=True)
    time.sleep(12)
    before = children_cpu_seconds(proc.pid)
    time.sleep(10)
    after = children_cpu_seconds(proc.pid)
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait()
    report("CPU while nothing changes (10 s)", (after - before) / 10 * 100, "%", 2)

    # 5: a folder of scans dropped: frame p99 while they are copied.
    # Scans as a digitisation room delivers them: each one different, photographic detail (grain
    # over a test chart), about 9 MB of JPEG per 24 MP. (One pattern copied N times compresses
    # to 0.5 MB and makes the drop trivially cheap: a couple of dozen frames in all.)
    scans = os.path.join(args.work, f"scans-{args.scans}x{args.scan_mp:g}mp")
    if not os.path.exists(scans + ".done"):
        shutil.rmtree(scans, ignore_errors=True)
        os.makedirs(scans)
        w = int((args.scan_mp * 1e6 * 3 / 2) ** 0.5)
        h = int(w * 2 / 3)
        subprocess.run(["ffmpeg", "-loglevel", "error", "-y", "-f", "lavfi", "-i", f"testsrc=s={w}x{h}:r=25",
                        "-vf", "noise=alls=20:allf=t+u", "-frames:v", str(args.scans), "-q:v", "3",
                        "-start_number", "0", os.path.join(scans, "scan-%03d.jpg")], check=True)
        open(scans + ".done", "w").close()
    # Each run drops the folder onto a fresh copy of the pack. The figure is the median of the
    # runs' p99 (as for the open time): on a 2-core VM the software GL has whole runs where it
    # rasterises about half as fast as in others (seen: frame medians of 5 and of 8.6 ms for the
    # same drop), and p99 of ~70 frames is close to the slowest one. Every run's value is printed.
    runs = []
    for run in range(args.runs):
        pack = os.path.join(args.work, "drop")
        shutil.rmtree(pack, ignore_errors=True)
        shutil.copytree(base, pack)
        with open(os.path.join(pack, "pack.json"), encoding="utf-8") as f:
            chapter = json.load(f)["exhibitions"][0]["chapters"][0]["id"]
        # The last step's frames stay in the state written at exit: every frame from the drop
        # until the copies are in and every thumbnail is made.
        state = editor(args, pack, ["wait-idle 30000", f"tap @tree:chapter:{chapter}", f"drop {scans}",
                                    "wait-idle 600000"], "drop")
        added = state["pack"]["items"] - 1000
        thumbs = state["thumbnails"]
        print(f"    drop {run + 1}: {added} added, {state['frames']} frames drawn, p99 {state['frame_ms_p99']:.1f} ms, "
              f"median {state['frame_ms_p50']:.1f} ms; main-thread CPU per frame p50 {state['frame_cpu_ms_p50']:.1f}, "
              f"p99 {state['frame_cpu_ms_p99']:.1f} ms; thumbnails made {thumbs['made']}, failed {thumbs['failed']}; "
              f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
        # Where the slowest frame's time went (wall/main-thread CPU per phase): on a loaded
        # machine, or waiting on a software GL's rasteriser threads, wall time parts from the
        # editor's own work.
        slow = state.get("slowest_frame", {})
        if slow:
            phases = ", ".join(f"{k} {v:.1f}/{slow['phases_cpu'].get(k, 0):.1f}"
                               for k, v in sorted(slow["phases"].items(), key=lambda kv: -kv[1]) if v >= 0.5)
            print(f"      slowest frame {slow['ms']:.1f} ms (main thread CPU {slow['cpu_ms']:.1f} ms): {phases} (wall/CPU ms)")
        runs.append(state["frame_ms_p99"])
    report(f"frame p99 while {args.scans} scans of {args.scan_mp:g} MP are copied in and thumbnailed (median of {len(runs)})",
           median(runs), "ms", 16)
    print(f"{sum(RESULTS)} passed, {len(RESULTS) - sum(RESULTS)} failed")
    return 0 if all(RESULTS) else 1


if __name__ == "__main__":
    sys.exit(main())
