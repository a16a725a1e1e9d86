#!/usr/bin/env python3
# tests/bench: lantai-kiosk performance against the targets, with Chromium as the side-by-side peer
"""Usage: kiosk_bench.py --kiosk BIN --lantai BIN --demo PACK [--runs 5] [--work DIR]

Measures, in one run on this machine, under Xvfb + Mesa llvmpipe:
  1. launch -> first interactive frame on the demo pack (median of N)    target <= 300 ms
     peer: Chromium (--kiosk, headless=new off, same Xvfb) launch -> load event of a static
     40-image page built from the demo's thumbnails                     (reference: 588 ms)
  2. PSS after browsing 20 items and zooming both large scans            target <= 200 MB
     peer: Chromium's PSS on the 40-image page (all its processes)      (reference: 416 MB)
  3. texture memory bounded by the budget on a generated 1000-item pack (budget 64 MB here)
  4. CPU while idle on the home screen (10 s sample)                     target <= 2 % of a core
  5. UI CPU time per frame while scrolling a 300-item grid, p99          target <= 4 ms
  6. pinch end -> sharp tiles at the new level on a 100 MP scan          target <= 150 ms
Prints every figure, the peer's, the ratios, and PASS/FAIL per target."""
import argparse, glob, json, os, shutil, signal, statistics, subprocess, sys, tempfile, time

HERE = os.path.dirname(os.path.abspath(__file__))
ENV = dict(os.environ, LIBGL_ALWAYS_SOFTWARE="1")


def run_script(kiosk, pack, script_lines, work, size="1920x1080", extra=()):
    os.makedirs(work, exist_ok=True)
    script = os.path.join(work, "bench.script")
    with open(script, "w") as f:
        f.write("\n".join(script_lines) + "\n")
    log = os.path.join(work, "states.jsonl")
    if os.path.exists(log):
        os.remove(log)
    w, h = size.split("x")
    cmd = ["xvfb-run", "-a", "-s", f"-screen 0 {w}x{h}x24", kiosk, "--pack", pack, "--windowed", size,
           "--script", script, "--exit-after-script", "--state-log", log, "--state-dir", os.path.join(work, "state"),
           *extra]
    subprocess.run(cmd, env=ENV, check=True, capture_output=True, timeout=600)
    with open(log) as f:
        return [json.loads(line) for line in f if line.strip()]


def startup(kiosk, pack, work, runs):
    times = []
    for _ in range(runs):
        states = run_script(kiosk, pack, ["wait 100"], work)
        times.append(states[-1]["startup_ms"])
    return statistics.median(times), times


