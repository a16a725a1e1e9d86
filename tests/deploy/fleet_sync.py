#!/usr/bin/env python3
# tests/deploy: fleet sync end to end on loopback — `lantai publish` into the real nginx serving
# deploy/nginx-lantai-fleet.conf, `lantai-sync` pulling, resuming, refusing, reporting back
"""Usage: fleet_sync.py LANTAI LANTAI_SYNC NGINX SOURCE_DIR EVENT_DB_GEN

A booth follows channel "stable" of a site `lantai publish` writes; nginx (an unprivileged
process, deploy/nginx-lantai-fleet.conf with its folders and port replaced, tests/deploy/
fleet_origin.py) serves it and takes the booth's PUTs. Requests are counted in nginx's access log.
- publish: one object per distinct file + manifest + signature; `minisign -Vm` verifies the
  channel file; publishing again changes nothing;
- first sync installs; a second is one conditional GET answered 304, no object fetched;
- one changed image: exactly that object, the manifest and its signature are fetched;
- kill -9 in a download slowed by --max-rate, then a sync that resumes it (a 206 for a Range);
- an object tampered with on the origin: refused, deleted, nothing installed; fixed, the next
  sync installs it; an origin that cannot be reached: exit 3, the pack stays;
- heartbeat and statistics snapshot arrive in nginx's WebDAV folder (and wait in the outbox
  while the origin is away), and `lantai report --collected` reads them;
- every command of deploy/README.md's fleet section runs (tests/deploy/fleet_readme.py)."""
import hashlib, json, os, random, re, shutil, signal, struct, subprocess, sys, tempfile, time, zlib

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from fleet_origin import FleetOrigin  # noqa: E402

LANTAI, SYNC, NGINX, SRC, GEN = (os.path.abspath(a) for a in sys.argv[1:6])
WORK = tempfile.mkdtemp(prefix="lantai-fleet-")
os.chmod(WORK, 0o755)
failures = 0
started = time.monotonic()


def expect(ok, what, detail=""):
    global failures
    print(("ok   " if ok else "FAIL ") + what + ("" if ok or not detail else ": " + str(detail)[-2000:]), flush=True)
    failures += not ok
    return ok


def run(cmd, rc=0, what=None, **kw):
    proc = subprocess.run(cmd, capture_output=True, text=True, timeout=120, **kw)
    expect(proc.returncode == rc, what or " ".join(os.path.basename(c) if i == 0 else c for i, c in enumerate(cmd)) + f" exits {rc}",
           f"exit {proc.returncode}: {proc.stdout}{proc.stderr}")
    return proc


def png(path, seed, side):
    """A valid PNG of random pixels (does not compress: its size is about side*side*3)."""
    rnd = random.Random(seed)
    raw = b"".join(b"\0" + rnd.randbytes(side * 3) for _ in range(side))
    chunk = lambda kind, data: struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    with open(path, "wb") as f:
        f.write(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", side, side, 8, 2, 0, 0, 0))
                + chunk(b"IDAT", zlib.compress(raw, 0)) + chunk(b"IEND", b""))


sha = lambda path: hashlib.sha256(open(path, "rb").read()).hexdigest()

# ---- keys, pack, origin ---------------------------------------------------------------------------
keys = os.path.join(WORK, "keys")
run([LANTAI, "pack", "keygen", "--out", keys])
PUB, KEY = os.path.join(keys, "lantai.pub"), os.path.join(keys, "lantai.key")
pack = os.path.join(WORK, "pack")
shutil.copytree(os.path.join(SRC, "tests/packs/valid-minimal"), pack)
image = os.path.join(pack, "images/letter.png")
png(image, 1, 200)
origin = FleetOrigin(NGINX, SRC, os.path.join(WORK, "origin"))
origin.start()
site = origin.site
booth = os.path.join(WORK, "booth")
os.makedirs(booth)
gen = subprocess.run([GEN, os.path.join(WORK, "gen"), "--booths", "1", "--events", "3000", "--days", "2",
                      "--start", "2026-06-08"], capture_output=True, text=True)
expect(gen.returncode == 0, "generated a booth's statistics", gen.stderr)
shutil.copy(os.path.join(json.loads(gen.stdout.splitlines()[0])["dir"], "lantai.sqlite"), booth)
# What the kiosk writes every ~30 s while it draws (kiosk/app/kiosk_app.cpp markAlive): the
# heartbeat's last frame comes from it (the production unit writes no --state-out file).
ALIVE_TIME = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(time.time() - 10))
with open(os.path.join(booth, "kiosk-alive.json"), "w") as f:
    json.dump({"last_frame": ALIVE_TIME, "pid": 4242, "pack_id": "valid-minimal", "pack_version": "0123456789ab"}, f)


