#!/usr/bin/env python3
# tests/bench: fleet sync on loopback against the real nginx — a no-change sync (time, bytes on
# the wire) beside curl fetching the channel file alone, and the transfer after one changed scan
"""Usage: sync_bench.py LANTAI LANTAI_SYNC NGINX SOURCE_DIR DEMO_PACK [--runs N] [--work DIR]

Publishes a copy of the built demo pack (`lantai pack sign` + `lantai publish`) into a channel
nginx serves from deploy/nginx-lantai-fleet.conf (tests/deploy/fleet_origin.py), syncs a booth
once, then:
- no-change sync: N runs of `lantai-sync --once` alternating with the peer, `curl` asking for
  channels/stable.json with the same If-None-Match (one request, the floor for any poll); median
  wall time of each, and the bytes on the wire from nginx's access log ($request_length +
  $bytes_sent). Targets: <= 100 ms and <= 10 KB.
- one changed scan: one image of the pack replaced by a 5 MB scan (pixels of its own; `lantai
  build` brings derived/ up to date), signed, published; one sync. Bytes on the wire against the
  scan's size and against the objects that really changed. Target: <= 5.5 MB for a 5 MB scan
  (the scan's own tiles are new objects too; they are reported apart).
Exits 1 when a target is missed."""
import argparse, hashlib, json, os, shutil, statistics, subprocess, sys, tempfile, time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "deploy"))
from fleet_origin import FleetOrigin  # noqa: E402

ap = argparse.ArgumentParser()
for name in ("lantai", "sync", "nginx", "src", "demo"):
    ap.add_argument(name)
ap.add_argument("--runs", type=int, default=7)
ap.add_argument("--work", default=None)
a = ap.parse_args()
work = a.work or tempfile.mkdtemp(prefix="lantai-sync-bench-")
os.makedirs(work, exist_ok=True)
os.chmod(work, 0o755)


def run(cmd, **kw):
    proc = subprocess.run(cmd, capture_output=True, text=True, **kw)
    if proc.returncode != 0:
        sys.exit(f"{' '.join(cmd)}: exit {proc.returncode}: {proc.stdout}{proc.stderr}")
    return proc