def chromium_peer(demo, work, runs):
    """Chromium --kiosk on the same kind of display: launch -> load event, and PSS of all its processes."""
    chromium = shutil.which("chromium")
    if not chromium:
        return None
    os.makedirs(work, exist_ok=True)
    thumbs = sorted(glob.glob(os.path.join(demo, "derived", "thumbs", "*.jpg")))[:40]
    imgs = "".join(f'<img src="file://{t}" width="240" alt="">' for t in thumbs)
    page = os.path.join(work, "index.html")
    with open(page, "w") as f:
        f.write("<!doctype html><meta charset=utf-8><title>peer</title><body style='background:#8E1A14'>"
                f"{imgs}<script>addEventListener('load',()=>console.log('LANTAI_LOADED '+Date.now()))</script>")
    display = ":" + str(90 + os.getpid() % 9)
    xvfb = subprocess.Popen(["Xvfb", display, "-screen", "0", "1920x1080x24", "-nolisten", "tcp"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    time.sleep(1)
    results = []
    try:
        for _ in range(runs):
            profile = tempfile.mkdtemp(prefix="chromium-peer-")
            start = time.time()
            proc = subprocess.Popen([chromium, "--kiosk", "--no-sandbox", "--disable-gpu", "--no-first-run",
                                     "--disable-background-networking", "--disable-component-update", "--disable-sync",
                                     f"--user-data-dir={profile}", "--enable-logging=stderr", "--v=0", f"file://{page}"],
                                    env=dict(ENV, DISPLAY=display), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                                    text=True, errors="replace")
            loaded = None
            deadline = time.time() + 60
            while time.time() < deadline:
                line = proc.stderr.readline()
                if not line:
                    break
                if "LANTAI_LOADED " in line:
                    loaded = int(line.split("LANTAI_LOADED ")[1].split()[0].strip('"').rstrip('",')) / 1000.0
                    break
            time.sleep(1.0)
            pss = 0
            for pid in subprocess.run(["pgrep", "-f", profile], capture_output=True, text=True).stdout.split():
                try:
                    for row in open(f"/proc/{pid}/smaps_rollup"):
                        if row.startswith("Pss:"):
                            pss += int(row.split()[1])
                except OSError:
                    pass
            proc.kill()
            proc.wait()
            subprocess.run(["pkill", "-f", profile])
            shutil.rmtree(profile, ignore_errors=True)
            if loaded:
                results.append(((loaded - start) * 1000.0, pss / 1024.0))
    finally:
        xvfb.terminate()
    if not results:
        return None
    return statistics.median(r[0] for r in results), statistics.median(r[1] for r in results)


def browse_pss(kiosk, demo, work):
    pack = json.load(open(os.path.join(demo, "pack.json")))
    ex = pack["exhibitions"][0]
    first = ex["chapters"][0]["items"][0]["id"]
    lines = ["tap @attract", f"tap @exhibition:{ex['id']}", f"tap @chapter:{ex['chapters'][0]['id']}",
             f"tap @item:{first}", "wait-idle 10000"]
    for _ in range(19):
        lines += ["tap @next", "wait-idle 10000"]
    large = []
    index = json.load(open(os.path.join(demo, "derived", "index.json")))
    for ex_ in pack["exhibitions"]:
        for ch in ex_["chapters"]:
            for it in ch["items"]:
                img = index["images"].get(it["images"][0]["file"], {})
                if img.get("width", 0) * img.get("height", 0) >= 50_000_000:
                    large.append((ch["id"], it["id"]))
    for chapter, item in large:
        lines += ["tap @home", f"tap @exhibition:{ex['id']}", f"tap @chapter:{chapter}", f"tap @item:{item}",
                  "wait-idle 10000", "doubletap 30% 55%", "wait-idle 10000", "pinch 30% 55% 3.0 300",
                  "wait-idle 10000", "pinch 40% 45% 2.0 300", "wait-idle 10000"]
    lines += ["wait 500"]
    states = run_script(kiosk, demo, lines, work)
    visited = {s["item"] for s in states if s["item"]}
    return states[-1]["pss_kb"] / 1024, states[-1]["texture_bytes"] / 2**20, len(visited), len(large)


def budget_bound(kiosk, work):
    pack = os.path.join(work, "pack-1000")
    subprocess.run([sys.executable, os.path.join(HERE, "make_large_pack.py"), pack, "--items", "1000",
                    "--image-size", "256", "--chapters", "2"], check=True, capture_output=True)
    lines = ["tap @attract", "tap @exhibition:bench", "tap @chapter:chapter-00", "wait-idle 8000"]
    lines += ["swipe up 50% 70%", "wait-idle 8000"] * 12
    lines += ["tap @back", "tap @chapter:chapter-01", "wait-idle 8000"] + ["swipe up 50% 70%", "wait-idle 8000"] * 12
    states = run_script(kiosk, pack, lines, work, extra=["--texture-budget", "64"])
    return max(s["texture_bytes"] for s in states) / 2**20, max(s["pss_kb"] for s in states) / 1024


def idle_cpu(kiosk, demo, work):
    os.makedirs(work, exist_ok=True)
    script = os.path.join(work, "idle.script")
    with open(script, "w") as f:
        f.write("tap @attract\nwait-idle 10000\nwait 16000\n")
    proc = subprocess.Popen(["xvfb-run", "-a", "-s", "-screen 0 1920x1080x24", kiosk, "--pack", demo, "--windowed",
                             "1920x1080", "--script", script, "--exit-after-script", "--state-dir",
                             os.path.join(work, "state")], env=ENV, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    pid = None
    for _ in range(200):
        time.sleep(0.05)
        out = subprocess.run(["pgrep", "-f", f"{kiosk} --pack {demo}"], capture_output=True, text=True).stdout.split()
        out = [p for p in out if open(f"/proc/{p}/comm").read().strip() == "lantai-kiosk"] if out else []
        if out:
            pid = out[0]
            break
    time.sleep(4)  # home screen drawn, thumbnails loaded

    def ticks():
        fields = open(f"/proc/{pid}/stat").read().rsplit(")", 1)[1].split()
        return int(fields[11]) + int(fields[12])
    t0, c0 = time.time(), ticks()
    time.sleep(10)
    t1, c1 = time.time(), ticks()
    proc.wait(timeout=60)
    hz = os.sysconf("SC_CLK_TCK")
    return 100.0 * (c1 - c0) / hz / (t1 - t0)


def grid_frames(kiosk, work):
    pack = os.path.join(work, "pack-300")
    subprocess.run([sys.executable, os.path.join(HERE, "make_large_pack.py"), pack, "--items", "300", "--chapters", "1"],
                   check=True, capture_output=True)
    lines = ["tap @attract", "tap @exhibition:bench", "tap @chapter:chapter-00", "wait-idle 8000"]
    lines += ["drag 50% 80% 50% 20% 600", "swipe up 50% 70%", "wait 400", "drag 50% 20% 50% 60% 600"] * 6
    states = run_script(kiosk, pack, lines, work)
    return states[-1]["frame_build_p99_ms"], states[-1]["frame_build_samples"]


def pinch_sharp(kiosk, lantai, work):
    pack = os.path.join(work, "pack-100mp")
    source = os.path.join(pack, "images", "scan-100mp.jpg")
    if not os.path.exists(os.path.join(pack, "derived", "index.json")):
        os.makedirs(os.path.dirname(source), exist_ok=True)
        subprocess.run(["vips", "gaussnoise", os.path.join(work, "noise.v"), "11547", "8660", "--mean", "180",
                        "--sigma", "30"], check=True)
        subprocess.run(["vips", "colourspace", os.path.join(work, "noise.v"), source + "[Q=90]", "srgb"], check=True)
        text = {"zh": "一百兆像素示例", "en": "100 MP sample"}
        json.dump({"format_version": 1, "id": "bench-100mp", "title": text, "organiser": text,
                   "exhibitions": [{"id": "bench", "title": text, "chapters": [{"id": "c", "title": text, "items": [
                       {"id": "scan", "title": text, "images": [{"file": "images/scan-100mp.jpg", "alt": text}]}]}]}]},
                  open(os.path.join(pack, "pack.json"), "w"), ensure_ascii=False)
        subprocess.run([lantai, "build", pack], check=True, capture_output=True)
    results = []
    lines = ["tap @attract", "tap @exhibition:bench", "tap @chapter:c", "tap @item:scan", "wait-idle 10000"]
    for scale, x in ((2.0, 30), (2.0, 40), (2.0, 35), (0.5, 40), (2.0, 45)):
        lines += [f"pinch {x}% 55% {scale} 300", "wait-idle 10000"]
    states = run_script(kiosk, pack, lines, work)
    for s in states:
        if s["command"] == "wait-idle" and s["sharp_after_zoom_ms"] >= 0:
            results.append(s["sharp_after_zoom_ms"])
    # Each value is the latest measurement when the step ended; de-duplicate consecutive repeats.
    values = [v for i, v in enumerate(results) if i == 0 or v != results[i - 1]]
    return statistics.median(values) if values else float("nan"), values


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--kiosk", required=True)
    ap.add_argument("--lantai", required=True)
    ap.add_argument("--demo", required=True)
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--work", default=os.environ.get("LANTAI_BENCH_DIR", "/tmp/lantai-bench") + "/kiosk")
    args = ap.parse_args()
    os.makedirs(args.work, exist_ok=True)
    failed = []

    def report(name, value, unit, target, peer=None, lower_is_better=True):
        ok = value <= target if lower_is_better else value >= target
        line = f"{name:52s} {value:9.1f} {unit:3s}  target <= {target:g}"
        if peer:
            line += f"   peer {peer:9.1f} {unit}  ratio {value / peer:5.2f}"
        print(line + ("   PASS" if ok else "   FAIL"), flush=True)
        if not ok:
            failed.append(name)

    start_ms, all_ms = startup(args.kiosk, args.demo, os.path.join(args.work, "startup"), args.runs)
    peer = chromium_peer(args.demo, os.path.join(args.work, "peer"), max(1, args.runs // 2))
    report("launch -> first interactive frame (median)", start_ms, "ms", 300, peer[0] if peer else None)
    print(f"    runs: {', '.join(f'{t:.0f}' for t in all_ms)} ms" + ("" if peer else "   (peer: chromium not installed)"))
    pss, tex, visited, large = browse_pss(args.kiosk, args.demo, os.path.join(args.work, "browse"))
    report(f"PSS after {visited} items + zooming {large} large scans", pss, "MB", 200, peer[1] if peer else None)
    print(f"    textures resident at the end: {tex:.1f} MB (default budget: 256 MB, 64 MB with software GL)")
    tex1000, pss1000 = budget_bound(args.kiosk, os.path.join(args.work, "budget"))
    report("1000-item pack: max texture memory (budget 64 MB)", tex1000, "MB", 64)
    print(f"    max PSS while flinging through 1000 items: {pss1000:.1f} MB")
    report("CPU idle on the home screen", idle_cpu(args.kiosk, args.demo, os.path.join(args.work, "idle")), "%", 2)
    p99, samples = grid_frames(args.kiosk, os.path.join(args.work, "grid"))
    report(f"UI CPU per frame, p99 of {samples}, 300-item grid", p99, "ms", 4)
    sharp, values = pinch_sharp(args.kiosk, args.lantai, os.path.join(args.work, "pinch"))
    report("pinch end -> sharp tiles, 100 MP scan (median)", sharp, "ms", 150)
    print(f"    pinches: {', '.join(f'{v:.0f}' for v in values)} ms")
    print(f"{6 - len(failed)} passed, {len(failed)} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