def sign_and_publish():
    run([LANTAI, "pack", "sign", pack, "--secret-key", KEY])
    return run([LANTAI, "publish", pack, "--to", site, "--channel", "stable", "--secret-key", KEY, "--lang", "en"])


def sync(*extra, rc=0, what=None, booth_id="hall-east"):
    return run([SYNC, "--origin", origin.url, "--channel", "stable", "--state-dir", booth, "--public-key", PUB,
                "--once", "--report-url", origin.report_url, "--booth-id", booth_id, *extra], rc=rc, what=what)


def site_state():
    out = {}
    for root, _, files in os.walk(site):
        for name in files:
            p = os.path.join(root, name)
            out[os.path.relpath(p, site)] = (os.stat(p).st_mtime_ns, os.path.getsize(p))
    return out


def gets(requests, prefix):
    return [r for r in requests if r.method == "GET" and r.uri.startswith(prefix)]


current = lambda: os.path.join(booth, "packs/current")

# ---- publish -------------------------------------------------------------------------------------
out = sign_and_publish()
manifest = json.load(open(os.path.join(pack, "manifest.json")))
objects = {os.path.relpath(os.path.join(r, n), site) for r, _, ns in os.walk(os.path.join(site, "objects")) for n in ns
           if not n.endswith(".gz")}
distinct = {f["sha256"] for f in manifest["files"]}
expect(len(objects) == len(distinct) + 2, f"publish: {len(objects)} objects = distinct files + manifest + signature",
       sorted(objects))
expect(all(f"objects/{h[:2]}/{h[2:]}" in objects for h in distinct), "publish: objects are named objects/ab/cdef… by SHA-256")
channel = json.load(open(os.path.join(site, "channels/stable.json")))
m = channel["manifest"]["sha256"]
expect(os.path.isfile(os.path.join(site, "objects", m[:2], m[2:] + ".gz")), "publish: the manifest object has a gzip copy")
expect(channel["pack_id"] == "valid-minimal" and channel["version"] == manifest["version"]
       and f"objects/{channel['manifest']['sha256'][:2]}/{channel['manifest']['sha256'][2:]}" in objects,
       "publish: channels/stable.json names the manifest object, pack id and version", channel)
run(["minisign", "-Vm", os.path.join(site, "channels/stable.json"), "-p", PUB], what="minisign -Vm verifies the channel file")
before = site_state()
out = run([LANTAI, "publish", pack, "--to", site, "--channel", "stable", "--secret-key", KEY, "--lang", "en"])
expect("(unchanged)" in out.stdout and "0 new object" in out.stdout and site_state() == before,
       "publish again: nothing on the site changes", out.stdout)

# ---- first sync, no-change sync ------------------------------------------------------------------
mark = origin.mark()
out = sync(what="first sync installs")
got = origin.since(mark)
expect(os.path.isfile(os.path.join(current(), "pack.json")) and sha(os.path.join(current(), "images/letter.png")) == sha(image),
       "first sync: packs/current is the published pack", out.stderr)
expect(len(gets(got, "/objects/")) == len(objects), f"first sync: every object fetched once ({len(gets(got, '/objects/'))})")
mark = origin.mark()
t0 = time.monotonic()
out = sync(what="no-change sync")
elapsed = time.monotonic() - t0
got = [r for r in origin.since(mark) if r.method == "GET"]
expect([(r.uri, r.status) for r in got] == [("/channels/stable.json", 304)],
       f"no-change sync: one GET answered 304, nothing else fetched ({elapsed * 1000:.0f} ms)", got)

# ---- one changed image ---------------------------------------------------------------------------
png(image, 2, 200)
out = sign_and_publish()
expect("3 new object" in out.stdout, "publish a changed image: 3 new objects (the image, manifest, signature)", out.stdout)
mark = origin.mark()
sync(what="sync after one changed image")
got = gets(origin.since(mark), "/objects/")
expect(len(got) == 3 and f"/objects/{sha(image)[:2]}/{sha(image)[2:]}" in [r.uri for r in got],
       "changed image: only its object, the manifest and the signature fetched", got)
expect(sha(os.path.join(current(), "images/letter.png")) == sha(image), "changed image: installed")