pack = os.path.join(work, "pack")
shutil.rmtree(pack, ignore_errors=True)
t0 = time.monotonic()
shutil.copytree(a.demo, pack)
copy_s = time.monotonic() - t0
keys = os.path.join(work, "keys")
shutil.rmtree(keys, ignore_errors=True)
run([a.lantai, "pack", "keygen", "--out", keys])
KEY, PUB = os.path.join(keys, "lantai.key"), os.path.join(keys, "lantai.pub")
origin = FleetOrigin(a.nginx, a.src, os.path.join(work, "origin"))
shutil.rmtree(origin.site, ignore_errors=True)
os.makedirs(origin.site)
booth = os.path.join(work, "booth")
shutil.rmtree(booth, ignore_errors=True)
os.makedirs(booth)
origin.start()
try:
    def publish():
        run([a.lantai, "pack", "sign", pack, "--secret-key", KEY])
        return run([a.lantai, "publish", pack, "--to", origin.site, "--channel", "stable", "--secret-key", KEY, "--lang", "en"])

    sync = [a.sync, "--origin", origin.url, "--channel", "stable", "--state-dir", booth, "--public-key", PUB, "--once"]
    t0 = time.monotonic()
    publish()
    publish_s = time.monotonic() - t0
    mark = origin.mark()
    t0 = time.monotonic()
    run(sync)
    first_s = time.monotonic() - t0
    first = origin.since(mark)
    size = sum(os.path.getsize(os.path.join(r, f)) for r, _, fs in os.walk(pack) for f in fs)
    print(f"pack: {size / 1e6:.1f} MB; cp -r {copy_s:.2f} s; publish {publish_s:.2f} s; "
          f"first sync (download + install) {first_s:.2f} s, {sum(r.sent for r in first) / 1e6:.1f} MB in {len(first)} requests")

    # ---- no-change sync vs curl -----------------------------------------------------------------
    etag = open(os.path.join(booth, "sync/channels/stable.etag")).read().strip()
    curl = ["curl", "-s", "-o", "/dev/null", "-H", f"If-None-Match: {etag}", origin.url + "channels/stable.json"]
    times = {"lantai-sync": [], "curl": []}
    wire = {"lantai-sync": [], "curl": []}
    for i in range(a.runs):
        for name, cmd in (("lantai-sync", sync), ("curl", curl)) if i % 2 == 0 else (("curl", curl), ("lantai-sync", sync)):
            mark = origin.mark()
            t0 = time.monotonic()
            run(cmd)
            times[name].append(time.monotonic() - t0)
            got = origin.since(mark)
            assert [r.status for r in got] == [304], got
            wire[name].append(sum(r.sent + r.length for r in got))
    ms = {k: statistics.median(v) * 1000 for k, v in times.items()}
    kb = {k: statistics.median(v) / 1000 for k, v in wire.items()}
    print(f"\nno-change sync, median of {a.runs}      lantai-sync      curl (channel file only)   ratio")
    print(f"  wall time                     {ms['lantai-sync']:8.1f} ms   {ms['curl']:8.1f} ms              {ms['lantai-sync'] / ms['curl']:.2f}")
    print(f"  bytes on the wire             {kb['lantai-sync']:8.2f} KB   {kb['curl']:8.2f} KB              {kb['lantai-sync'] / kb['curl']:.2f}")
    ok = ms["lantai-sync"] <= 100 and kb["lantai-sync"] <= 10
    print(f"  target <= 100 ms and <= 10 KB: {'met' if ok else 'MISSED'}")

    # ---- one changed 5 MB scan ------------------------------------------------------------------
    def change_and_sync(what):
        run([a.lantai, "build", pack])
        before = {f for r, _, fs in os.walk(os.path.join(origin.site, "objects")) for f in fs}
        publish()
        new_size, new_count = 0, 0
        for r, _, fs in os.walk(os.path.join(origin.site, "objects")):
            for f in fs:
                if f not in before and not f.endswith(".gz"):
                    new_size += os.path.getsize(os.path.join(r, f))
                    new_count += 1
        mark = origin.mark()
        t0 = time.monotonic()
        run(sync)
        took = time.monotonic() - t0
        got = origin.since(mark)
        on_wire = sum(r.sent + r.length for r in got)
        scan_size = os.path.getsize(scan)
        print(f"\n{what} ({scan_size / 1e6:.2f} MB scan; {new_count} new objects, {new_size / 1e6:.2f} MB)")
        print(f"  on the wire                   {on_wire / 1e6:8.2f} MB in {len(got)} requests, {took:.2f} s")
        print(f"  ratio to the scan             {on_wire / scan_size:8.3f}")
        print(f"  ratio to the new objects      {on_wire / max(new_size, 1):8.3f}")
        print(f"  ratio to the whole pack       {on_wire / size:8.4f}")
        return on_wire, scan_size

    # The demo's largest scan re-encoded to about 5 MB becomes part of the published pack first.
    images = sorted((os.path.getsize(os.path.join(r, f)), os.path.join(r, f))
                    for r, _, fs in os.walk(os.path.join(pack, "images")) for f in fs if f.endswith(".jpg"))
    scan = images[-1][1]
    original = os.path.join(work, "original.jpg")
    shutil.copy(scan, original)
    for quality in range(95, 35, -5):
        run(["vips", "copy", original, scan + f"[Q={quality},strip]"])
        if os.path.getsize(scan) <= 5.24e6:
            break
    run([a.lantai, "build", pack])
    publish()
    run(sync)
    # (a) The scan's bytes change, its pixels do not (a corrected comment): tiles stay the same
    # objects. The target is about this case: <= 5.5 MB for a 5 MB scan.
    data = open(scan, "rb").read()
    comment = b"corrected by the curators " + str(time.time()).encode()
    with open(scan, "wb") as f:
        f.write(data[:2] + b"\xff\xfe" + (len(comment) + 2).to_bytes(2, "big") + comment + data[2:])
    on_wire, scan_size = change_and_sync("one scan changed, same pixels")
    ok_change = on_wire <= 5.5e6 * scan_size / 5e6
    print(f"  target <= 5.5 MB per 5 MB scan: {'met' if ok_change else 'MISSED'}")
    # (b) A new scan (new pixels): its IIIF tiles and thumbnail are new objects too.
    run(["vips", "linear", original, scan + "[Q=85,strip]", "1.03", "2"])
    change_and_sync("one scan replaced by a new one (new pixels, so new tiles)")
finally:
    origin.stop()
sys.exit(0 if ok and ok_change else 1)