# ---- kill -9 mid-download, then resume -----------------------------------------------------------
png(image, 3, 400)  # ~480 KB at 64 KB/s: about 7 s; killed after about one
sign_and_publish()
big = sha(image)
part = os.path.join(booth, "sync/objects", big[:2], big[2:] + ".part")
proc = subprocess.Popen([SYNC, "--origin", origin.url, "--channel", "stable", "--state-dir", booth, "--public-key", PUB,
                         "--once", "--max-rate", "64k"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
deadline = time.monotonic() + 10
while time.monotonic() < deadline and not (os.path.exists(part) and os.path.getsize(part) > 40000):
    time.sleep(0.05)
proc.send_signal(signal.SIGKILL)
proc.wait()
partial = os.path.getsize(part) if os.path.exists(part) else 0
expect(0 < partial < os.path.getsize(image), f"kill -9 mid-download: {partial} of {os.path.getsize(image)} bytes in the .part file")
expect(sha(os.path.join(current(), "images/letter.png")) != big, "kill -9 mid-download: the old pack is still current")
mark = origin.mark()
sync(what="sync after kill -9 resumes")
got = [r for r in origin.since(mark) if r.uri.endswith(big[2:])]
expect(len(got) == 1 and got[0].status == 206 and got[0].range.startswith("bytes=") and got[0].sent < os.path.getsize(image),
       "resume: the object came as a 206 for the missing range", got)
expect(sha(os.path.join(current(), "images/letter.png")) == big, "resume: the pack is installed")

# ---- tampered object, then fixed -----------------------------------------------------------------
png(image, 4, 200)
sign_and_publish()
good = sha(image)
served = os.path.join(site, "objects", good[:2], good[2:])
original = open(served, "rb").read()
with open(served, "r+b") as f:  # same size, one byte different
    f.seek(len(original) // 2)
    f.write(bytes([original[len(original) // 2] ^ 0xFF]))
out = sync(rc=1, what="sync of a tampered object fails")
expect("fleet.object_invalid" in out.stderr, "tampered: the log names fleet.object_invalid", out.stderr)
expect(sha(os.path.join(current(), "images/letter.png")) == big, "tampered: nothing installed, the previous pack stays")
store = os.path.join(booth, "sync/objects", good[:2])
expect(not os.path.exists(os.path.join(store, good[2:])) and not os.path.exists(os.path.join(store, good[2:] + ".part")),
       "tampered: the bad download is deleted")
with open(served, "wb") as f:
    f.write(original)
mark = origin.mark()
sync(what="sync after the origin is fixed")
expect(sha(os.path.join(current(), "images/letter.png")) == good, "fixed: retried and installed")
expect(gets(origin.since(mark), "/channels/stable.json")[0].status == 200,
       "fixed: the channel was fetched again (the ETag was kept only after an install)")

# ---- offline -------------------------------------------------------------------------------------
out = run([SYNC, "--origin", "http://127.0.0.1:9/", "--channel", "stable", "--state-dir", booth, "--public-key", PUB,
           "--once"], rc=3, what="an unreachable origin exits 3")
expect("offline" in out.stderr and sha(os.path.join(current(), "images/letter.png")) == good,
       "offline: logged, the pack stays", out.stderr)

# ---- reports -------------------------------------------------------------------------------------
day_dirs = [os.path.join(origin.reports, "hall-east", d) for d in os.listdir(os.path.join(origin.reports, "hall-east"))]
expect(len(day_dirs) == 1, "reports: one folder per booth and day", day_dirs)
beat = json.load(open(os.path.join(day_dirs[0], "heartbeat.json")))
expect(beat["booth_id"] == "hall-east" and beat["pack"]["id"] == "valid-minimal"
       and beat["sync"]["result"] in ("installed", "unchanged", "up_to_date") and beat["disk"]["free_bytes"] > 0
       and "crashes" in beat["kiosk"] and beat["uptime_s"] > 0, "reports: the heartbeat names booth, pack, sync, disk, runs", beat)
expect(beat["last_frame"] and beat["last_frame"]["time"] == ALIVE_TIME and beat["last_frame"]["pid"] == 4242
       and 10 <= beat["last_frame"]["age_s"] < 600, "reports: the last frame is the kiosk's kiosk-alive.json", beat)
expect(os.path.getsize(os.path.join(day_dirs[0], "lantai.sqlite")) > 0, "reports: the statistics snapshot arrived")
expect(not os.listdir(os.path.join(booth, "sync/outbox")), "reports: nothing pending")
expect(os.path.getsize(os.path.join(booth, "lantai.sqlite")) > 0, "reports: the booth's database is still there")
# Away: the outbox keeps them; back: sent.
run([SYNC, "--origin", origin.url, "--channel", "stable", "--state-dir", booth, "--public-key", PUB, "--once",
     "--report-url", "http://booth:x@127.0.0.1:9/reports/", "--booth-id", "hall-west"], what="sync with the report URL away")
expect(len(os.listdir(os.path.join(booth, "sync/outbox"))) == 1, "reports: a failed PUT stays pending in the outbox")
sync(booth_id="hall-west", what="sync with the report URL back")
expect(not os.listdir(os.path.join(booth, "sync/outbox")) and os.path.isdir(os.path.join(origin.reports, "hall-west")),
       "reports: the pending report was resent")
out = run([LANTAI, "report", "--collected", origin.reports, "--out", os.path.join(WORK, "fleet.json"), "--lang", "en"])
report = json.load(open(os.path.join(WORK, "fleet.json")))
expect(len(report["booths"]) == 2 and report["sessions"] > 0
       and all("/reports/hall-" in b["source"] for b in report["booths"]),
       "lantai report --collected reads each booth's newest snapshot", out.stdout)

origin.stop()

# ---- deploy/README.md's fleet section: every command, in a sandbox -------------------------------
text = open(os.path.join(SRC, "deploy/README.md"), encoding="utf-8").read()
section = re.search(r"^## 7\. Many booths from one origin.*?\n(.*?)(?=^## |\Z)", text, re.S | re.M).group(1)
blocks = re.findall(r"```sh\n(.*?)```", section, re.S)
lines = [l.split("  #")[0].strip() for b in blocks for l in b.splitlines() if l.strip()]
expect(len(blocks) == 3 and len(lines) >= 7, "README: the fleet section shows the curators', booth's and office's commands", lines)
root = os.path.join(WORK, "readme")
srv, etc, usb, bin_dir = (os.path.join(root, d) for d in ("srv/lantai", "etc/lantai", "usb", "bin"))
state = os.path.join(root, "var/lib/lantai")
for d in (srv, etc, usb, bin_dir, state, os.path.join(srv, "packs")):
    os.makedirs(d, exist_ok=True)
os.chmod(root, 0o755)
shutil.copytree(os.path.join(SRC, "tests/packs/valid-minimal"), os.path.join(srv, "packs/autumn-2026"))
shutil.copy(os.path.join(booth, "lantai.sqlite"), state)
origin2 = FleetOrigin(NGINX, SRC, os.path.join(srv, "fleet"))
origin2.start()
with open(os.path.join(etc, "kiosk.toml"), "w", encoding="utf-8") as f:
    f.write(f'state_dir = "{state}"\n[stats]\nbooth_id = "hall-north"\n[trust]\npublic_keys = "{etc}/lantai.pub"\n'
            f'[sync]\norigin = "{origin2.url}"\nreport_url = "{origin2.report_url}"\n')
for name, target in (("lantai", LANTAI), ("lantai-sync", SYNC)):
    with open(os.path.join(bin_dir, name), "w") as f:
        f.write(f'#!/bin/sh\nexec "{target}" "$@"\n')
with open(os.path.join(bin_dir, "systemctl"), "w") as f:
    f.write(f'#!/bin/sh\necho "$@" >> "{root}/systemctl.log"\n')
for name in os.listdir(bin_dir):
    os.chmod(os.path.join(bin_dir, name), 0o755)
env = dict(os.environ, PATH=bin_dir + ":" + os.environ["PATH"], LANG="C.UTF-8")
for line in lines:
    if line.startswith("cp /media/usb/lantai.pub"):  # the stick the curators filled
        shutil.copy(os.path.join(srv, "keys/lantai.pub"), usb)
    sandboxed = line.replace("/srv/lantai", srv).replace("/etc/lantai", etc).replace("/media/usb", usb)
    proc = subprocess.run(["bash", "-euo", "pipefail", "-c", sandboxed], env=env, cwd=root, capture_output=True,
                          text=True, timeout=120)
    expect(proc.returncode == 0, "README: " + line, proc.stdout + proc.stderr)
expect(os.path.isfile(os.path.join(state, "packs/current/pack.json")), "README: the booth shows the published pack")
expect("enable --now lantai-sync.timer" in open(os.path.join(root, "systemctl.log")).read(), "README: the timer is enabled")
expect(os.path.getsize(os.path.join(root, "fleet-report.html")) > 0 and os.path.isdir(os.path.join(origin2.reports, "hall-north")),
       "README: the office's report over the collected snapshots")
origin2.stop()
print(f"fleet sync test: {time.monotonic() - started:.1f} s")
if not failures:
    shutil.rmtree(WORK, ignore_errors=True)
else:
    print("kept", WORK)
sys.exit(1 if failures else 0)
